// Reads: terms, triple patterns, names, labels, evidence, documents, stats.
#include <algorithm>
#include <filesystem>
#include <map>

#include <rocksdb/perf_level.h>

#include "kg/index_cursor.h"
#include "kg/name_fold.h"
#include "kg/rocks_store.h"
#include "kg/vocab.h"

namespace kg {
namespace {

// RocksDB counts every key and block a thread touches in thread-local perf
// counters unless the thread says otherwise; kg reads none of them, and they
// were 8% of the instructions of a join of bench/query.sh. The setting is
// per thread, so each read entry point a query thread goes through sets it.
void QuietPerfCounters() { rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable); }

}  // namespace

Result<TermId> RocksStore::FindTerm(const Term& term) const {
  QuietPerfCounters();
  KG_ASSIGN_OR_RETURN(auto id, LookupTerm(ReadAt(nullptr), term));
  if (!id) return Status::NotFound("no term " + term.ToNTriples() + " in store " + dir_);
  return *id;
}

Result<Term> RocksStore::GetTerm(TermId id) const { return ReadTerm(ReadAt(nullptr), id); }

std::unique_ptr<TripleCursor> RocksStore::Scan(const TriplePattern& pattern) const {
  QuietPerfCounters();
  return NewIndexCursor(this, keys::RangeFor(pattern));
}

Result<uint64_t> RocksStore::Count(const TriplePattern& pattern) const {
  auto ro = ReadAt(nullptr);
  std::string v;
  if (pattern.s == kNoTerm && pattern.o == kNoTerm) {
    // Counts kept current by every write answer these without a scan.
    std::string key = pattern.p == kNoTerm ? std::string(keys::kTotalTriplesKey)
                                           : keys::PredicateStatsKey(pattern.p);
    auto s = db_->Get(ro, cf(Cf::kStats), key, &v);
    if (s.IsNotFound()) return uint64_t{0};
    KG_RETURN_IF_ERROR(Err(s, "read stats"));
    PredicateStats ps;
    uint64_t n = 0;
    bool ok = pattern.p == kNoTerm ? rows::DecodeCount(v, &n) : rows::DecodePredicateStats(v, &ps);
    if (!ok) return Status::Corruption("store " + dir_ + ": bad stats row");
    return pattern.p == kNoTerm ? n : ps.triples;
  }
  keys::ScanRange r = keys::RangeFor(pattern);
  return CountPrefix(ro, IndexCf(r.order), r.prefix, UINT64_MAX);
}

bool RocksStore::Contains(const Triple& t) const {
  std::string v;
  return db_->Get(ReadAt(nullptr), cf(Cf::kSpo), keys::TripleKey(keys::IndexOrder::kSpo, t), &v)
      .ok();
}

Result<std::vector<TermId>> RocksStore::FindByName(std::string_view name) const {
  std::string prefix = FoldName(name);
  std::vector<TermId> out;
  if (prefix.empty()) return out;
  prefix.push_back('\0');
  KG_RETURN_IF_ERROR(
      ForEachKey(ReadAt(nullptr), Cf::kNames, prefix, [&](std::string_view k, std::string_view) {
        if (k.size() == prefix.size() + keys::kIdSize) {
          out.push_back(keys::ReadId(k.data() + prefix.size()));
        }
        return true;
      }));
  return out;
}

Result<std::vector<std::pair<std::string, TermId>>> RocksStore::NamesWithPrefix(
    std::string_view prefix, size_t limit) const {
  std::vector<std::pair<std::string, TermId>> out;
  if (limit == 0) return out;
  std::string folded = FoldName(prefix);
  // FoldName trims; a trailing space typed by the user still narrows the prefix.
  if (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t') && !folded.empty()) {
    folded.push_back(' ');
  }
  KG_RETURN_IF_ERROR(
      ForEachKey(ReadAt(nullptr), Cf::kNames, folded, [&](std::string_view k, std::string_view) {
        std::string_view name;
        TermId id;
        if (keys::DecodeNameKey(k, &name, &id)) {
          out.emplace_back(std::string(name), id);
        }
        return out.size() < limit;
      }));
  return out;
}

