// PutDocument(s) and RemoveDocument: one atomic WriteBatch each.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "kg/rocks_store.h"
#include "kg/triple_changes.h"

namespace kg {
namespace {

// Restores the id counters when a write fails, so a retry does not skip ids
// it never used.
class CounterGuard {
 public:
  explicit CounterGuard(RocksStore* s) : s_(s), term_(s->next_term()), doc_(s->next_doc()) {}
  ~CounterGuard() {
    if (!committed_) {
      s_->set_next_term(term_);
      s_->set_next_doc(doc_);
    }
  }
  void Commit() { committed_ = true; }

 private:
  RocksStore* s_;
  uint64_t term_;
  uint32_t doc_;
  bool committed_ = false;
};

// A group's batch in key order. The memtable is a skip list that starts each
// insert from where the last one went in: rows in key order go in with a few
// comparisons each, rows in the order documents name them search from the
// top every time (a fifth of an ingest's CPU). Order within one key is kept,
// so a delete and a put of the same key still end as they did.
class SortedRows : public rocksdb::WriteBatch::Handler {
 public:
  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
    rows_.push_back({cf, key, value, false});
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    rows_.push_back({cf, key, {}, true});
    return rocksdb::Status::OK();
  }

  // `out` gets the rows of `in` (which must outlive the call) in order of
  // column family and key. False, with `out` untouched, if `in` holds
  // anything but puts and deletes.
  bool Sort(const RocksStore& s, const rocksdb::WriteBatch& in, rocksdb::WriteBatch* out) {
    if (!in.Iterate(this).ok()) return false;
    // Most rows (a document's docstmt rows, the support lists) are staged in
    // key order already: group by column family and sort only the groups
    // that are not.
    std::vector<rocksdb::ColumnFamilyHandle*> by_id;
    for (size_t c = 0; c < kCfCount; ++c) {
      rocksdb::ColumnFamilyHandle* h = s.cf(static_cast<Cf>(c));
      if (by_id.size() <= h->GetID()) by_id.resize(h->GetID() + 1, nullptr);
      by_id[h->GetID()] = h;
    }
    std::vector<size_t> first(by_id.size() + 1, 0);
    for (const Row& r : rows_) {
      if (r.cf >= by_id.size() || by_id[r.cf] == nullptr) return false;
      ++first[r.cf + 1];
    }
    for (size_t c = 1; c < first.size(); ++c) first[c] += first[c - 1];
    std::vector<Row> grouped(rows_.size());
    std::vector<size_t> next(first.begin(), first.end() - 1);
    for (const Row& r : rows_) grouped[next[r.cf]++] = r;
    auto by_key = [](const Row& a, const Row& b) { return a.key.compare(b.key) < 0; };
    for (size_t c = 0; c + 1 < first.size(); ++c) {
      auto a = grouped.begin() + first[c], b = grouped.begin() + first[c + 1];
      if (!std::is_sorted(a, b, by_key)) std::stable_sort(a, b, by_key);
    }
    for (const Row& r : grouped) {
      if (r.del) {
        out->Delete(by_id[r.cf], r.key);
      } else {
        out->Put(by_id[r.cf], r.key, r.value);
      }
    }
    return true;
  }

 private:
  struct Row {
    uint32_t cf;
    rocksdb::Slice key, value;
    bool del;
  };
  std::vector<Row> rows_;
};

void PutCounters(RocksStore* s, rocksdb::WriteBatch* b) {
  b->Put(s->cf(Cf::kMeta), keys::kNextTermKey, rows::EncodeCount(s->next_term()));
  b->Put(s->cf(Cf::kMeta), keys::kNextDocKey, rows::EncodeCount(s->next_doc()));
}

// Removes a document's docstmt and evidence rows and its support.
Status DropContribution(RocksStore* s, TripleChanges* changes, rocksdb::WriteBatch* b, uint32_t doc,
                        const std::vector<std::pair<Triple, uint32_t>>& triples) {
  for (const auto& [t, evidence_rows] : triples) {
    b->Delete(s->cf(Cf::kDocStmt), keys::DocStmtKey(doc, t));
    for (uint32_t seq = 0; seq < evidence_rows; ++seq) {
      b->Delete(s->cf(Cf::kEvidence), keys::EvidenceKey(t, doc, seq));
    }
    KG_RETURN_IF_ERROR(changes->RemoveSupport(t, doc));
  }
  return Status::OK();
}

// A document's statements name the same subjects, predicates and types over
// and over (each entity's type, label and aliases): a term resolved a few
// statements ago is compared, not encoded and looked up again.
class RecentTerms {
 public:
  explicit RecentTerms(TripleChanges* changes) : changes_(changes) {}

