#include "kg/term_batch.h"

#include <algorithm>
#include <functional>

#include "kg/side_by_side.h"

namespace kg {

namespace {
constexpr size_t kBlockSize = 8 << 20;
}

uint32_t TermBatch::Add(const Term& term) {
  scratch_.clear();
  rows::AppendEncodedTerm(&scratch_, term);
  const uint64_t h = std::hash<std::string_view>()(scratch_);
  if (const Slot* s =
          slots_.Find(h, [&](const Slot& s) { return terms_[s.index - 1] == scratch_; })) {
    return s->index - 1;
  }
  if (block_size_ - block_used_ < scratch_.size()) {
    block_size_ = std::max(kBlockSize, scratch_.size());
    blocks_.emplace_back(new char[block_size_]);
    block_used_ = 0;
  }
  char* p = blocks_.back().get() + block_used_;
  std::copy(scratch_.begin(), scratch_.end(), p);
  block_used_ += scratch_.size();
  bytes_ += scratch_.size();
  std::string_view view(p, scratch_.size());
  uint32_t idx = static_cast<uint32_t>(terms_.size());
  terms_.push_back(view);
  slots_.Insert(Slot{h, idx + 1});
  return idx;
}

void TermBatch::Clear() {
  slots_.Clear(kMinSlots);
  terms_.clear();
  blocks_.clear();
  block_used_ = block_size_ = bytes_ = 0;
}

Status TermBatch::Resolve(RocksStore* store, const std::string& file_base,
                          std::vector<TermId>* ids) {
  ids->assign(terms_.size(), kNoTerm);
  std::vector<uint32_t> order(terms_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  // Long IRIs with long shared prefixes make this sort a quarter of a run's
  // dictionary work: two halves side by side, then a merge.
  auto by_term = [&](uint32_t x, uint32_t y) { return terms_[x] < terms_[y]; };
  auto middle = order.begin() + static_cast<std::ptrdiff_t>(order.size() / 2);
  KG_RETURN_IF_ERROR(RunSideBySide(
      [&] {
        std::sort(order.begin(), middle, by_term);
        return Status::OK();
      },
      [&] {
        std::sort(middle, order.end(), by_term);
        return Status::OK();
      }));
  std::inplace_merge(order.begin(), middle, order.end(), by_term);

  // One forward pass: a few Next() calls usually reach the next sorted term;
  // Seek() only across larger gaps.
  std::vector<uint32_t> fresh;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        store->db()->NewIterator(store->ReadAt(nullptr), store->cf(Cf::kTerm2Id)));
    it->SeekToFirst();
    for (uint32_t i : order) {
      rocksdb::Slice want(terms_[i].data(), terms_[i].size());
      int steps = 0;
      while (it->Valid() && it->key().compare(want) < 0) {
        if (++steps > 8) {
          it->Seek(want);
          break;
        }
        it->Next();
      }
      if (it->Valid() && it->key() == want && it->value().size() == keys::kIdSize) {
        (*ids)[i] = keys::ReadId(it->value().data());
      } else {
        fresh.push_back(i);
      }
    }
    KG_RETURN_IF_ERROR(store->Err(it->status(), "read dictionary"));
  }
  if (fresh.empty()) return Status::OK();

  TermId first = store->next_term();
  TermId next = first + fresh.size();
  rocksdb::WriteBatch reserve;
  reserve.Put(store->cf(Cf::kMeta), keys::kNextTermKey, rows::EncodeCount(next));
  KG_RETURN_IF_ERROR(store->WriteBatch(&reserve, "reserve term ids"));
  store->set_next_term(next);

  SstOut t2i(store, Cf::kTerm2Id, file_base + "-t2i.sst"),
      i2t(store, Cf::kId2Term, file_base + "-i2t.sst");
  // Fresh ids follow the sorted order, so both files are written in key
  // order from the same list, each on its own thread (compression and
  // filters are most of the cost).
  std::vector<rocksdb::IngestExternalFileArg> args, i2t_args;
  auto write = [&](SstOut* out, bool term_first, std::vector<rocksdb::IngestExternalFileArg>* to) {
    TermId id = first;
    for (uint32_t i : fresh) {
      std::string key = keys::IdKey(id++);
      KG_RETURN_IF_ERROR(term_first ? out->Put(terms_[i], key) : out->Put(key, terms_[i]));
    }
    return out->Finish(to);
  };
  KG_RETURN_IF_ERROR(RunSideBySide([&] { return write(&t2i, true, &args); },
                                   [&] { return write(&i2t, false, &i2t_args); }));
  args.insert(args.end(), i2t_args.begin(), i2t_args.end());
  TermId id = first;
  for (uint32_t i : fresh) (*ids)[i] = id++;
  return store->Err(store->db()->IngestExternalFiles(args), "ingest dictionary");
}

SstOut::SstOut(const RocksStore* store, Cf cf, std::string path)
    : store_(store),
      cf_(cf),
      path_(std::move(path)),
      writer_(rocksdb::EnvOptions(), store->SstOptions(cf), store->cf(cf)) {}

Status SstOut::Put(std::string_view key, std::string_view value) {
  if (!opened_) {
    KG_RETURN_IF_ERROR(store_->Err(writer_.Open(path_), "write " + path_));
    opened_ = true;
  }
  ++entries_;
  return store_->Err(writer_.Put(rocksdb::Slice(key.data(), key.size()),
                                 rocksdb::Slice(value.data(), value.size())),
                     "write " + path_);
}

Status SstOut::Finish(std::vector<rocksdb::IngestExternalFileArg>* args) {
  if (!opened_) return Status::OK();
  KG_RETURN_IF_ERROR(store_->Err(writer_.Finish(), "write " + path_));
  rocksdb::IngestExternalFileArg arg;
  arg.column_family = store_->cf(cf_);
  arg.external_files.push_back(path_);
  arg.options.move_files = true;
  args->push_back(std::move(arg));
  return Status::OK();
}

}  // namespace kg
