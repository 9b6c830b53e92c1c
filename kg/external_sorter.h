// ExternalSorter: sorts and de-duplicates any number of 24-byte triple keys
// in bounded memory, spilling sorted chunks to files and merging them.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "kg/status.h"

namespace kg {

// Three ids in an index's order; compares like the big-endian key bytes.
struct IdKey3 {
  uint64_t a = 0, b = 0, c = 0;
  auto operator<=>(const IdKey3&) const = default;
};

class ExternalSorter {
 public:
  // Chunk files go to `dir` as NAME-N; `chunk_keys` keys are held in memory.
  ExternalSorter(std::string dir, std::string name, size_t chunk_keys);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  Status Add(const IdKey3& key) {
    buffer_.push_back(key);
    return buffer_.size() >= chunk_keys_ ? Spill() : Status::OK();
  }

  // Calls fn on every distinct key in ascending order. REQUIRES: called once,
  // after the last Add.
  template <typename Fn>
  Status Merge(Fn fn);

 private:
  struct Reader;
  Status Spill();
  Status OpenReaders(std::vector<std::unique_ptr<Reader>>* readers);

  std::string dir_, name_;
  size_t chunk_keys_;
  std::vector<IdKey3> buffer_;
  std::vector<std::string> chunks_;
};

// A buffered reader over one sorted chunk file.
struct ExternalSorter::Reader {
  FILE* f = nullptr;
  std::vector<IdKey3> buf;
  size_t pos = 0, len = 0;
  bool error = false;
  ~Reader() {
    if (f) std::fclose(f);
  }
  bool Valid() const { return pos < len; }
  const IdKey3& key() const { return buf[pos]; }
  void Next() {
    if (++pos >= len) Fill();
  }
  void Fill() {
    len = f ? std::fread(buf.data(), sizeof(IdKey3), buf.size(), f) : 0;
    pos = 0;
    if (len < buf.size() && f && std::ferror(f)) error = true;
  }
};

template <typename Fn>
Status ExternalSorter::Merge(Fn fn) {
  std::vector<std::unique_ptr<Reader>> readers;
  KG_RETURN_IF_ERROR(OpenReaders(&readers));
  auto greater = [&](size_t x, size_t y) { return readers[y]->key() < readers[x]->key(); };
  std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> heap(greater);
  for (size_t i = 0; i < readers.size(); ++i) {
    if (readers[i]->Valid()) heap.push(i);
  }
  bool have_last = false;
  IdKey3 last;
  while (!heap.empty()) {
    size_t i = heap.top();
    heap.pop();
    IdKey3 k = readers[i]->key();
    if (!have_last || !(k == last)) {
      KG_RETURN_IF_ERROR(fn(k));
      last = k;
      have_last = true;
    }
    readers[i]->Next();
    if (readers[i]->error) return Status::StoreError("cannot read sort chunk in " + dir_);
    if (readers[i]->Valid()) heap.push(i);
  }
  return Status::OK();
}

}  // namespace kg