Status RocksStore::ForEachName(const std::function<bool(std::string_view, TermId)>& fn) const {
  return ForEachKey(ReadAt(nullptr), Cf::kNames, "", [&](std::string_view k, std::string_view) {
    std::string_view name;
    TermId id;
    if (!keys::DecodeNameKey(k, &name, &id)) return true;
    return fn(name, id);
  });
}

std::string RocksStore::Label(TermId id) const {
  auto ro = ReadAt(nullptr);
  for (auto iri : {vocab::kRdfsLabel, vocab::kSkosPrefLabel}) {
    auto pred = LookupTerm(ro, Term::Iri(std::string(iri)));
    if (!pred.ok() || !*pred) continue;
    std::string prefix = keys::IdKey(id) + keys::IdKey(**pred);
    std::string label;
    auto s = ForEachKey(ro, Cf::kSpo, prefix, [&](std::string_view k, std::string_view) {
      auto t = ReadTerm(ro, keys::DecodeTripleKey(keys::IndexOrder::kSpo, k).o);
      if (t.ok() && t->is_literal()) {
        // Prefer an English or untagged label when there are several.
        if (label.empty() || t->lang.empty() || t->lang == "en") label = t->value;
        return !(t->lang.empty() || t->lang == "en");
      }
      return true;
    });
    if (s.ok() && !label.empty()) return label;
  }
  auto term = ReadTerm(ro, id);
  if (!term.ok()) return "#" + std::to_string(id);
  if (term->is_iri()) return std::string(vocab::LocalName(term->value));
  return term->value;
}

Result<std::vector<Evidence>> RocksStore::GetEvidence(const Triple& t) const {
  SnapshotGuard snap(this);
  auto ro = ReadAt(snap.get());
  std::vector<Evidence> out;
  std::map<uint32_t, std::string> doc_ids;
  Status inner;
  KG_RETURN_IF_ERROR(
      ForEachKey(ro, Cf::kEvidence, keys::TripleKey(keys::IndexOrder::kSpo, t),
                 [&](std::string_view k, std::string_view v) {
                   Evidence e;
                   if (k.size() != keys::kEvidenceKeySize || !rows::DecodeEvidence(v, &e)) {
                     inner = Status::Corruption("store " + dir_ + ": bad evidence row");
                     return false;
                   }
                   uint32_t doc = keys::ReadDocNumber(k.data() + keys::kTripleKeySize);
                   auto it = doc_ids.find(doc);
                   if (it == doc_ids.end()) {
                     auto id = DocIdOf(ro, doc);
                     if (!id.ok()) {
                       inner = id.status();
                       return false;
                     }
                     it = doc_ids.emplace(doc, *id).first;
                   }
                   e.doc_id = it->second;
                   out.push_back(std::move(e));
                   return true;
                 }));
  KG_RETURN_IF_ERROR(inner);
  return out;
}

Result<std::vector<std::string>> RocksStore::SupportingDocuments(const Triple& t) const {
  SnapshotGuard snap(this);
  auto ro = ReadAt(snap.get());
  std::string v;
  std::vector<std::string> out;
  auto s = db_->Get(ro, cf(Cf::kSpo), keys::TripleKey(keys::IndexOrder::kSpo, t), &v);
  if (s.IsNotFound()) return out;
  KG_RETURN_IF_ERROR(Err(s, "read support"));
  std::vector<uint32_t> docs;
  if (!rows::DecodeSupport(v, &docs))
    return Status::Corruption("store " + dir_ + ": bad support row");
  for (uint32_t d : docs) {
    KG_ASSIGN_OR_RETURN(std::string id, DocIdOf(ro, d));
    out.push_back(std::move(id));
  }
  return out;
}

Result<std::optional<DocumentInfo>> RocksStore::GetDocument(std::string_view doc_id) const {
  KG_ASSIGN_OR_RETURN(auto row, ReadDocRow(ReadAt(nullptr), doc_id));
  if (!row) return std::optional<DocumentInfo>();
  return std::optional<DocumentInfo>(std::move(row->info));
}

Result<std::vector<DocumentInfo>> RocksStore::ListDocuments() const {
  std::vector<DocumentInfo> out;
  Status inner;
  KG_RETURN_IF_ERROR(ForEachKey(ReadAt(nullptr), Cf::kDocs, std::string(1, keys::kDocIdTag),
                                [&](std::string_view k, std::string_view v) {
                                  rows::DocRow row;
                                  if (!rows::DecodeDocRow(k.substr(1), v, &row)) {
                                    inner =
                                        Status::Corruption("store " + dir_ + ": bad document row");
                                    return false;
                                  }
                                  out.push_back(std::move(row.info));
                                  return true;
                                }));
  KG_RETURN_IF_ERROR(inner);
  return out;
}

