// The bulk path: terms resolved run by run, triples sorted externally per
// index order, SST files written and ingested across column families at once.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <system_error>
#include <thread>

#include "kg/external_sorter.h"
#include "kg/name_fold.h"
#include "kg/rocks_store.h"
#include "kg/side_by_side.h"
#include "kg/term_batch.h"
#include "kg/vocab.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

// A run ends at whichever limit comes first; together they bound memory.
size_t kRunTriples = 1 << 20;
constexpr size_t kRunTermBytes = 64 << 20;
size_t kSortChunkKeys = 2 << 20;  // 48 MiB per sorter
size_t kNameChunk = 1 << 20;      // name keys held before they go to an SST file

std::string KeyBytes(const IdKey3& k) {
  std::string out;
  out.reserve(keys::kTripleKeySize);
  keys::AppendId(&out, k.a);
  keys::AppendId(&out, k.b);
  keys::AppendId(&out, k.c);
  return out;
}

class RocksBulkLoader final : public BulkLoader {
 public:
  RocksBulkLoader(RocksStore* store, DocumentInfo doc, bool unchanged, std::string tmp)
      : store_(store),
        doc_(std::move(doc)),
        unchanged_(unchanged),
        tmp_(std::move(tmp)),
        spo_(tmp_, "spo", kSortChunkKeys) {}

  ~RocksBulkLoader() override {
    // Before their files go; the resolver may start a naming thread.
    if (resolver_.joinable()) resolver_.join();
    if (naming_.joinable()) naming_.join();
    std::error_code ec;
    fs::remove_all(tmp_, ec);
    store_->bulk_active() = false;
  }

  Status Add(const Term& s, const Term& p, const Term& o, const Term*) override {
    if (finished_) return Status::Internal("BulkLoader::Add after Finish");
    if (unchanged_) return Status::OK();
    if (!p.is_iri()) return Status::InvalidInput("predicate " + p.ToNTriples() + " is not an IRI");
    if (s.is_literal()) return Status::InvalidInput("subject " + s.ToNTriples() + " is a literal");
    run_.push_back({terms_.Add(s), terms_.Add(p), terms_.Add(o)});
    ++added_;
    if (run_.size() >= kRunTriples || terms_.bytes() >= kRunTermBytes) return FlushRun();
    return Status::OK();
  }

  Status Finish() override {
    if (finished_) return Status::Internal("BulkLoader::Finish called twice");
    finished_ = true;
    if (unchanged_) return Status::OK();
    KG_RETURN_IF_ERROR(FlushRun());
    KG_RETURN_IF_ERROR(WaitForResolver());
    return WriteAll();
  }

  uint64_t added() const override { return added_; }

 private:
  Status FlushRun();
  Status ResolveRun(const std::string& file_base);
  Status WaitForResolver();
  Status WaitForNames();
  Status CollectNames();
  Status FlushNames();

  Status WriteAll();

  RocksStore* store_;
  DocumentInfo doc_;
  bool unchanged_;
  std::string tmp_;
  // The run being read, and the one before it being resolved beside it on
  // resolver_: resolving a run is the dictionary's sort and SST files, which
  // would otherwise leave the second core idle while parsing barely uses it.
  // Only the resolver touches spo_ until Finish waits for it.
  TermBatch terms_, resolving_;
  std::vector<std::array<uint32_t, 3>> run_, resolving_run_;
  // The run before that, whose name index keys are collected (and spilled to
  // SST files) on naming_ while the resolver goes on with the next run's
  // terms: a name is a folded IRI or label, a third of a run's work. The
  // resolver starts naming_; only naming_ touches the naming_* members,
  // names_ and name_files_ until WaitForNames().
  TermBatch naming_batch_;
  std::vector<std::array<uint32_t, 3>> naming_run_;
  std::vector<TermId> naming_ids_;
  std::thread naming_;
  Status naming_status_;
  std::thread resolver_;
  Status resolver_status_;
  int resolved_runs_ = 0;
  ExternalSorter spo_;
  std::vector<std::string> names_;  // name index keys, spilled to SST files by FlushNames
  std::vector<std::string> name_files_;
  uint64_t added_ = 0;
  bool finished_ = false;
};

