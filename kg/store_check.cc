// Store::Check: every index against the others, counts against contents,
// evidence and documents against triples. Reads one snapshot throughout.
#include <map>
#include <set>

#include <unistd.h>

#include <filesystem>

#include "kg/external_sorter.h"
#include "kg/rocks_store.h"

namespace kg {
namespace {

constexpr size_t kMaxProblems = 200;

std::string Show(const Triple& t) {
  return "(" + std::to_string(t.s) + " " + std::to_string(t.p) + " " + std::to_string(t.o) + ")";
}

class Checker {
 public:
  Checker(const RocksStore* store, const rocksdb::Snapshot* snap, std::vector<std::string>* out)
      : store_(store), ro_(store->ReadAt(snap)), out_(out) {}

  Status Run() {
    tmp_ = (std::filesystem::temp_directory_path() /
            ("kg-check-" + std::to_string(getpid()) + "-" +
             std::to_string(reinterpret_cast<uintptr_t>(this))))
               .string();
    std::error_code ec;
    std::filesystem::create_directories(tmp_, ec);
    if (ec) return Status::StoreError("cannot create " + tmp_ + ": " + ec.message());
    pos_expected_ = std::make_unique<ExternalSorter>(tmp_, "pos", kSortChunk);
    osp_expected_ = std::make_unique<ExternalSorter>(tmp_, "osp", kSortChunk);
    KG_RETURN_IF_ERROR(LoadDocuments());
    KG_RETURN_IF_ERROR(CheckSpoAndSupport());
    KG_RETURN_IF_ERROR(status_);
    for (auto order : {keys::IndexOrder::kPos, keys::IndexOrder::kOsp}) {
      KG_RETURN_IF_ERROR(CheckTwinIndex(order));
    }
    KG_RETURN_IF_ERROR(CheckDocStmt());
    KG_RETURN_IF_ERROR(CheckEvidence());
    CheckDocumentCounts();
    KG_RETURN_IF_ERROR(CheckStats());
    if (dropped_ > 0) out_->push_back("... and " + std::to_string(dropped_) + " more problems");
    return Status::OK();
  }

 private:
  void Problem(std::string text) {
    if (out_->size() < kMaxProblems) {
      out_->push_back(std::move(text));
    } else {
      ++dropped_;
    }
  }

  bool Has(Cf c, const std::string& key) {
    std::string v;
    return store_->db()->Get(ro_, store_->cf(c), key, &v).ok();
  }

  Status LoadDocuments() {
    return store_->ForEachKey(ro_, Cf::kDocs, "", [&](std::string_view k, std::string_view v) {
      if (!k.empty() && k[0] == keys::kDocIdTag) {
        rows::DocRow row;
        if (!rows::DecodeDocRow(k.substr(1), v, &row)) {
          Problem("docs: bad row for document " + std::string(k.substr(1)));
        } else {
          docs_[row.number] = row;
        }
      } else if (k.size() == 1 + keys::kDocNumberSize && k[0] == keys::kDocNumberTag) {
        numbers_[keys::ReadDocNumber(k.data() + 1)] = std::string(v);
      } else {
        Problem("docs: malformed key");
      }
      return true;
    });
  }

  Status CheckSpoAndSupport() {
    Triple last{};
    bool first = true;
    std::vector<uint32_t> list;
    return store_->ForEachKey(ro_, Cf::kSpo, "", [&](std::string_view k, std::string_view v) {
      if (k.size() != keys::kTripleKeySize) {
        Problem("spo: malformed key of " + std::to_string(k.size()) + " bytes");
        return true;
      }
      Triple t = keys::DecodeTripleKey(keys::IndexOrder::kSpo, k);
      ++triples_;
      auto& ps = predicates_[t.p];
      ps.triples++;
      if (first || last.s != t.s || last.p != t.p) ps.distinct_subjects++;
      first = false;
      last = t;
      // The twins each index should hold, sorted externally and compared
      // with the index in one sequential pass (random lookups are far slower).
      if (!status_.ok()) return false;
      status_ = pos_expected_->Add({t.p, t.o, t.s});
      if (status_.ok()) status_ = osp_expected_->Add({t.o, t.s, t.p});
      if (!rows::DecodeSupport(v, &list) || list.empty()) {
        Problem("spo: no supporting document for triple " + Show(t));
      }
      for (uint32_t d : list) {
        if (!docs_.count(d)) {
          Problem("spo: triple " + Show(t) + " names unknown document number " + std::to_string(d));
        } else {
          support_counts_[d]++;
        }
      }
      return true;
    });
  }

