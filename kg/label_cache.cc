#include "kg/label_cache.h"

namespace kg {

bool LabelCache::Follow(uint64_t version) {
  if (version < version_) return false;
  if (version > version_) {
    newer_.clear();
    older_.clear();
    newer_bytes_ = older_bytes_ = 0;
    version_ = version;
  }
  return true;
}

void LabelCache::Insert(TermId id, std::string label) {
  const size_t cost = label.size() + kEntryOverhead;
  if (cost > max_bytes_ / 2) return;
  if (newer_bytes_ + cost > max_bytes_ / 2) {
    older_ = std::move(newer_);
    older_bytes_ = newer_bytes_;
    newer_ = Map();
    newer_bytes_ = 0;
  }
  auto [it, added] = newer_.try_emplace(id, std::move(label));
  if (added) newer_bytes_ += cost;
}

bool LabelCache::Get(uint64_t version, TermId id, std::string* label) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!Follow(version)) return false;
  auto it = newer_.find(id);
  if (it != newer_.end()) {
    *label = it->second;
    return true;
  }
  auto old = older_.find(id);
  if (old == older_.end()) return false;
  *label = old->second;
  std::string moved = std::move(old->second);
  older_bytes_ -= moved.size() + kEntryOverhead;
  older_.erase(old);
  Insert(id, std::move(moved));
  return true;
}

void LabelCache::Put(uint64_t version, TermId id, std::string_view label) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!Follow(version)) return;
  if (newer_.count(id) > 0) return;  // labels of one version never differ
  auto old = older_.find(id);
  if (old != older_.end()) {
    older_bytes_ -= old->second.size() + kEntryOverhead;
    older_.erase(old);
  }
  Insert(id, std::string(label));
}

size_t LabelCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return newer_bytes_ + older_bytes_;
}

size_t LabelCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return newer_.size() + older_.size();
}

}  // namespace kg