Status RocksBulkLoader::FlushRun() {
  if (run_.empty()) return Status::OK();
  // Runs resolve in order: a run's new terms must be in the dictionary
  // before the next run looks its terms up.
  KG_RETURN_IF_ERROR(WaitForResolver());
  std::swap(terms_, resolving_);
  std::swap(run_, resolving_run_);
  std::string file_base = tmp_ + "/terms-" + std::to_string(resolved_runs_++);
  try {
    resolver_ = std::thread([this, file_base] { resolver_status_ = ResolveRun(file_base); });
  } catch (const std::system_error&) {
    return ResolveRun(file_base);  // no thread to be had: resolve it here
  }
  return Status::OK();
}

Status RocksBulkLoader::ResolveRun(const std::string& file_base) {
  std::vector<TermId> ids;
  KG_RETURN_IF_ERROR(resolving_.Resolve(store_, file_base, &ids));
  for (const auto& r : resolving_run_)
    KG_RETURN_IF_ERROR(spo_.Add({ids[r[0]], ids[r[1]], ids[r[2]]}));
  // Runs are named in order, one at a time: names_ has one writer.
  KG_RETURN_IF_ERROR(WaitForNames());
  std::swap(naming_batch_, resolving_);
  std::swap(naming_run_, resolving_run_);
  naming_ids_ = std::move(ids);
  resolving_run_.clear();
  resolving_.Clear();
  try {
    naming_ = std::thread([this] { naming_status_ = CollectNames(); });
  } catch (const std::system_error&) {
    return CollectNames();  // no thread to be had: name it here
  }
  return Status::OK();
}

Status RocksBulkLoader::WaitForNames() {
  if (naming_.joinable()) naming_.join();
  return naming_status_;
}

Status RocksBulkLoader::WaitForResolver() {
  if (resolver_.joinable()) resolver_.join();
  return resolver_status_;
}

// Names come straight from the resolved run's term text: subjects' IRI local names and
// label literals. Keys for names that already exist are rewritten unchanged.
Status RocksBulkLoader::CollectNames() {
  const std::vector<TermId>& ids = naming_ids_;
  std::vector<bool> subject(naming_batch_.size(), false);
  std::vector<std::string> label_enc;
  for (auto iri : {vocab::kRdfsLabel, vocab::kSkosPrefLabel, vocab::kSkosAltLabel}) {
    label_enc.push_back(rows::EncodeTerm(Term::Iri(std::string(iri))));
  }
  Term term;
  for (const auto& r : naming_run_) {
    subject[r[0]] = true;
    std::string_view p = naming_batch_.encoded(r[1]);
    if (std::find(label_enc.begin(), label_enc.end(), p) == label_enc.end()) continue;
    if (!rows::DecodeTerm(naming_batch_.encoded(r[2]), &term) || !term.is_literal()) continue;
    std::string n = FoldName(term.value);
    if (!n.empty()) names_.push_back(keys::NameKey(n, ids[r[0]]));
  }
  for (uint32_t i = 0; i < subject.size(); ++i) {
    std::string_view enc = naming_batch_.encoded(i);
    if (!subject[i] || enc.empty() || enc[0] != static_cast<char>(TermKind::kIri)) continue;
    std::string n = FoldedLocalName(enc.substr(1));
    if (!n.empty()) names_.push_back(keys::NameKey(n, ids[i]));
  }
  naming_run_.clear();
  naming_batch_.Clear();
  return names_.size() >= kNameChunk ? FlushNames() : Status::OK();
}

Status RocksBulkLoader::FlushNames() {
  if (names_.empty()) return Status::OK();
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  std::string path = tmp_ + "/names-" + std::to_string(name_files_.size()) + ".sst";
  rocksdb::SstFileWriter w(rocksdb::EnvOptions(), store_->SstOptions(Cf::kNames),
                           store_->cf(Cf::kNames));
  KG_RETURN_IF_ERROR(store_->Err(w.Open(path), "write " + path));
  for (const auto& n : names_) KG_RETURN_IF_ERROR(store_->Err(w.Put(n, ""), "write " + path));
  KG_RETURN_IF_ERROR(store_->Err(w.Finish(), "write " + path));
  name_files_.push_back(path);
  names_.clear();
  names_.shrink_to_fit();
  return Status::OK();
}

