#include "kg/row_codec.h"

#include <cstring>

#include "kg/key_codec.h"
#include "kg/vocab.h"

namespace kg::rows {

void AppendVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool ReadVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    unsigned char c = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(c & 0x7f) << shift;
    if (!(c & 0x80)) {
      *v = result;
      return true;
    }
  }
  return false;
}

void AppendString(std::string* out, std::string_view s) {
  AppendVarint(out, s.size());
  out->append(s);
}

bool ReadString(std::string_view* in, std::string* s) {
  uint64_t n;
  if (!ReadVarint(in, &n) || n > in->size()) return false;
  s->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

void AppendEncodedTerm(std::string* out, const Term& term) {
  out->push_back(static_cast<char>(term.kind));
  if (term.kind == TermKind::kLiteral) {
    std::string_view dt = term.datatype;
    if (!term.lang.empty() || dt == vocab::kXsdString || dt == vocab::kRdfLangString) dt = {};
    AppendString(out, dt);
    AppendString(out, term.lang);
  }
  out->append(term.value);
}

std::string EncodeTerm(const Term& term) {
  std::string out;
  out.reserve(term.value.size() + 3);
  AppendEncodedTerm(&out, term);
  return out;
}

bool DecodeTerm(std::string_view in, Term* term) {
  if (in.empty()) return false;
  auto kind = static_cast<TermKind>(in.front());
  in.remove_prefix(1);
  *term = Term{};
  term->kind = kind;
  switch (kind) {
    case TermKind::kIri:
    case TermKind::kBlank:
      break;
    case TermKind::kLiteral:
      if (!ReadString(&in, &term->datatype) || !ReadString(&in, &term->lang)) return false;
      break;
    default:
      return false;
  }
  term->value.assign(in);
  return true;
}

std::string EncodeDocRow(const DocRow& row) {
  std::string out;
  keys::AppendDocNumber(&out, row.number);
  out.push_back(row.bulk ? 1 : 0);
  AppendVarint(&out, row.info.triple_count);
  AppendString(&out, row.info.title);
  AppendString(&out, row.info.date);
  AppendString(&out, row.info.source);
  AppendString(&out, row.info.content_hash);
  return out;
}

bool DecodeDocRow(std::string_view doc_id, std::string_view in, DocRow* row) {
  if (in.size() < keys::kDocNumberSize + 1) return false;
  row->number = keys::ReadDocNumber(in.data());
  row->bulk = in[keys::kDocNumberSize] & 1;
  in.remove_prefix(keys::kDocNumberSize + 1);
  row->info = DocumentInfo{};
  row->info.id.assign(doc_id);
  return ReadVarint(&in, &row->info.triple_count) && ReadString(&in, &row->info.title) &&
         ReadString(&in, &row->info.date) && ReadString(&in, &row->info.source) &&
         ReadString(&in, &row->info.content_hash);
}

std::string EncodeEvidence(const Evidence& e) {
  std::string out;
  AppendVarint(&out, e.sentence_index);
  AppendVarint(&out, e.begin);
  AppendVarint(&out, e.end);
  uint32_t bits;
  std::memcpy(&bits, &e.confidence, sizeof bits);
  AppendVarint(&out, bits);
  AppendString(&out, e.rule);
  AppendString(&out, e.sentence);
  return out;
}

bool DecodeEvidence(std::string_view in, Evidence* e) {
  uint64_t idx, begin, end, bits;
  if (!ReadVarint(&in, &idx) || !ReadVarint(&in, &begin) || !ReadVarint(&in, &end) ||
      !ReadVarint(&in, &bits) || !ReadString(&in, &e->rule) || !ReadString(&in, &e->sentence)) {
    return false;
  }
  e->sentence_index = static_cast<uint32_t>(idx);
  e->begin = static_cast<uint32_t>(begin);
  e->end = static_cast<uint32_t>(end);
  uint32_t b = static_cast<uint32_t>(bits);
  std::memcpy(&e->confidence, &b, sizeof b);
  return true;
}

std::string EncodeSupport(const std::vector<uint32_t>& docs) {
  std::string out;
  for (uint32_t d : docs) AppendVarint(&out, d);
  return out;
}

bool DecodeSupport(std::string_view in, std::vector<uint32_t>* docs) {
  docs->clear();
  while (!in.empty()) {
    uint64_t d;
    if (!ReadVarint(&in, &d)) return false;
    docs->push_back(static_cast<uint32_t>(d));
  }
  return true;
}

std::string EncodePredicateStats(const PredicateStats& s) {
  std::string out;
  AppendVarint(&out, s.triples);
  AppendVarint(&out, s.distinct_subjects);
  AppendVarint(&out, s.distinct_objects);
  return out;
}

bool DecodePredicateStats(std::string_view in, PredicateStats* s) {
  return ReadVarint(&in, &s->triples) && ReadVarint(&in, &s->distinct_subjects) &&
         ReadVarint(&in, &s->distinct_objects);
}

std::string EncodeCount(uint64_t v) {
  std::string out;
  AppendVarint(&out, v);
  return out;
}

bool DecodeCount(std::string_view in, uint64_t* v) { return ReadVarint(&in, v); }

}  // namespace kg::rows