Status RocksStore::ForEachDocumentTriple(std::string_view doc_id,
                                         const std::function<bool(const Triple&)>& fn) const {
  SnapshotGuard snap(this);
  auto ro = ReadAt(snap.get());
  KG_ASSIGN_OR_RETURN(auto row, ReadDocRow(ro, doc_id));
  if (!row) return Status::NotFound("no document " + std::string(doc_id) + " in store " + dir_);
  std::vector<std::pair<Triple, uint32_t>> triples;
  KG_RETURN_IF_ERROR(DocumentTriples(ro, *row, &triples));
  for (const auto& [t, n] : triples) {
    if (!fn(t)) break;
  }
  return Status::OK();
}

Result<PredicateStats> RocksStore::GetPredicateStats(TermId predicate) const {
  PredicateStats ps;
  ps.predicate = predicate;
  std::string v;
  auto s = db_->Get(ReadAt(nullptr), cf(Cf::kStats), keys::PredicateStatsKey(predicate), &v);
  if (s.IsNotFound()) return ps;
  KG_RETURN_IF_ERROR(Err(s, "read stats"));
  if (!rows::DecodePredicateStats(v, &ps))
    return Status::Corruption("store " + dir_ + ": bad stats row");
  return ps;
}

Result<std::vector<PredicateStats>> RocksStore::PredicateStatsAt(
    const rocksdb::ReadOptions& ro) const {
  std::vector<PredicateStats> out;
  Status inner;
  KG_RETURN_IF_ERROR(ForEachKey(ro, Cf::kStats, std::string(1, keys::kPredicateStatsTag),
                                [&](std::string_view k, std::string_view v) {
                                  PredicateStats ps;
                                  if (k.size() != 1 + keys::kIdSize ||
                                      !rows::DecodePredicateStats(v, &ps)) {
                                    inner = Status::Corruption("bad stats row");
                                    return false;
                                  }
                                  ps.predicate = keys::ReadId(k.data() + 1);
                                  out.push_back(ps);
                                  return true;
                                }));
  KG_RETURN_IF_ERROR(inner);
  return out;
}

Result<std::vector<PredicateStats>> RocksStore::ListPredicateStats() const {
  return PredicateStatsAt(ReadAt(nullptr));
}

Status RocksStore::ForEachObjectSubject(rocksdb::ReadOptions ro, std::string_view predicate,
                                        const std::function<void(TermId, TermId)>& fn) const {
  KG_ASSIGN_OR_RETURN(auto pred, LookupTerm(ro, Term::Iri(std::string(predicate))));
  if (!pred) return Status::OK();
  std::string prefix = keys::IdKey(*pred), upper = keys::PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice(upper);
  ro.iterate_upper_bound = &upper_slice;
  ro.fill_cache = false;  // one pass over many blocks would only evict others
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kPos)));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    rocksdb::Slice k = it->key();
    if (k.size() != keys::kTripleKeySize) continue;
    fn(keys::ReadId(k.data() + keys::kIdSize), keys::ReadId(k.data() + 2 * keys::kIdSize));
  }
  return Err(it->status(), "scan " + std::string(predicate));
}

Result<std::vector<std::pair<TermId, uint64_t>>> RocksStore::ListTypeCounts() const {
  std::vector<std::pair<TermId, uint64_t>> types;
  KG_RETURN_IF_ERROR(ForEachObjectSubject(ReadAt(nullptr), vocab::kRdfType, [&](TermId o, TermId) {
    if (types.empty() || types.back().first != o) types.emplace_back(o, 0);
    types.back().second++;
  }));
  return types;
}