  Status CheckTwinIndex(keys::IndexOrder order) {
    const std::string name = keys::IndexOrderName(order);
    ExternalSorter& expected = order == keys::IndexOrder::kPos ? *pos_expected_ : *osp_expected_;
    std::unique_ptr<rocksdb::Iterator> it(
        store_->db()->NewIterator(ro_, store_->cf(IndexCf(order))));
    it->SeekToFirst();
    uint64_t n = 0;
    Triple last{};
    bool first = true;
    // Consumes the index's keys below `bound` (all when null): each is a
    // stray, except one equal to `bound`, which is the expected twin.
    auto advance = [&](const std::string* bound) -> bool {
      bool found = false;
      while (it->Valid()) {
        auto k = it->key();
        if (bound && k.compare(*bound) > 0) break;
        if (k.size() != keys::kTripleKeySize) {
          Problem(name + ": malformed key");
          it->Next();
          continue;
        }
        ++n;
        Triple t = keys::DecodeTripleKey(order, k.ToStringView());
        if (order == keys::IndexOrder::kPos) {
          if (first || last.p != t.p || last.o != t.o) objects_[t.p]++;
          first = false;
          last = t;
        }
        if (bound && k == *bound) {
          found = true;
          it->Next();
          break;
        }
        Problem(name + ": triple " + Show(t) + " missing from spo");
        it->Next();
      }
      return found;
    };
    KG_RETURN_IF_ERROR(expected.Merge([&](const IdKey3& k) -> Status {
      std::string key;
      keys::AppendId(&key, k.a), keys::AppendId(&key, k.b), keys::AppendId(&key, k.c);
      if (!advance(&key)) {
        Problem(name + ": missing twin of spo triple " + Show(keys::DecodeTripleKey(order, key)));
      }
      return Status::OK();
    }));
    advance(nullptr);
    KG_RETURN_IF_ERROR(store_->Err(it->status(), "check " + name));
    if (n != triples_) {
      Problem(name + " holds " + std::to_string(n) + " triples, spo " + std::to_string(triples_));
    }
    return Status::OK();
  }

  Status CheckDocStmt() {
    std::vector<uint32_t> list;
    return store_->ForEachKey(ro_, Cf::kDocStmt, "", [&](std::string_view k, std::string_view v) {
      uint64_t n;
      if (k.size() != keys::kDocNumberSize + keys::kTripleKeySize || !rows::DecodeCount(v, &n)) {
        Problem("docstmt: malformed row");
        return true;
      }
      uint32_t d = keys::ReadDocNumber(k.data());
      std::string spo(k.substr(keys::kDocNumberSize));
      Triple t = keys::DecodeTripleKey(keys::IndexOrder::kSpo, spo);
      docstmt_counts_[d]++;
      evidence_rows_[std::string(k)] = n;
      std::string sv;
      if (!store_->db()->Get(ro_, store_->cf(Cf::kSpo), spo, &sv).ok() ||
          !rows::DecodeSupport(sv, &list) || std::find(list.begin(), list.end(), d) == list.end()) {
        Problem("docstmt: document number " + std::to_string(d) + " states " + Show(t) +
                " but is not among its supporting documents");
      }
      return true;
    });
  }

  Status CheckEvidence() {
    return store_->ForEachKey(ro_, Cf::kEvidence, "", [&](std::string_view k, std::string_view v) {
      Evidence e;
      if (k.size() != keys::kEvidenceKeySize || !rows::DecodeEvidence(v, &e)) {
        Problem("evidence: malformed row");
        return true;
      }
      Triple t = keys::DecodeTripleKey(keys::IndexOrder::kSpo, k);
      uint32_t d = keys::ReadDocNumber(k.data() + keys::kTripleKeySize);
      uint32_t seq = keys::ReadDocNumber(k.data() + keys::kTripleKeySize + keys::kDocNumberSize);
      if (!Has(Cf::kSpo, std::string(k.substr(0, keys::kTripleKeySize)))) {
        Problem("evidence: row for absent triple " + Show(t));
      }
      if (!docs_.count(d)) {
        Problem("evidence: row for unknown document number " + std::to_string(d));
        return true;
      }
      auto it = evidence_rows_.find(keys::DocStmtKey(d, t));
      if (it == evidence_rows_.end() || seq >= it->second) {
        Problem("evidence: row " + std::to_string(seq) + " of " + Show(t) + " in document " +
                docs_[d].info.id + " is not recorded for the document");
      }
      return true;
    });
  }

