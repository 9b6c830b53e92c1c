// RangeCache: index ranges a reader has read to their end, decoded, kept
// across queries while the store's view stays the same (kg/view_cache.h).
//
// A seek through RocksDB's iterators costs 6-9 k instructions with every
// block cached, and each step 1.5-2 k (docs/benchmarks.md): a join's probes
// and a group count's long scan pay that again on every query. A cached range
// is read from memory: a probe is one hash lookup, a step an array read.
//
// Only readers use one (OpenOptions::read_only): a reader's view moves only
// on Refresh(), which empties it; a writer's changes would have to be
// followed key by key.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "kg/term.h"
#include "kg/view_cache.h"

namespace kg {

// The keys of one range, without the prefix every key of it shares: `stride`
// ids per key (3 minus the ids the prefix binds), in the index's key order.
struct CachedRange {
  size_t stride = 0;
  size_t size = 0;  // keys; with stride 0 (a fully bound probe) the only record
  std::vector<TermId> ids;
};

// Key: the index order's byte, then the range's prefix.
class RangeCache : public ViewCache<std::string, std::shared_ptr<const CachedRange>> {
 public:
  static constexpr size_t kDefaultMaxBytes = size_t{256} << 20;

  explicit RangeCache(size_t max_bytes = kDefaultMaxBytes)
      : ViewCache(max_bytes), max_range_ids_(max_bytes / 8 / sizeof(TermId)) {}

  // The most ids one range may hold: a cursor stops collecting a range past
  // it, so one long scan neither fills the budget nor holds it as a buffer.
  size_t max_range_ids() const { return max_range_ids_; }

  void Put(uint64_t version, const std::string& key, std::shared_ptr<const CachedRange> range) {
    size_t bytes = key.size() + sizeof(CachedRange) + range->ids.capacity() * sizeof(TermId);
    ViewCache::Put(version, key, std::move(range), bytes);
  }

 private:
  const size_t max_range_ids_;
};

}  // namespace kg