Result<StoreStats> RocksStore::GetStats() const {
  SnapshotGuard snap(this);
  auto ro = ReadAt(snap.get());
  StoreStats st;
  std::string v;
  auto s = db_->Get(ro, cf(Cf::kStats), keys::kTotalTriplesKey, &v);
  if (s.ok() && !rows::DecodeCount(v, &st.triples)) return Status::Corruption("bad total row");
  if (!s.ok() && !s.IsNotFound()) return Err(s, "read stats");
  s = db_->Get(ro, cf(Cf::kMeta), keys::kNextTermKey, &v);
  uint64_t next = 1;
  if (s.ok()) rows::DecodeCount(v, &next);
  st.terms = next - 1;
  KG_ASSIGN_OR_RETURN(st.predicates, PredicateStatsAt(ro));
  KG_ASSIGN_OR_RETURN(st.documents,
                      CountPrefix(ro, Cf::kDocs, std::string(1, keys::kDocIdTag), UINT64_MAX));
  // Types and entities: subjects with an rdf:type or a label, marked in a
  // bitmap over term ids (sorting every label's subject took seconds on
  // 10 M triples).
  std::vector<uint64_t> seen((next + 63) / 64);
  auto mark = [&](TermId s) {
    if (s / 64 >= seen.size()) seen.resize(s / 64 + 1);
    uint64_t bit = uint64_t{1} << (s % 64);
    st.entities += (seen[s / 64] & bit) == 0;
    seen[s / 64] |= bit;
  };
  KG_RETURN_IF_ERROR(ForEachObjectSubject(ro, vocab::kRdfType, [&](TermId o, TermId s) {
    if (st.types.empty() || st.types.back().first != o) st.types.emplace_back(o, 0);
    st.types.back().second++;
    mark(s);
  }));
  for (auto iri : {vocab::kRdfsLabel, vocab::kSkosPrefLabel, vocab::kSkosAltLabel}) {
    KG_RETURN_IF_ERROR(ForEachObjectSubject(ro, iri, [&](TermId, TermId s) { mark(s); }));
  }
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code ec2;
    if (it->is_regular_file(ec2)) st.disk_bytes += it->file_size(ec2);
  }
  return st;
}

Result<std::vector<Term>> RocksStore::GetTerms(const std::vector<TermId>& ids) const {
  QuietPerfCounters();
  std::vector<uint32_t> order(ids.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
  std::vector<Term> out(ids.size());
  rocksdb::ReadOptions ro = ReadAt(nullptr);
  ro.fill_cache = ids.size() < 100000;  // a large pass would only evict other blocks
  // Every id below the next one has a row, so the gap between two wanted ids
  // is the number of rows between them. Within a few rows an iterator steps
  // to the next; farther on, a point read (bloom filters, the blocks' hash
  // index) beats an iterator's seek, which visits every file of the column.
  constexpr TermId kMaxSteps = 4;
  std::unique_ptr<rocksdb::Iterator> it;
  TermId it_at = kNoTerm;  // the id the iterator is on
  std::string value;
  for (size_t k = 0; k < order.size(); ++k) {
    const uint32_t i = order[k];
    if (k > 0 && ids[order[k - 1]] == ids[i]) {
      out[i] = out[order[k - 1]];
      continue;
    }
    std::string key = keys::IdKey(ids[i]);
    rocksdb::Slice want(key);
    rocksdb::Slice row;
    bool point_read = false;
    if (it_at != kNoTerm && ids[i] - it_at <= kMaxSteps) {
      while (it->Valid() && it->key().compare(want) < 0) it->Next();
    } else if (k + 1 < order.size() && ids[order[k + 1]] - ids[i] <= kMaxSteps) {
      if (!it) it.reset(db_->NewIterator(ro, cf(Cf::kId2Term)));
      it->Seek(want);
    } else {
      it_at = kNoTerm;
      auto st = db_->Get(ro, cf(Cf::kId2Term), want, &value);
      if (st.IsNotFound()) return Status::NotFound("no term with id " + std::to_string(ids[i]));
      KG_RETURN_IF_ERROR(Err(st, "read terms"));
      row = value;
      point_read = true;
    }
    if (!point_read) {
      if (!it->Valid() || it->key() != want) {
        KG_RETURN_IF_ERROR(Err(it->status(), "read terms"));
        return Status::NotFound("no term with id " + std::to_string(ids[i]));
      }
      it_at = ids[i];
      row = it->value();
    }
    if (!rows::DecodeTerm(std::string_view(row.data(), row.size()), &out[i])) {
      return Status::Corruption("store " + dir_ + ": bad term row " + std::to_string(ids[i]));
    }
  }
  return out;
}

}  // namespace kg
