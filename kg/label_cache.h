// LabelCache: the labels a reader worked out (term id -> label, including
// "shown by its local name"), kept across queries for as long as the store's
// view stays the same. A REPL session, a script or any reader that asks for
// the same terms again skips the label seeks and dictionary reads.
//
// Entries belong to a view version (Store::ViewVersion()): the first Get or
// Put with a newer version empties the cache, and a Put with an older one is
// dropped, so a label read before a write or a Refresh() is never shown
// after it. Memory is bounded: entries live in two generations of at most
// half the budget each; when the newer fills up, the older is dropped and
// the newer takes its place, and a hit in the older moves the entry forward
// (a cheap approximation of least-recently-used).
//
// Thread-safe: one mutex; lookups are batched by the caller where it counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kg/term.h"

namespace kg {

class LabelCache {
 public:
  static constexpr size_t kDefaultMaxBytes = size_t{32} << 20;

  explicit LabelCache(size_t max_bytes = kDefaultMaxBytes) : max_bytes_(max_bytes) {}
  LabelCache(const LabelCache&) = delete;
  LabelCache& operator=(const LabelCache&) = delete;

  // The label of `id` as of view `version`; false when not cached.
  bool Get(uint64_t version, TermId id, std::string* label);
  void Put(uint64_t version, TermId id, std::string_view label);

  // What the entries cost, by the estimate the bound uses.
  size_t bytes() const;
  size_t size() const;

  // Per entry beyond the label's own bytes: the node, its key and the
  // string header, roughly.
  static constexpr size_t kEntryOverhead = 64;

 private:
  using Map = std::unordered_map<TermId, std::string>;
  // REQUIRES: mu_ held. False when `version` is older than the entries.
  bool Follow(uint64_t version);
  void Insert(TermId id, std::string label);

  mutable std::mutex mu_;
  const size_t max_bytes_;
  uint64_t version_ = 0;
  Map newer_, older_;
  size_t newer_bytes_ = 0, older_bytes_ = 0;
};

}  // namespace kg