  void CheckDocumentCounts() {
    for (const auto& [number, row] : docs_) {
      auto it = numbers_.find(number);
      if (it == numbers_.end() || it->second != row.info.id) {
        Problem("docs: document " + row.info.id + " has no matching number row");
      }
      uint64_t supported = support_counts_[number];
      if (supported != row.info.triple_count) {
        Problem("docs: document " + row.info.id + " records " +
                std::to_string(row.info.triple_count) + " triples but supports " +
                std::to_string(supported));
      }
      if (!row.bulk && docstmt_counts_[number] != row.info.triple_count) {
        Problem("docstmt: document " + row.info.id + " has " +
                std::to_string(docstmt_counts_[number]) + " rows for " +
                std::to_string(row.info.triple_count) + " triples");
      }
    }
    for (const auto& [number, id] : numbers_) {
      if (!docs_.count(number))
        Problem("docs: number row " + std::to_string(number) + " for missing document " + id);
    }
    for (const auto& [number, n] : docstmt_counts_) {
      if (!docs_.count(number))
        Problem("docstmt: " + std::to_string(n) + " rows for unknown document number " +
                std::to_string(number));
    }
  }

  Status CheckStats() {
    std::map<TermId, PredicateStats> stored;
    uint64_t total = 0;
    bool have_total = false;
    KG_RETURN_IF_ERROR(
        store_->ForEachKey(ro_, Cf::kStats, "", [&](std::string_view k, std::string_view v) {
          if (k == keys::kTotalTriplesKey) {
            have_total = rows::DecodeCount(v, &total);
            return true;
          }
          PredicateStats ps;
          if (k.size() != 1 + keys::kIdSize || k[0] != keys::kPredicateStatsTag ||
              !rows::DecodePredicateStats(v, &ps)) {
            Problem("stats: malformed row");
            return true;
          }
          stored[keys::ReadId(k.data() + 1)] = ps;
          return true;
        }));
    if ((have_total ? total : 0) != triples_) {
      Problem("stats: total says " + std::to_string(total) + " triples, spo holds " +
              std::to_string(triples_));
    }
    for (auto& [p, actual] : predicates_) {
      actual.distinct_objects = objects_[p];
      auto it = stored.find(p);
      PredicateStats s = it == stored.end() ? PredicateStats{} : it->second;
      if (s.triples != actual.triples || s.distinct_subjects != actual.distinct_subjects ||
          s.distinct_objects != actual.distinct_objects) {
        Problem("stats: predicate " + std::to_string(p) + " recorded " + std::to_string(s.triples) +
                "/" + std::to_string(s.distinct_subjects) + "/" +
                std::to_string(s.distinct_objects) + " (triples/subjects/objects), actual " +
                std::to_string(actual.triples) + "/" + std::to_string(actual.distinct_subjects) +
                "/" + std::to_string(actual.distinct_objects));
      }
    }
    for (const auto& [p, s] : stored) {
      if (!predicates_.count(p))
        Problem("stats: row for predicate " + std::to_string(p) + " without triples");
    }
    return Status::OK();
  }

 public:
  ~Checker() {
    pos_expected_.reset();
    osp_expected_.reset();
    std::error_code ec;
    if (!tmp_.empty()) std::filesystem::remove_all(tmp_, ec);
  }

 private:
  static constexpr size_t kSortChunk = 2 << 20;
  const RocksStore* store_;
  rocksdb::ReadOptions ro_;
  std::string tmp_;
  Status status_;
  std::unique_ptr<ExternalSorter> pos_expected_, osp_expected_;
  std::vector<std::string>* out_;
  size_t dropped_ = 0;
  uint64_t triples_ = 0;
  std::map<uint32_t, rows::DocRow> docs_;
  std::map<uint32_t, std::string> numbers_;
  std::map<TermId, PredicateStats> predicates_;
  std::map<TermId, uint64_t> objects_;
  std::map<uint32_t, uint64_t> support_counts_, docstmt_counts_;
  std::map<std::string, uint64_t> evidence_rows_;  // docstmt key -> evidence rows
};

}  // namespace

Status RocksStore::Check(std::vector<std::string>* problems) const {
  SnapshotGuard snap(this);
  size_t before = problems->size();
  Checker checker(this, snap.get(), problems);
  KG_RETURN_IF_ERROR(checker.Run());
  if (problems->size() > before) {
    return Status::Corruption("store " + dir_ + " has " +
                              std::to_string(problems->size() - before) + " problem(s)");
  }
  return Status::OK();
}

}  // namespace kg