  // `t` must outlive this object.
  Result<TermId> Resolve(const Term& t) {
    for (const auto& [term, id] : recent_) {
      if (term != nullptr && *term == t) return id;
    }
    KG_ASSIGN_OR_RETURN(TermId id, changes_->Resolve(t));
    recent_[next_] = {&t, id};
    next_ = (next_ + 1) % recent_.size();
    return id;
  }

 private:
  TripleChanges* changes_;
  std::array<std::pair<const Term*, TermId>, 8> recent_{};
  size_t next_ = 0;
};

// Adds one document's rows to `batch`, which may already hold other
// documents' rows: `changes` carries the support lists and terms they share.
// `old` is the stored version of the document, if any.
Status StageDocument(RocksStore* s, const rocksdb::ReadOptions& ro, TripleChanges* changes,
                     rocksdb::WriteBatch* batch, const DocumentInfo& doc,
                     const std::vector<Statement>& statements,
                     const std::optional<rows::DocRow>& old) {
  rows::DocRow row;
  row.info = doc;
  if (old) {
    row.number = old->number;  // keeps support lists of unchanged triples as they are
    std::vector<std::pair<Triple, uint32_t>> old_triples;
    KG_RETURN_IF_ERROR(s->DocumentTriples(ro, *old, &old_triples));
    KG_RETURN_IF_ERROR(DropContribution(s, changes, batch, row.number, old_triples));
  } else {
    row.number = s->next_doc();
    s->set_next_doc(row.number + 1);
  }

  std::map<Triple, std::vector<const Evidence*>> triples;
  RecentTerms recent(changes);
  for (const Statement& st : statements) {
    if (!st.p.is_iri()) {
      return Status::InvalidInput("document " + doc.id + ": predicate " + st.p.ToNTriples() +
                                  " is not an IRI");
    }
    if (st.s.is_literal()) {
      return Status::InvalidInput("document " + doc.id + ": subject " + st.s.ToNTriples() +
                                  " is a literal");
    }
    Triple t;
    KG_ASSIGN_OR_RETURN(t.s, recent.Resolve(st.s));
    KG_ASSIGN_OR_RETURN(t.p, recent.Resolve(st.p));
    KG_ASSIGN_OR_RETURN(t.o, recent.Resolve(st.o));
    auto& ev = triples[t];
    if (st.has_evidence) ev.push_back(&st.evidence);
  }
  for (const auto& [t, evidence] : triples) {
    batch->Put(s->cf(Cf::kDocStmt), keys::DocStmtKey(row.number, t),
               rows::EncodeCount(evidence.size()));
    for (uint32_t seq = 0; seq < evidence.size(); ++seq) {
      batch->Put(s->cf(Cf::kEvidence), keys::EvidenceKey(t, row.number, seq),
                 rows::EncodeEvidence(*evidence[seq]));
    }
    KG_RETURN_IF_ERROR(changes->AddSupport(t, row.number));
  }
  row.bulk = false;
  row.info.triple_count = triples.size();
  batch->Put(s->cf(Cf::kDocs), keys::DocIdKey(doc.id), rows::EncodeDocRow(row));
  batch->Put(s->cf(Cf::kDocs), keys::DocNumberKey(row.number), doc.id);
  return Status::OK();
}

}  // namespace

Result<PutOutcome> RocksStore::PutDocument(const DocumentInfo& doc,
                                           const std::vector<Statement>& statements) {
  std::vector<DocumentWrite> one(1);
  one[0].info = doc;
  one[0].statements = statements;
  KG_ASSIGN_OR_RETURN(auto outcomes, PutDocuments(one));
  return outcomes[0];
}

