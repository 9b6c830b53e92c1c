// OpenHashTable: open addressing with linear probing over a power-of-two
// array kept at most half full, for tables whose keys live elsewhere (an
// arena, a vector of strings) and whose slots hold only a hash and an id.
//
//   struct Slot {
//     uint64_t key = 0;  // 0: empty
//     uint32_t id = 0;
//     bool empty() const { return key == 0; }
//     uint64_t hash() const { return key; }
//   };
//   OpenHashTable<Slot> t;
//   const Slot* s = t.Find(h, [&](const Slot& s) { return s.key == h; });
//   if (!s) t.Insert(Slot{h, id});
//
// A lookup compares stored hashes first and calls the caller's equality test
// only on a hash match, so most misses cost one probe and no string compare.
// Not thread-safe while inserting; const lookups may run on several threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg {

template <typename Slot>
class OpenHashTable {
 public:
  explicit OpenHashTable(size_t min_slots = 16) { Reset(min_slots); }

  // The slot with this hash that `eq` accepts, or nullptr.
  template <typename Eq>
  const Slot* Find(uint64_t hash, const Eq& eq) const {
    for (size_t at = Home(hash); !slots_[at].empty(); at = (at + 1) & mask_)
      if (slots_[at].hash() == hash && eq(slots_[at])) return &slots_[at];
    return nullptr;
  }

  // Adds a slot whose key is not in the table yet.
  void Insert(const Slot& slot) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Place(slot);
    ++size_;
  }

  size_t size() const { return size_; }

  // Empties the table, keeping at least `min_slots` slots.
  void Clear(size_t min_slots = 16) {
    if (slots_.size() >= min_slots) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
      size_ = 0;
    } else {
      Reset(min_slots);
    }
  }

 private:
  static constexpr uint64_t kMix = 0x9E3779B97F4A7C15ull;  // Fibonacci hashing

  // The high bits of the mixed hash: good spread even for keys that differ
  // only in their low bits (node << 32 | token).
  size_t Home(uint64_t hash) const { return static_cast<size_t>((hash * kMix) >> shift_); }

  void Reset(size_t min_slots) {
    size_t n = 16;
    while (n < min_slots) n *= 2;
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    shift_ = 64;
    for (size_t m = n; m > 1; m >>= 1) --shift_;
    size_ = 0;
  }

  void Place(const Slot& slot) {
    size_t at = Home(slot.hash());
    while (!slots_[at].empty()) at = (at + 1) & mask_;
    slots_[at] = slot;
  }

  void Rehash(size_t n) {
    std::vector<Slot> old;
    old.swap(slots_);
    const size_t size = size_;
    Reset(n);
    size_ = size;
    for (const Slot& s : old)
      if (!s.empty()) Place(s);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  unsigned shift_ = 64;
  size_t size_ = 0;
};

}  // namespace kg