// Whether a key with `prefix` exists, through a reusable iterator.
bool HasPrefix(rocksdb::Iterator* it, const std::string& prefix) {
  it->Seek(prefix);
  return it->Valid() && it->key().starts_with(prefix);
}

Status RocksBulkLoader::WriteAll() {
  const auto ro = store_->ReadAt(nullptr);
  // A document loaded again with other content replaces the old one first.
  KG_ASSIGN_OR_RETURN(auto old, store_->ReadDocRow(ro, doc_.id));
  if (old) KG_RETURN_IF_ERROR(store_->RemoveDocument(doc_.id));

  std::map<TermId, PredicateStats> before;
  uint64_t total = 0;
  KG_RETURN_IF_ERROR(
      store_->ForEachKey(ro, Cf::kStats, "", [&](std::string_view k, std::string_view v) {
        if (k == keys::kTotalTriplesKey) {
          rows::DecodeCount(v, &total);
        } else if (k.size() == 1 + keys::kIdSize) {
          PredicateStats ps;
          if (rows::DecodePredicateStats(v, &ps)) before[keys::ReadId(k.data() + 1)] = ps;
        }
        return true;
      }));
  const uint32_t doc_number = store_->next_doc();
  const std::string doc_value = rows::EncodeSupport({doc_number});

  SstOut spo(store_, Cf::kSpo, tmp_ + "/spo.sst"), pos(store_, Cf::kPos, tmp_ + "/pos.sst"),
      osp(store_, Cf::kOsp, tmp_ + "/osp.sst");
  ExternalSorter pos_sort(tmp_, "pos", kSortChunkKeys), osp_sort(tmp_, "osp", kSortChunkKeys);
  std::map<TermId, PredicateStats> delta;
  uint64_t doc_triples = 0, new_triples = 0;
  std::unique_ptr<rocksdb::Iterator> existing(store_->db()->NewIterator(ro, store_->cf(Cf::kSpo)));
  std::unique_ptr<rocksdb::Iterator> probe(store_->db()->NewIterator(ro, store_->cf(Cf::kSpo)));
  existing->SeekToFirst();
  IdKey3 last{};
  bool first = true;

  KG_RETURN_IF_ERROR(spo_.Merge([&](const IdKey3& k) -> Status {
    std::string key = KeyBytes(k);
    ++doc_triples;
    // Triples already stored gain this document in their support list; the
    // ingested row replaces the stored one.
    if (existing->Valid() && existing->key().compare(key) < 0) existing->Seek(key);
    if (existing->Valid() && existing->key() == key) {
      std::vector<uint32_t> docs;
      rows::DecodeSupport(existing->value().ToStringView(), &docs);
      docs.push_back(doc_number);
      return spo.Put(key, rows::EncodeSupport(docs));
    }
    ++new_triples;
    KG_RETURN_IF_ERROR(spo.Put(key, doc_value));
    KG_RETURN_IF_ERROR(pos_sort.Add({k.b, k.c, k.a}));
    KG_RETURN_IF_ERROR(osp_sort.Add({k.c, k.a, k.b}));
    auto& d = delta[k.b];
    d.triples++;
    if (first || last.a != k.a || last.b != k.b) {
      bool had = before.count(k.b) && HasPrefix(probe.get(), key.substr(0, 2 * keys::kIdSize));
      if (!had) d.distinct_subjects++;
    }
    first = false;
    last = k;
    return Status::OK();
  }));
  KG_RETURN_IF_ERROR(store_->Err(existing->status(), "read spo"));

  // The pos and osp files are independent of each other from here: one is
  // written beside the other (with the last name file), each sorter and
  // writer touched by one thread only.
  std::unique_ptr<rocksdb::Iterator> pos_probe(store_->db()->NewIterator(ro, store_->cf(Cf::kPos)));
  auto write_pos = [&] {
    bool first_pos = true;
    IdKey3 last_pos{};
    return pos_sort.Merge([&](const IdKey3& k) -> Status {
      std::string key = KeyBytes(k);
      if (first_pos || last_pos.a != k.a || last_pos.b != k.b) {
        bool had =
            before.count(k.a) && HasPrefix(pos_probe.get(), key.substr(0, 2 * keys::kIdSize));
        if (!had) delta[k.a].distinct_objects++;
      }
      first_pos = false;
      last_pos = k;
      return pos.Put(key, "");
    });
  };
  KG_RETURN_IF_ERROR(WaitForNames());  // its last run's names were collected beside the spo merge
  auto write_osp_and_names = [&] {
    KG_RETURN_IF_ERROR(osp_sort.Merge([&](const IdKey3& k) { return osp.Put(KeyBytes(k), ""); }));
    return FlushNames();
  };
  KG_RETURN_IF_ERROR(RunSideBySide(write_pos, write_osp_and_names));

  SstOut stats(store_, Cf::kStats, tmp_ + "/stats.sst");
  for (auto& [p, d] : delta) {  // 'p' rows sort before "total"
    PredicateStats ps = before.count(p) ? before[p] : PredicateStats{};
    ps.triples += d.triples;
    ps.distinct_subjects += d.distinct_subjects;
    ps.distinct_objects += d.distinct_objects;
    KG_RETURN_IF_ERROR(stats.Put(keys::PredicateStatsKey(p), rows::EncodePredicateStats(ps)));
  }
  KG_RETURN_IF_ERROR(stats.Put(keys::kTotalTriplesKey, rows::EncodeCount(total + new_triples)));

  rows::DocRow row;
  row.number = doc_number;
  row.bulk = true;
  row.info = doc_;
  row.info.triple_count = doc_triples;
  SstOut docs(store_, Cf::kDocs, tmp_ + "/docs.sst");
  KG_RETURN_IF_ERROR(docs.Put(keys::DocIdKey(doc_.id), rows::EncodeDocRow(row)));  // 'd' < 'n'
  KG_RETURN_IF_ERROR(docs.Put(keys::DocNumberKey(doc_number), doc_.id));
  SstOut meta(store_, Cf::kMeta, tmp_ + "/meta.sst");
  KG_RETURN_IF_ERROR(meta.Put(keys::kNextDocKey, rows::EncodeCount(doc_number + 1)));
  KG_RETURN_IF_ERROR(meta.Put(keys::kNextTermKey, rows::EncodeCount(store_->next_term())));

  std::vector<rocksdb::IngestExternalFileArg> args;
  for (SstOut* out : {&spo, &pos, &osp, &stats, &docs, &meta}) {
    KG_RETURN_IF_ERROR(out->Finish(&args));
  }
  if (!name_files_.empty()) {
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = store_->cf(Cf::kNames);
    arg.external_files = name_files_;  // may overlap one another: they land in L0
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  // One call: every column family's files become visible together.
  KG_RETURN_IF_ERROR(store_->Err(store_->db()->IngestExternalFiles(args), "ingest " + doc_.id));
  store_->set_next_doc(doc_number + 1);
  return Status::OK();
}

}  // namespace

