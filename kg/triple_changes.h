// TripleChanges: everything one atomic write does besides the document's own
// rows. Given the triples that appear in and vanish from the store, it adds
// the index keys, keeps per-predicate statistics and the name index current,
// all in the caller's WriteBatch, reading the committed state at a snapshot.
#pragma once

#include <rocksdb/write_batch.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/rocks_store.h"

namespace kg {

class TripleChanges {
 public:
  TripleChanges(RocksStore* store, const rocksdb::Snapshot* snap, rocksdb::WriteBatch* batch);

  // Id of `term`, minting a new one (written to the batch) when unknown.
  Result<TermId> Resolve(const Term& term);
  // Id of `term` if it exists in the store or was minted here.
  Result<std::optional<TermId>> Lookup(const Term& term);
  Result<Term> TermOf(TermId id);

  // Adds/removes `doc` to/from the triple's support list; a triple whose list
  // goes from empty to one entry (or back) appears (or vanishes).
  Status AddSupport(const Triple& t, uint32_t doc);
  Status RemoveSupport(const Triple& t, uint32_t doc);

  // Writes index keys, statistics and names for what appeared and vanished.
  Status Finish();

  uint64_t new_terms() const { return fresh_.size(); }
  // Copies the ids this write read or minted into the store's term cache;
  // call after the batch is written.
  void RememberTerms();

 private:
  Status LoadSupport(const Triple& t, std::vector<uint32_t>** docs);
  Result<std::vector<std::string>> NamesOf(TermId s, const std::vector<Triple>& labels,
                                           bool present);

  RocksStore* store_;
  rocksdb::ReadOptions ro_;
  rocksdb::WriteBatch* batch_;
  std::unordered_map<std::string, TermId> fresh_;  // encoded term -> id minted here
  std::unordered_map<TermId, Term> fresh_terms_;
  // Stored terms already looked up: a group of documents names the same
  // entities and predicates many times.
  std::unordered_map<std::string, TermId> known_;
  std::map<Triple, std::vector<uint32_t>> support_;  // pending support lists
  std::map<Triple, bool> initially_present_;
};

}  // namespace kg
