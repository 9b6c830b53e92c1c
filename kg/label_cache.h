// LabelCache: the labels a reader worked out (term id -> label, including
// "shown by its local name"), and RangeStatsCache: the range sizes and
// predicate statistics a query planner read. Both are kept across queries
// while the store's view stays the same (kg/view_cache.h).
#pragma once

#include <string>
#include <string_view>

#include "kg/store.h"
#include "kg/term.h"
#include "kg/view_cache.h"

namespace kg {

class LabelCache : public ViewCache<TermId, std::string> {
 public:
  static constexpr size_t kDefaultMaxBytes = size_t{32} << 20;

  explicit LabelCache(size_t max_bytes = kDefaultMaxBytes) : ViewCache(max_bytes) {}

  void Put(uint64_t version, TermId id, std::string_view label) {
    ViewCache::Put(version, id, std::string(label), label.size());
  }
};

struct TripleHasher {
  size_t operator()(const Triple& t) const {
    return std::hash<uint64_t>()(t.s * 0x9e3779b97f4a7c15ULL ^ t.p * 0xc2b2ae3d27d4eb4fULL ^ t.o);
  }
};

// Pattern -> statistics: for a pattern binding the predicate alone, its
// PredicateStats row; for one binding a subject or object, the range's size
// (as far as the planner counted it) in `triples`.
class RangeStatsCache : public ViewCache<Triple, PredicateStats, TripleHasher> {
 public:
  static constexpr size_t kDefaultMaxBytes = size_t{4} << 20;

  explicit RangeStatsCache(size_t max_bytes = kDefaultMaxBytes) : ViewCache(max_bytes) {}
};

}  // namespace kg
