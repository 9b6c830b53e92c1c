// Opening and closing a store; the small read helpers the rest of kg/ uses.
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "kg/rocks_status.h"
#include "kg/rocks_store.h"

namespace kg {
namespace fs = std::filesystem;

namespace {

constexpr const char* kCfNames[kCfCount] = {
    "default", "meta",    "id2term",  "term2id", "spo",   "pos",
    "osp",     "docstmt", "evidence", "docs",    "names", "stats",
};

// Readers answer queries, where a block read again must not be decompressed
// again (zstd at the bottom level makes each miss cost a 64 KB inflate): one
// cache for every column family of every reader in the process, filled only
// as blocks are read.
std::shared_ptr<rocksdb::Cache> ReaderBlockCache() {
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(size_t{512} << 20);
  return cache;
}

rocksdb::ColumnFamilyOptions CfOptions(Cf c, std::shared_ptr<rocksdb::Cache> cache = nullptr) {
  rocksdb::ColumnFamilyOptions o;
  // Sorted keys share long prefixes; zstd at the bottom level, where nearly
  // all bytes end up, takes the store under its bytes-per-triple budget.
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  o.level_compaction_dynamic_level_bytes = true;
  // An ingest reads many keys its memtable does not hold (new terms,
  // documents and triples): a memtable bloom filter answers those without a
  // skip-list search.
  o.memtable_whole_key_filtering = true;
  o.memtable_prefix_bloom_size_ratio = 0.02;
  rocksdb::BlockBasedTableOptions t;
  // Large blocks compress term text and sorted ids far better. A seek
  // scans up to a restart interval of keys after its binary search: 16
  // rather than 64 took 16-19% off the instructions of the join queries of
  // bench/query.sh on 10 M triples, for 13% more disk (docs/benchmarks.md).
  // Blocks carry their own layout, so stores written before still read.
  t.block_size = 64 * 1024;
  t.block_restart_interval = 16;
  t.format_version = 5;
  if (cache) t.block_cache = std::move(cache);
  if (c == Cf::kSpo || c == Cf::kPos || c == Cf::kOsp) {
    // A join probes an index with its first two ids bound once per input
    // row, and many probes find nothing (837 of the 1592 subjects of the
    // DBpedia join of bench/query.sh): a filter on those two ids answers them
    // without a block search, for about 1 byte per distinct pair.
    o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kIndexPrefixSize));
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    t.whole_key_filtering = false;
  }
  if (c == Cf::kTerm2Id || c == Cf::kId2Term || c == Cf::kDocs) {
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));  // point lookups
    // Point reads find their key in a block through a hash, not a search.
    t.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

rocksdb::DBOptions DbOptions(bool read_only) {
  rocksdb::DBOptions o;
  o.create_if_missing = !read_only;
  o.create_missing_column_families = !read_only;
  o.max_open_files = -1;  // required by secondary instances; keeps files a reader uses open
  o.info_log_level = rocksdb::WARN_LEVEL;
  o.keep_log_file_num = 2;
  o.max_background_jobs = 2;
  // Column families flush together, so a reader following the writer sees
  // a document in every index or in none.
  o.atomic_flush = true;
  return o;
}

bool DirEmpty(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec) && fs::directory_iterator(p, ec) == fs::directory_iterator();
}

// `rm -rf` of a store defeats RocksDB's LOCK file: a writer would go on
// writing into unlinked files. A missing CURRENT file is how kg notices.
bool StoreGone(const std::string& dir) {
  std::error_code ec;
  return !fs::exists(fs::path(dir) / "CURRENT", ec);
}

Status StoreDeleted(const std::string& dir, std::string_view while_doing) {
  return Status::StoreError("store " + dir + " was deleted while kg was " +
                            std::string(while_doing));
}

Status NotAStore(const std::string& dir) {
  return Status::StoreError("store " + dir + " is not a kg store (no kg format version found)");
}

std::atomic<uint64_t> secondary_counter{0};

// A reader killed before it closed leaves its secondary directory behind;
// the next reader removes those whose process is gone.
void RemoveStaleSecondaryDirs(const fs::path& tmp) {
  std::error_code ec;
  for (auto it = fs::directory_iterator(tmp, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    constexpr std::string_view kPrefix = "kg-secondary-";
    if (name.rfind(kPrefix, 0) != 0) continue;
    long pid = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
    if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      std::error_code ec2;
      fs::remove_all(it->path(), ec2);
    }
  }
}

}  // namespace

const char* CfName(Cf cf) { return kCfNames[static_cast<size_t>(cf)]; }

