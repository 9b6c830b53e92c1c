#include "kg/key_codec.h"

namespace kg::keys {

const char* IndexOrderName(IndexOrder order) {
  switch (order) {
    case IndexOrder::kSpo:
      return "spo";
    case IndexOrder::kPos:
      return "pos";
    case IndexOrder::kOsp:
      return "osp";
  }
  return "?";
}

void AppendId(std::string* out, uint64_t id) {
  char buf[kIdSize];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(id & 0xff);
    id >>= 8;
  }
  out->append(buf, kIdSize);
}

void AppendDocNumber(std::string* out, uint32_t doc) {
  char buf[kDocNumberSize];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(doc & 0xff);
    doc >>= 8;
  }
  out->append(buf, kDocNumberSize);
}

uint64_t ReadId(const char* p) {
  uint64_t v = 0;
  for (size_t i = 0; i < kIdSize; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint32_t ReadDocNumber(const char* p) {
  uint32_t v = 0;
  for (size_t i = 0; i < kDocNumberSize; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string IdKey(TermId id) {
  std::string out;
  AppendId(&out, id);
  return out;
}

void AppendTripleKey(std::string* out, IndexOrder order, const Triple& t) {
  switch (order) {
    case IndexOrder::kSpo:
      AppendId(out, t.s), AppendId(out, t.p), AppendId(out, t.o);
      break;
    case IndexOrder::kPos:
      AppendId(out, t.p), AppendId(out, t.o), AppendId(out, t.s);
      break;
    case IndexOrder::kOsp:
      AppendId(out, t.o), AppendId(out, t.s), AppendId(out, t.p);
      break;
  }
}

std::string TripleKey(IndexOrder order, const Triple& t) {
  std::string out;
  out.reserve(kTripleKeySize);
  AppendTripleKey(&out, order, t);
  return out;
}

Triple DecodeTripleKey(IndexOrder order, std::string_view key) {
  return TripleFromKeyIds(order, ReadId(key.data()), ReadId(key.data() + 8),
                          ReadId(key.data() + 16));
}

Triple TripleFromKeyIds(IndexOrder order, uint64_t a, uint64_t b, uint64_t c) {
  switch (order) {
    case IndexOrder::kSpo:
      return Triple{a, b, c};
    case IndexOrder::kPos:
      return Triple{c, a, b};
    case IndexOrder::kOsp:
      return Triple{b, c, a};
  }
  return Triple{};
}

ScanRange RangeFor(const TriplePattern& p) {
  ScanRange r{IndexOrder::kSpo, {}};
  RangeFor(p, &r);
  return r;
}

void RangeFor(const TriplePattern& p, ScanRange* out) {
  ScanRange& r = *out;
  r.order = IndexOrder::kSpo;
  r.prefix.clear();
  const bool s = p.s != kNoTerm, pr = p.p != kNoTerm, o = p.o != kNoTerm;
  if (s) {
    if (pr) {
      AppendId(&r.prefix, p.s), AppendId(&r.prefix, p.p);
      if (o) AppendId(&r.prefix, p.o);
    } else if (o) {
      r.order = IndexOrder::kOsp;
      AppendId(&r.prefix, p.o), AppendId(&r.prefix, p.s);
    } else {
      AppendId(&r.prefix, p.s);
    }
  } else if (pr) {
    r.order = IndexOrder::kPos;
    AppendId(&r.prefix, p.p);
    if (o) AppendId(&r.prefix, p.o);
  } else if (o) {
    r.order = IndexOrder::kOsp;
    AppendId(&r.prefix, p.o);
  }
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string s;
  PrefixSuccessor(prefix, &s);
  return s;
}

void PrefixSuccessor(std::string_view prefix, std::string* out) {
  std::string& s = *out;
  s.assign(prefix);
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c != 0xff) {
      s.back() = static_cast<char>(c + 1);
      return;
    }
    s.pop_back();
  }
}

std::string DocStmtPrefix(uint32_t doc) {
  std::string out;
  AppendDocNumber(&out, doc);
  return out;
}

std::string DocStmtKey(uint32_t doc, const Triple& t) {
  std::string out = DocStmtPrefix(doc);
  AppendTripleKey(&out, IndexOrder::kSpo, t);
  return out;
}

std::string EvidenceKey(const Triple& t, uint32_t doc, uint32_t seq) {
  std::string out = TripleKey(IndexOrder::kSpo, t);
  AppendDocNumber(&out, doc);
  AppendDocNumber(&out, seq);
  return out;
}

std::string DocIdKey(std::string_view doc_id) {
  std::string out(1, kDocIdTag);
  out.append(doc_id);
  return out;
}

std::string DocNumberKey(uint32_t doc) {
  std::string out(1, kDocNumberTag);
  AppendDocNumber(&out, doc);
  return out;
}

std::string NameKey(std::string_view folded, TermId id) {
  std::string out(folded);
  out.push_back('\0');
  AppendId(&out, id);
  return out;
}

bool DecodeNameKey(std::string_view key, std::string_view* folded, TermId* id) {
  if (key.size() < kIdSize + 1 || key[key.size() - kIdSize - 1] != '\0') return false;
  *folded = key.substr(0, key.size() - kIdSize - 1);
  *id = ReadId(key.data() + key.size() - kIdSize);
  return true;
}

std::string PredicateStatsKey(TermId predicate) {
  std::string out(1, kPredicateStatsTag);
  AppendId(&out, predicate);
  return out;
}

}  // namespace kg::keys