// All documents of the group go in one WriteBatch through one TripleChanges,
// so a support list or term shared by many of them is read once and written
// once. A document id seen twice in a group splits it: the second version
// must see the first as stored.
Result<std::vector<PutOutcome>> RocksStore::PutDocuments(const std::vector<DocumentWrite>& docs) {
  KG_RETURN_IF_ERROR(RequireWritable());
  for (const auto& d : docs) {
    if (d.info.id.empty()) return Status::InvalidInput("document id is empty");
  }
  std::vector<PutOutcome> outcomes(docs.size(), PutOutcome::kUnchanged);
  size_t begin = 0;
  while (begin < docs.size()) {
    SnapshotGuard snap(this);
    auto ro = ReadAt(snap.get());
    CounterGuard counters(this);
    rocksdb::WriteBatch batch;
    TripleChanges changes(this, snap.get(), &batch);
    std::set<std::string_view> ids;
    size_t end = begin;
    bool staged = false;
    for (; end < docs.size() && ids.insert(docs[end].info.id).second; ++end) {
      const DocumentInfo& doc = docs[end].info;
      KG_ASSIGN_OR_RETURN(auto old, ReadDocRow(ro, doc.id));
      if (old && !doc.content_hash.empty() && old->info.content_hash == doc.content_hash) {
        outcomes[end] = PutOutcome::kUnchanged;
        continue;
      }
      KG_RETURN_IF_ERROR(StageDocument(this, ro, &changes, &batch, doc, docs[end].statements, old));
      outcomes[end] = old ? PutOutcome::kReplaced : PutOutcome::kAdded;
      staged = true;
    }
    if (staged) {
      KG_RETURN_IF_ERROR(changes.Finish());
      PutCounters(this, &batch);
      const std::string& first = docs[begin].info.id;
      rocksdb::WriteBatch sorted;
      const bool in_order = SortedRows().Sort(*this, batch, &sorted);
      KG_RETURN_IF_ERROR(WriteBatch(
          in_order ? &sorted : &batch,
          end - begin == 1 ? "write document " + first
                           : "write documents " + first + " to " + docs[end - 1].info.id));
      changes.RememberTerms();
    }
    counters.Commit();
    begin = end;
  }
  return outcomes;
}

Status RocksStore::RemoveDocument(std::string_view doc_id) {
  KG_RETURN_IF_ERROR(RequireWritable());
  SnapshotGuard snap(this);
  auto ro = ReadAt(snap.get());
  KG_ASSIGN_OR_RETURN(auto row, ReadDocRow(ro, doc_id));
  if (!row) return Status::NotFound("no document " + std::string(doc_id) + " in store " + dir_);
  if (row->bulk) return RemoveBulkDocument(*row);
  rocksdb::WriteBatch batch;
  TripleChanges changes(this, snap.get(), &batch);
  std::vector<std::pair<Triple, uint32_t>> triples;
  KG_RETURN_IF_ERROR(DocumentTriples(ro, *row, &triples));
  KG_RETURN_IF_ERROR(DropContribution(this, &changes, &batch, row->number, triples));
  KG_RETURN_IF_ERROR(changes.Finish());
  batch.Delete(cf(Cf::kDocs), keys::DocIdKey(doc_id));
  batch.Delete(cf(Cf::kDocs), keys::DocNumberKey(row->number));
  return WriteBatch(&batch, "forget document " + std::string(doc_id));
}

// A bulk document can hold millions of triples: one WriteBatch for all of
// them would need gigabytes. They go in chunks, and the document row goes
// last, so an interrupted forget leaves the document listed and a second
// `kg forget` finishes it.
Status RocksStore::RemoveBulkDocument(const rows::DocRow& row) {
  constexpr size_t kChunk = 100000;
  SnapshotGuard snap(this);
  std::vector<Triple> chunk;
  auto flush = [&]() -> Status {
    rocksdb::WriteBatch batch;
    TripleChanges changes(this, nullptr, &batch);  // sees the chunks already written
    for (const Triple& t : chunk) KG_RETURN_IF_ERROR(changes.RemoveSupport(t, row.number));
    KG_RETURN_IF_ERROR(changes.Finish());
    chunk.clear();
    return WriteBatch(&batch, "forget document " + row.info.id);
  };
  Status inner;
  std::vector<uint32_t> docs;
  KG_RETURN_IF_ERROR(
      ForEachKey(ReadAt(snap.get()), Cf::kSpo, "", [&](std::string_view k, std::string_view v) {
        if (k.size() != keys::kTripleKeySize || !rows::DecodeSupport(v, &docs)) {
          return true;  // kg check reports it
        }
        if (std::find(docs.begin(), docs.end(), row.number) == docs.end()) {
          return true;
        }
        chunk.push_back(keys::DecodeTripleKey(keys::IndexOrder::kSpo, k));
        if (chunk.size() >= kChunk) inner = flush();
        return inner.ok();
      }));
  KG_RETURN_IF_ERROR(inner);
  if (!chunk.empty()) KG_RETURN_IF_ERROR(flush());
  rocksdb::WriteBatch batch;
  batch.Delete(cf(Cf::kDocs), keys::DocIdKey(row.info.id));
  batch.Delete(cf(Cf::kDocs), keys::DocNumberKey(row.number));
  return WriteBatch(&batch, "forget document " + row.info.id);
}

}  // namespace kg