Cf IndexCf(keys::IndexOrder order) {
  switch (order) {
    case keys::IndexOrder::kSpo:
      return Cf::kSpo;
    case keys::IndexOrder::kPos:
      return Cf::kPos;
    case keys::IndexOrder::kOsp:
      return Cf::kOsp;
  }
  return Cf::kSpo;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const OpenOptions& options) {
  return RocksStore::Open(dir, options);
}

Result<std::unique_ptr<Store>> RocksStore::Open(const std::string& dir,
                                                const OpenOptions& options) {
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (options.read_only || !options.create_if_missing) {
    if (!exists) return Status::StoreError("store " + dir + " does not exist");
  }
  if (exists && !fs::is_directory(dir, ec)) {
    return Status::StoreError("store " + dir + " is not a directory");
  }
  const bool fresh = !exists || DirEmpty(dir);
  if (fresh && options.read_only) return NotAStore(dir);
  if (!fresh) {
    if (!fs::exists(fs::path(dir) / "CURRENT", ec)) return NotAStore(dir);
    std::vector<std::string> names;
    // A live writer may be switching to a new MANIFEST as we read it; a
    // failure is only final when it persists.
    auto s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
    for (int attempt = 0; !s.ok() && attempt < 20; ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      names.clear();
      s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
    }
    if (!s.ok()) return NotAStore(dir);
    if (std::find(names.begin(), names.end(), "meta") == names.end()) return NotAStore(dir);
    if (options.read_only) {
      for (size_t i = 0; i < kCfCount; ++i) {
        if (std::find(names.begin(), names.end(), kCfNames[i]) == names.end())
          return NotAStore(dir);
      }
    }
  }
  if (!exists) {
    fs::create_directories(dir, ec);
    if (ec) return Status::StoreError("store " + dir + ": cannot create: " + ec.message());
  }

  std::unique_ptr<RocksStore> store(new RocksStore());
  store->dir_ = dir;
  store->read_only_ = options.read_only;
  if (options.read_only && options.range_cache_bytes > 0)
    store->range_cache_ = std::make_unique<RangeCache>(options.range_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (size_t i = 0; i < kCfCount; ++i) {
    descs.emplace_back(kCfNames[i], CfOptions(static_cast<Cf>(i),
                                              options.read_only ? ReaderBlockCache() : nullptr));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    // A secondary instance follows a live writer without taking its LOCK.
    RemoveStaleSecondaryDirs(fs::temp_directory_path());
    store->secondary_dir_ =
        (fs::temp_directory_path() /
         ("kg-secondary-" + std::to_string(getpid()) + "-" + std::to_string(secondary_counter++)))
            .string();
    s = rocksdb::DB::OpenAsSecondary(rocksdb::DBOptions(DbOptions(true)), dir,
                                     store->secondary_dir_, descs, &store->handles_, &raw);
  } else {
    s = rocksdb::DB::Open(DbOptions(false), dir, descs, &store->handles_, &raw);
  }
  if (!s.ok()) {
    if (!store->secondary_dir_.empty()) fs::remove_all(store->secondary_dir_, ec);
    store->secondary_dir_.clear();
    if (IsLockFailure(s)) {
      return Status::Busy("store " + dir + " is in use by another kg process");
    }
    if (s.IsIOError() && StoreGone(dir)) return StoreDeleted(dir, "opening it");
    return FromRocks(s, "store " + dir + ": open");
  }
  store->db_.reset(raw);
  if (fresh && !options.read_only) {
    rocksdb::WriteBatch b;
    b.Put(store->cf(Cf::kMeta), keys::kFormatVersionKey, std::to_string(kFormatVersion));
    b.Put(store->cf(Cf::kMeta), keys::kNextTermKey, rows::EncodeCount(1));
    b.Put(store->cf(Cf::kMeta), keys::kNextDocKey, rows::EncodeCount(1));
    KG_RETURN_IF_ERROR(store->WriteBatch(&b, "initialise"));
  }
  if (options.read_only) {
    store->CatchUpWithWriter();
    KG_RETURN_IF_ERROR(store->LoadMetaFollowingWriter());
  } else {
    KG_RETURN_IF_ERROR(store->LoadMeta());
  }
  return std::unique_ptr<Store>(std::move(store));
}

Status RocksStore::LoadMeta() {
  std::string v;
  auto ro = ReadAt(nullptr);
  auto s = db_->Get(ro, cf(Cf::kMeta), keys::kFormatVersionKey, &v);
  if (s.IsNotFound()) return NotAStore(dir_);
  KG_RETURN_IF_ERROR(Err(s, "read format version"));
  if (v != std::to_string(kFormatVersion)) {
    return Status::StoreError("store " + dir_ + " has format version " + v +
                              "; this kg reads format version " + std::to_string(kFormatVersion));
  }
  uint64_t n = 0;
  s = db_->Get(ro, cf(Cf::kMeta), keys::kNextTermKey, &v);
  if (!s.ok() || !rows::DecodeCount(v, &n))
    return Status::Corruption("store " + dir_ + ": bad meta next_term");
  next_term_ = n;
  s = db_->Get(ro, cf(Cf::kMeta), keys::kNextDocKey, &v);
  if (!s.ok() || !rows::DecodeCount(v, &n))
    return Status::Corruption("store " + dir_ + ": bad meta next_doc");
  next_doc_ = static_cast<uint32_t>(n);
  return Status::OK();
}

// A secondary instance reads the writer's MANIFEST, then the write-ahead
// logs it names. When the writer flushes in between, the log is gone and the
// rows it held are only in the newer MANIFEST: catching up once more reads
// them. Catching up until the sequence number stops moving closes the
// window for all but a writer that flushes continuously.
void RocksStore::CatchUpWithWriter() {
  for (int attempt = 0; attempt < 4; ++attempt) {
    const rocksdb::SequenceNumber before = db_->GetLatestSequenceNumber();
    db_->TryCatchUpWithPrimary().PermitUncheckedError();  // a failure keeps the older view
    if (db_->GetLatestSequenceNumber() == before) break;
  }
}

// Only a format version still missing after catching up with a writer means
// the directory is not a kg store.
Status RocksStore::LoadMetaFollowingWriter() {
  constexpr int kAttempts = 40;
  for (int attempt = 1; attempt < kAttempts; ++attempt) {
    std::string v;
    auto s = db_->Get(ReadAt(nullptr), cf(Cf::kMeta), keys::kFormatVersionKey, &v);
    if (!s.IsNotFound()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    CatchUpWithWriter();
  }
  return LoadMeta();
}

RocksStore::~RocksStore() {
  if (db_) {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
    handles_.clear();
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
  if (!secondary_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir_, ec);
  }
}

rocksdb::Options RocksStore::SstOptions(Cf c) const {
  rocksdb::Options o(DbOptions(false), CfOptions(c));
  o.compression = rocksdb::kZSTD;  // bulk files land at the bottom level
  return o;
}

Status RocksStore::Refresh() {
  if (!read_only_) return Status::OK();
  CatchUpWithWriter();
  return LoadMeta();
}

rocksdb::ReadOptions RocksStore::ReadAt(const rocksdb::Snapshot* snap) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  ro.total_order_seek = true;
  return ro;
}

const rocksdb::Snapshot* RocksStore::TakeSnapshot() const {
  return read_only_ ? nullptr : db_->GetSnapshot();
}

void RocksStore::ReleaseSnapshot(const rocksdb::Snapshot* snap) const {
  if (snap) db_->ReleaseSnapshot(snap);
}

Status RocksStore::Err(const rocksdb::Status& s, std::string_view what) const {
  if (s.ok()) return Status::OK();
  // A writer whose directory vanished sees RocksDB's IO errors first; the
  // cause is what the user needs to read.
  if (!read_only_ && s.IsIOError() && StoreGone(dir_)) return StoreDeleted(dir_, "writing");
  return FromRocks(s, "store " + dir_ + ": " + std::string(what));
}

Status RocksStore::RequireWritable() const {
  if (read_only_) return Status::StoreError("store " + dir_ + " was opened read-only");
  // One stat per write turns a deleted store into an error, not lost writes.
  if (StoreGone(dir_)) return StoreDeleted(dir_, "writing");
  return Status::OK();
}

Status RocksStore::WriteBatch(rocksdb::WriteBatch* batch, std::string_view what) {
  rocksdb::WriteOptions wo;  // unsynced: survives a process kill, not a power cut
  return Err(db_->Write(wo, batch), what);
}

Status RocksStore::ForEachKey(
    const rocksdb::ReadOptions& base, Cf c, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  rocksdb::ReadOptions ro = base;
  std::string upper = keys::PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(c)));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    auto k = it->key();
    if (!k.starts_with(rocksdb::Slice(prefix.data(), prefix.size()))) break;
    if (!fn(std::string_view(k.data(), k.size()),
            std::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return Err(it->status(), std::string("read ") + CfName(c));
}

Result<uint64_t> RocksStore::CountPrefix(const rocksdb::ReadOptions& ro, Cf c,
                                         std::string_view prefix, uint64_t limit) const {
  uint64_t n = 0;
  KG_RETURN_IF_ERROR(
      ForEachKey(ro, c, prefix, [&](std::string_view, std::string_view) { return ++n < limit; }));
  return n;
}

Result<std::optional<rows::DocRow>> RocksStore::ReadDocRow(const rocksdb::ReadOptions& ro,
                                                           std::string_view doc_id) const {
  std::string v;
  auto s = db_->Get(ro, cf(Cf::kDocs), keys::DocIdKey(doc_id), &v);
  if (s.IsNotFound()) return std::optional<rows::DocRow>();
  KG_RETURN_IF_ERROR(Err(s, "read document"));
  rows::DocRow row;
  if (!rows::DecodeDocRow(doc_id, v, &row)) {
    return Status::Corruption("store " + dir_ + ": bad row for document " + std::string(doc_id));
  }
  return std::optional<rows::DocRow>(std::move(row));
}

Result<std::string> RocksStore::DocIdOf(const rocksdb::ReadOptions& ro, uint32_t number) const {
  std::string v;
  auto s = db_->Get(ro, cf(Cf::kDocs), keys::DocNumberKey(number), &v);
  if (s.IsNotFound()) {
    return Status::Corruption("store " + dir_ + ": no document number " + std::to_string(number));
  }
  KG_RETURN_IF_ERROR(Err(s, "read document number"));
  return v;
}

Result<std::optional<TermId>> RocksStore::LookupTerm(const rocksdb::ReadOptions& ro,
                                                     const Term& t) const {
  std::string v;
  auto s = db_->Get(ro, cf(Cf::kTerm2Id), rows::EncodeTerm(t), &v);
  if (s.IsNotFound()) return std::optional<TermId>();
  KG_RETURN_IF_ERROR(Err(s, "read term"));
  if (v.size() != keys::kIdSize) return Status::Corruption("store " + dir_ + ": bad term2id row");
  return std::optional<TermId>(keys::ReadId(v.data()));
}

Result<Term> RocksStore::ReadTerm(const rocksdb::ReadOptions& ro, TermId id) const {
  std::string v;
  auto s = db_->Get(ro, cf(Cf::kId2Term), keys::IdKey(id), &v);
  if (s.IsNotFound()) return Status::NotFound("no term with id " + std::to_string(id));
  KG_RETURN_IF_ERROR(Err(s, "read term"));
  Term t;
  if (!rows::DecodeTerm(v, &t)) {
    return Status::Corruption("store " + dir_ + ": bad term row " + std::to_string(id));
  }
  return t;
}

Status RocksStore::DocumentTriples(const rocksdb::ReadOptions& ro, const rows::DocRow& row,
                                   std::vector<std::pair<Triple, uint32_t>>* out) const {
  out->clear();
  if (row.bulk) {
    // Bulk documents keep no docstmt rows: their triples are the spo rows
    // whose support list names them (see FORMAT.md).
    std::vector<uint32_t> docs;
    bool bad = false;
    KG_RETURN_IF_ERROR(ForEachKey(ro, Cf::kSpo, "", [&](std::string_view k, std::string_view v) {
      if (k.size() != keys::kTripleKeySize || !rows::DecodeSupport(v, &docs)) {
        bad = true;
        return false;
      }
      if (std::find(docs.begin(), docs.end(), row.number) != docs.end()) {
        out->emplace_back(keys::DecodeTripleKey(keys::IndexOrder::kSpo, k), 0);
      }
      return true;
    }));
    if (bad) return Status::Corruption("store " + dir_ + ": bad support row");
    return Status::OK();
  }
  std::string prefix = keys::DocStmtPrefix(row.number);
  bool bad = false;
  KG_RETURN_IF_ERROR(
      ForEachKey(ro, Cf::kDocStmt, prefix, [&](std::string_view k, std::string_view v) {
        uint64_t n = 0;
        if (k.size() != keys::kDocNumberSize + keys::kTripleKeySize || !rows::DecodeCount(v, &n)) {
          bad = true;
          return false;
        }
        out->emplace_back(
            keys::DecodeTripleKey(keys::IndexOrder::kSpo, k.substr(keys::kDocNumberSize)),
            static_cast<uint32_t>(n));
        return true;
      }));
  if (bad) return Status::Corruption("store " + dir_ + ": bad docstmt row");
  return Status::OK();
}

}  // namespace kg
