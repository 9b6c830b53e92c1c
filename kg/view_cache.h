// ViewCache: what a reader worked out from the store (a term's label, the
// size of a pattern's range), kept across queries for as long as the
// store's view stays the same. A REPL session, a script or any reader that
// asks again skips the seeks and reads behind it.
//
// Entries belong to a view version (Store::ViewVersion()): the first Get or
// Put with a newer version empties the cache, and a Put with an older one is
// dropped, so nothing read before a write or a Refresh() is used after it.
// Memory is bounded: entries live in two generations of at most half the
// budget each; when the newer fills up, the older is dropped and the newer
// takes its place, and a hit in the older moves the entry forward (a cheap
// approximation of least-recently-used).
//
// Thread-safe: one mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace kg {

template <typename Key, typename Value, typename Hash = std::hash<Key>>
class ViewCache {
 public:
  // Per entry beyond what the caller counts for the value: the node, its
  // key and the value's header, roughly.
  static constexpr size_t kEntryOverhead = 64;

  explicit ViewCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  ViewCache(const ViewCache&) = delete;
  ViewCache& operator=(const ViewCache&) = delete;

  // The value of `key` as of view `version`; false when not cached.
  bool Get(uint64_t version, const Key& key, Value* value) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!Follow(version)) return false;
    auto it = newer_.find(key);
    if (it != newer_.end()) {
      *value = it->second.first;
      return true;
    }
    auto old = older_.find(key);
    if (old == older_.end()) return false;
    *value = old->second.first;
    auto entry = std::move(old->second);
    older_bytes_ -= entry.second;
    older_.erase(old);
    Insert(key, std::move(entry.first), entry.second);
    return true;
  }

  // `extra_bytes`: what the value holds beyond its own size (a string's text).
  void Put(uint64_t version, const Key& key, Value value, size_t extra_bytes = 0) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!Follow(version)) return;
    if (newer_.count(key) > 0) return;  // values of one version never differ
    auto old = older_.find(key);
    if (old != older_.end()) {
      older_bytes_ -= old->second.second;
      older_.erase(old);
    }
    Insert(key, std::move(value), extra_bytes + sizeof(Value) + kEntryOverhead);
  }

  // What the entries cost, by the estimate the bound uses.
  size_t bytes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return newer_bytes_ + older_bytes_;
  }
  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return newer_.size() + older_.size();
  }

 private:
  using Map = std::unordered_map<Key, std::pair<Value, size_t>, Hash>;  // value, cost

  // REQUIRES: mu_ held. False when `version` is older than the entries.
  bool Follow(uint64_t version) {
    if (version < version_) return false;
    if (version > version_) {
      newer_.clear();
      older_.clear();
      newer_bytes_ = older_bytes_ = 0;
      version_ = version;
    }
    return true;
  }

  void Insert(const Key& key, Value value, size_t cost) {
    if (cost > max_bytes_ / 2) return;
    if (newer_bytes_ + cost > max_bytes_ / 2) {
      older_ = std::move(newer_);
      older_bytes_ = newer_bytes_;
      newer_ = Map();
      newer_bytes_ = 0;
    }
    if (newer_.try_emplace(key, std::move(value), cost).second) newer_bytes_ += cost;
  }

  mutable std::mutex mu_;
  const size_t max_bytes_;
  uint64_t version_ = 0;
  Map newer_, older_;
  size_t newer_bytes_ = 0, older_bytes_ = 0;
};

}  // namespace kg
