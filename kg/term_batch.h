// TermBatch: the distinct terms of one bulk-load run, kept in an arena, and
// their resolution to ids in one sorted pass over the dictionary.
#pragma once

#include <rocksdb/sst_file_writer.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/open_hash_table.h"
#include "kg/rocks_store.h"

namespace kg {

class TermBatch {
 public:
  // Index of `term` within this batch (the same index for the same term).
  uint32_t Add(const Term& term);
  size_t size() const { return terms_.size(); }
  size_t bytes() const { return bytes_; }
  // The dictionary encoding of term `i` (rows::EncodeTerm).
  std::string_view encoded(uint32_t i) const { return terms_[i]; }

  // Fills ids[i] for every term i: existing terms keep their ids; new ones get
  // fresh ids in sorted order and are written as SST files `file_base`-t2i.sst
  // and -i2t.sst, then ingested, so later runs find them. Reserves the ids in
  // meta first, so a crash can leave a gap in the id sequence but never reuse
  // an id.
  Status Resolve(RocksStore* store, const std::string& file_base, std::vector<TermId>* ids);

  void Clear();

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0, block_size_ = 0;
  size_t bytes_ = 0;
  std::vector<std::string_view> terms_;
  // A slot holds a term's hash and its index + 1 (0 = empty). Comparing
  // hashes first skips most memcmp calls.
  struct Slot {
    uint64_t hash_ = 0;
    uint32_t index = 0;
    bool empty() const { return index == 0; }
    uint64_t hash() const { return hash_; }
  };
  static constexpr size_t kMinSlots = size_t{1} << 16;
  OpenHashTable<Slot> slots_{kMinSlots};
  std::string scratch_;
};

// Writes one SST file for a column family; Finish() skips empty files.
class SstOut {
 public:
  SstOut(const RocksStore* store, Cf cf, std::string path);
  Status Put(std::string_view key, std::string_view value);
  // Adds the file to `files` when anything was written.
  Status Finish(std::vector<rocksdb::IngestExternalFileArg>* args);
  uint64_t entries() const { return entries_; }

 private:
  const RocksStore* store_;
  Cf cf_;
  std::string path_;
  rocksdb::SstFileWriter writer_;
  bool opened_ = false;
  uint64_t entries_ = 0;
};

}  // namespace kg