void SetBulkLoaderLimitsForTesting(size_t run_triples, size_t sort_chunk_keys, size_t name_chunk) {
  kRunTriples = run_triples;
  kSortChunkKeys = sort_chunk_keys;
  kNameChunk = name_chunk;
}

Result<std::unique_ptr<BulkLoader>> RocksStore::NewBulkLoader(const DocumentInfo& doc) {
  KG_RETURN_IF_ERROR(RequireWritable());
  if (doc.id.empty()) return Status::InvalidInput("document id is empty");
  bool expected = false;
  if (!bulk_active_.compare_exchange_strong(expected, true)) {
    return Status::Internal("a bulk load is already in progress on store " + dir_);
  }
  auto old = ReadDocRow(ReadAt(nullptr), doc.id);
  if (!old.ok()) {
    bulk_active_ = false;
    return old.status();
  }
  bool unchanged =
      *old && !doc.content_hash.empty() && (*old)->info.content_hash == doc.content_hash;
  std::string tmp = dir_ + "/bulk-" + std::to_string(getpid());
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) {
    bulk_active_ = false;
    return Status::StoreError("store " + dir_ + ": cannot create " + tmp + ": " + ec.message());
  }
  return std::unique_ptr<BulkLoader>(new RocksBulkLoader(this, doc, unchanged, std::move(tmp)));
}

}  // namespace kg
