// RocksStore: the Store implementation. Internal to kg/; other folders use
// kg/store.h only.
#pragma once

#include <rocksdb/db.h>

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/key_codec.h"
#include "kg/label_cache.h"
#include "kg/range_cache.h"
#include "kg/row_codec.h"
#include "kg/store.h"

namespace kg {

// Column families, in the order they are opened.
enum class Cf : size_t {
  kDefault,
  kMeta,
  kId2Term,
  kTerm2Id,
  kSpo,
  kPos,
  kOsp,
  kDocStmt,
  kEvidence,
  kDocs,
  kNames,
  kStats,
  kCount,
};
inline constexpr size_t kCfCount = static_cast<size_t>(Cf::kCount);
const char* CfName(Cf cf);
Cf IndexCf(keys::IndexOrder order);

// The on-disk format this build reads and writes (kg/FORMAT.md).
inline constexpr uint64_t kFormatVersion = 1;

class RocksStore final : public Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const OpenOptions& options);
  ~RocksStore() override;

  Result<PutOutcome> PutDocument(const DocumentInfo& doc,
                                 const std::vector<Statement>& statements) override;
  Result<std::vector<PutOutcome>> PutDocuments(const std::vector<DocumentWrite>& docs) override;
  Status RemoveDocument(std::string_view doc_id) override;
  Result<std::unique_ptr<BulkLoader>> NewBulkLoader(const DocumentInfo& doc) override;

  Result<TermId> FindTerm(const Term& term) const override;
  Result<Term> GetTerm(TermId id) const override;
  std::unique_ptr<TripleCursor> Scan(const TriplePattern& pattern) const override;
  Result<uint64_t> Count(const TriplePattern& pattern) const override;
  bool Contains(const Triple& t) const override;
  Result<std::vector<TermId>> FindByName(std::string_view name) const override;
  Result<std::vector<std::pair<std::string, TermId>>> NamesWithPrefix(std::string_view prefix,
                                                                      size_t limit) const override;
  Status ForEachName(const std::function<bool(std::string_view, TermId)>& fn) const override;
  std::string Label(TermId id) const override;
  Result<std::vector<Evidence>> GetEvidence(const Triple& t) const override;
  Result<std::vector<std::string>> SupportingDocuments(const Triple& t) const override;
  Result<std::optional<DocumentInfo>> GetDocument(std::string_view doc_id) const override;
  Result<std::vector<DocumentInfo>> ListDocuments() const override;
  Status ForEachDocumentTriple(std::string_view doc_id,
                               const std::function<bool(const Triple&)>& fn) const override;
  Status ForEachSupport(size_t max_evidence, std::vector<DocumentInfo>* documents,
                        const std::function<bool(const TripleSupport&)>& fn) const override;
  Result<std::vector<Term>> GetTerms(const std::vector<TermId>& ids) const override;
  Result<PredicateStats> GetPredicateStats(TermId predicate) const override;
  Result<std::vector<PredicateStats>> ListPredicateStats() const override;
  Result<std::vector<std::pair<TermId, uint64_t>>> ListTypeCounts() const override;
  Result<StoreStats> GetStats() const override;
  Status Refresh() override;
  uint64_t ViewVersion() const override { return db_->GetLatestSequenceNumber(); }
  LabelCache* label_cache() const override { return &label_cache_; }
  RangeStatsCache* range_stats_cache() const override { return &range_stats_cache_; }
  Status Check(std::vector<std::string>* problems) const override;
  const std::string& dir() const override { return dir_; }

  // ---- for the write path, the bulk loader and the checker ----------------
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_[static_cast<size_t>(c)]; }
  // Options for SST files written for `c` by the bulk loader.
  rocksdb::Options SstOptions(Cf c) const;
  bool read_only() const { return read_only_; }
  // Null unless this is a reader with a range cache.
  RangeCache* range_cache() const { return range_cache_.get(); }
  // Read options pinned to `snap` (nullptr: latest state).
  rocksdb::ReadOptions ReadAt(const rocksdb::Snapshot* snap) const;
  // A consistent view for a multi-step read; nullptr for read-only stores,
  // whose state only moves on Refresh().
  const rocksdb::Snapshot* TakeSnapshot() const;
  void ReleaseSnapshot(const rocksdb::Snapshot* snap) const;

  Result<std::optional<rows::DocRow>> ReadDocRow(const rocksdb::ReadOptions& ro,
                                                 std::string_view doc_id) const;
  Result<std::optional<TermId>> LookupTerm(const rocksdb::ReadOptions& ro, const Term& t) const;
  Result<Term> ReadTerm(const rocksdb::ReadOptions& ro, TermId id) const;
  // Calls fn for each key (and value) under `prefix` in `c`, until it returns false.
  Status ForEachKey(const rocksdb::ReadOptions& ro, Cf c, std::string_view prefix,
                    const std::function<bool(std::string_view, std::string_view)>& fn) const;
  // Counts keys under `prefix`, stopping at `limit`.
  Result<uint64_t> CountPrefix(const rocksdb::ReadOptions& ro, Cf c, std::string_view prefix,
                               uint64_t limit) const;
  // Triples a document supports, with the number of evidence rows of each.
  Status DocumentTriples(const rocksdb::ReadOptions& ro, const rows::DocRow& row,
                         std::vector<std::pair<Triple, uint32_t>>* out) const;
  Result<std::string> DocIdOf(const rocksdb::ReadOptions& ro, uint32_t number) const;
  Result<std::vector<PredicateStats>> PredicateStatsAt(const rocksdb::ReadOptions& ro) const;
  // Calls fn(object, subject) for every triple of `predicate` (by IRI), in
  // pos order, through one iterator that leaves the block cache alone.
  Status ForEachObjectSubject(rocksdb::ReadOptions ro, std::string_view predicate,
                              const std::function<void(TermId, TermId)>& fn) const;

  uint64_t next_term() const { return next_term_; }
  void set_next_term(uint64_t v) { next_term_ = v; }
  uint32_t next_doc() const { return next_doc_; }
  void set_next_doc(uint32_t v) { next_doc_ = v; }
  Status WriteBatch(rocksdb::WriteBatch* batch, std::string_view what);
  // Ids of terms this writer has read or written. Terms are never deleted
  // and never change id, so an entry stays true; only committed ones go in.
  std::unordered_map<std::string, TermId>* term_cache() { return &term_cache_; }
  Status Err(const rocksdb::Status& s, std::string_view what) const;
  Status RequireWritable() const;
  // Allows exactly one BulkLoader or write at a time.
  std::atomic<bool>& bulk_active() { return bulk_active_; }

 private:
  RocksStore() = default;
  Status LoadMeta();
  Status LoadMetaFollowingWriter();
  void CatchUpWithWriter();
  Status RemoveBulkDocument(const rows::DocRow& row);

  std::string dir_;
  bool read_only_ = false;
  std::string secondary_dir_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
  uint64_t next_term_ = 1;
  uint32_t next_doc_ = 1;
  std::atomic<bool> bulk_active_{false};
  std::unordered_map<std::string, TermId> term_cache_;  // encoded term -> id
  mutable LabelCache label_cache_;
  mutable RangeStatsCache range_stats_cache_;
  std::unique_ptr<RangeCache> range_cache_;
};

// Shrinks the bulk loader's runs and sort chunks so tests exercise merging.
void SetBulkLoaderLimitsForTesting(size_t run_triples, size_t sort_chunk_keys, size_t name_chunk);

// Holds a snapshot for the length of a multi-step read or write.
class SnapshotGuard {
 public:
  explicit SnapshotGuard(const RocksStore* s) : s_(s), snap_(s->TakeSnapshot()) {}
  ~SnapshotGuard() { s_->ReleaseSnapshot(snap_); }
  SnapshotGuard(const SnapshotGuard&) = delete;
  SnapshotGuard& operator=(const SnapshotGuard&) = delete;
  const rocksdb::Snapshot* get() const { return snap_; }

 private:
  const RocksStore* s_;
  const rocksdb::Snapshot* snap_;
};

}  // namespace kg
