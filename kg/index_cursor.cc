#include "kg/index_cursor.h"

#include <algorithm>
#include <array>

#include "kg/range_cache.h"
#include "kg/rocks_store.h"

namespace kg {
namespace {

// How many keys a cursor reads at once when it may cache its range: a probe
// (a join's inner side) reads its short range to the end at once, and so
// caches it, even if its caller stops at the first key.
constexpr size_t kReadAhead = 32;

// A range scan over one index; the iterator's implicit snapshot keeps the
// whole scan consistent. Keys come from the cache's copy of the range, or
// from the iterator through `buffer_`: positions from `base_` on, `stride_`
// ids each (the ids past the prefix).
class IndexCursor final : public TripleCursor {
 public:
  IndexCursor(const RocksStore* store, keys::ScanRange range)
      : store_(store), order_(range.order), cache_(store->range_cache()) {
    prefix_ = std::move(range.prefix);
    keys::PrefixSuccessor(prefix_, &upper_);
    upper_slice_ = rocksdb::Slice(upper_);
    Start();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    ++pos_;
    Settle();
  }
  Triple triple() const override { return triple_; }
  Status status() const override {
    // A cached range was read without error; otherwise the iterator says.
    return range_ ? Status::OK() : store_->Err(it_->status(), "scan");
  }
  bool Restart(const TriplePattern& pattern) override {
    keys::RangeFor(pattern, &next_);
    // The iterators read their upper bound through upper_slice_, so the new
    // bound applies from the next seek; without one it cannot be narrowed.
    if (next_.order != order_ || upper_.empty()) return false;
    keys::PrefixSuccessor(next_.prefix, &next_upper_);
    if (next_upper_.empty()) return false;
    std::swap(prefix_, next_.prefix);
    std::swap(upper_, next_upper_);
    upper_slice_ = rocksdb::Slice(upper_);
    Start();
    return true;
  }
  bool SkipTo(const Triple& t) override {
    std::string key = keys::TripleKey(order_, t);
    if (key.compare(0, prefix_.size(), prefix_) != 0) return false;
    std::array<TermId, 3> target{};
    for (size_t i = 0; i < stride_; ++i)
      target[i] = keys::ReadId(key.data() + prefix_.size() + i * keys::kIdSize);
    if (range_) {
      // The first cached key not before the target, as a seek would find it.
      size_t lo = 0, hi = range_->size;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const TermId* ids = range_->ids.data() + mid * stride_;
        if (std::lexicographical_compare(ids, ids + stride_, target.data(),
                                         target.data() + stride_)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      pos_ = lo;
    } else {
      // Skipped keys never reach the buffer: the range is no longer read whole.
      collecting_ = false;
      buffer_.clear();
      buffered_keys_ = 0;
      base_ = pos_;
      it_->Seek(key);
      ended_ = false;
    }
    Settle();
    return true;
  }

 private:
  // A range that binds the first two ids of its index's keys can consult the
  // files' filters on them (kg/FORMAT.md), which skip a file that lacks the
  // pair without reading a block. A shorter range must read in total order:
  // a filtered seek answers only for its own pair.
  static bool Filtered(const std::string& prefix) {
    return prefix.size() >= keys::kIndexPrefixSize;
  }

  // Positions the cursor at the start of prefix_'s range.
  void Start() {
    pos_ = base_ = buffered_keys_ = 0;
    range_.reset();
    buffer_.clear();
    ended_ = false;
    const size_t bound = prefix_.size() / keys::kIdSize;
    stride_ = 3 - bound;
    for (size_t i = 0; i < bound; ++i) head_[i] = keys::ReadId(prefix_.data() + i * keys::kIdSize);
    collecting_ = cache_ != nullptr;
    if (cache_) {
      cache_key_.assign(1, static_cast<char>(order_));
      cache_key_.append(prefix_);
      version_ = store_->ViewVersion();
      if (cache_->Get(version_, cache_key_, &range_)) {
        Settle();
        return;
      }
    }
    Use(Filtered(prefix_));
    it_->Seek(prefix_);
    if (collecting_) {
      while (buffered_keys_ < kReadAhead && Pull()) {
      }
    }
    Settle();
  }

  // Points it_ at the iterator for filtered or total-order reads, opening it
  // the first time: an iterator's read options are fixed when it opens.
  void Use(bool filtered) {
    std::unique_ptr<rocksdb::Iterator>& it = iterators_[filtered ? 1 : 0];
    if (!it) {
      rocksdb::ReadOptions ro;
      ro.ignore_range_deletions = true;  // kg never writes range deletions
      ro.total_order_seek = !filtered;
      ro.prefix_same_as_start = filtered;
      if (!upper_.empty()) ro.iterate_upper_bound = &upper_slice_;
      it.reset(store_->db()->NewIterator(ro, store_->cf(IndexCf(order_))));
    }
    it_ = it.get();
  }

  // Moves the iterator's key into the buffer and steps past it; false at the
  // range's end.
  bool Pull() {
    if (ended_) return false;
    if (!it_->Valid() || !it_->key().starts_with(prefix_) ||
        it_->key().size() != keys::kTripleKeySize) {
      ended_ = true;
      return false;
    }
    const char* key = it_->key().data() + prefix_.size();
    for (size_t i = 0; i < stride_; ++i) buffer_.push_back(keys::ReadId(key + i * keys::kIdSize));
    ++buffered_keys_;
    it_->Next();
    return true;
  }

  void Settle() {
    if (!range_) {
      if (!collecting_ && pos_ == base_ + buffered_keys_) {
        // Nothing buffered is ahead: a scan not being cached keeps one key.
        buffer_.clear();
        buffered_keys_ = 0;
        base_ = pos_;
      }
      while (pos_ >= base_ + buffered_keys_ && Pull()) {
      }
      if (collecting_ && buffer_.size() > cache_->max_range_ids()) collecting_ = false;
      if (collecting_ && ended_) Publish();
    }
    const TermId* ids = nullptr;
    if (range_) {
      valid_ = pos_ < range_->size;
      ids = range_->ids.data() + pos_ * stride_;
    } else {
      valid_ = pos_ < base_ + buffered_keys_;
      ids = buffer_.data() + (pos_ - base_) * stride_;
    }
    if (!valid_) return;
    std::array<TermId, 3> key{};
    const size_t bound = 3 - stride_;
    std::copy(head_.begin(), head_.begin() + static_cast<long>(bound), key.begin());
    std::copy(ids, ids + stride_, key.begin() + static_cast<long>(bound));
    triple_ = keys::TripleFromKeyIds(order_, key[0], key[1], key[2]);
  }

  // The range was read whole: it goes into the cache, and the cursor reads
  // on from the cached copy.
  void Publish() {
    collecting_ = false;
    if (!it_->status().ok()) return;
    auto range = std::make_shared<CachedRange>();
    range->stride = stride_;
    range->size = buffered_keys_;
    buffer_.shrink_to_fit();
    range->ids = std::move(buffer_);
    buffer_.clear();
    buffered_keys_ = 0;
    cache_->Put(version_, cache_key_, range);
    range_ = std::move(range);
  }

  const RocksStore* store_;
  keys::IndexOrder order_;
  RangeCache* cache_;  // null: ranges are not cached
  std::string prefix_, upper_;
  rocksdb::Slice upper_slice_;
  std::unique_ptr<rocksdb::Iterator> iterators_[2];  // total order, filtered
  rocksdb::Iterator* it_ = nullptr;

  size_t stride_ = 3;
  std::array<TermId, 3> head_{};  // the ids the prefix binds
  size_t pos_ = 0;                // position in the range
  bool valid_ = false;
  Triple triple_;

  std::shared_ptr<const CachedRange> range_;  // when reading a cached range, else it_
  bool ended_ = false;                        // it_ is past the range
  bool collecting_ = false;                   // buffer_ holds the range from its start
  std::vector<TermId> buffer_;
  size_t buffered_keys_ = 0;  // keys in buffer_ (counted apart for stride 0)
  size_t base_ = 0;           // position of buffer_'s first key
  std::string cache_key_;
  uint64_t version_ = 0;

  // Restart's scratch, kept for their buffers.
  keys::ScanRange next_{};
  std::string next_upper_;
};

}  // namespace

std::unique_ptr<TripleCursor> NewIndexCursor(const RocksStore* store, keys::ScanRange range) {
  return std::make_unique<IndexCursor>(store, std::move(range));
}

}  // namespace kg
