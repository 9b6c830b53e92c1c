#include "kg/external_sorter.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kg {

namespace {
constexpr size_t kReadBufferKeys = 1 << 14;  // 384 KiB per chunk while merging
}

ExternalSorter::ExternalSorter(std::string dir, std::string name, size_t chunk_keys)
    : dir_(std::move(dir)), name_(std::move(name)), chunk_keys_(chunk_keys) {
  buffer_.reserve(std::min<size_t>(chunk_keys_, 1 << 16));
}

ExternalSorter::~ExternalSorter() {
  for (const auto& c : chunks_) std::remove(c.c_str());
}

Status ExternalSorter::Spill() {
  if (buffer_.empty()) return Status::OK();
  std::sort(buffer_.begin(), buffer_.end());
  buffer_.erase(std::unique(buffer_.begin(), buffer_.end()), buffer_.end());
  std::string path = dir_ + "/" + name_ + "-" + std::to_string(chunks_.size());
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::StoreError("cannot write " + path + ": " + std::strerror(errno));
  chunks_.push_back(path);
  size_t n = std::fwrite(buffer_.data(), sizeof(IdKey3), buffer_.size(), f);
  bool ok = n == buffer_.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return Status::StoreError("cannot write " + path + ": " + std::strerror(errno));
  buffer_.clear();
  return Status::OK();
}

Status ExternalSorter::OpenReaders(std::vector<std::unique_ptr<Reader>>* readers) {
  // The last chunk is merged straight from memory when it is the only one.
  if (chunks_.empty()) {
    std::sort(buffer_.begin(), buffer_.end());
    auto r = std::make_unique<Reader>();
    r->buf = std::move(buffer_);
    r->len = r->buf.size();
    buffer_.clear();
    readers->push_back(std::move(r));
    return Status::OK();
  }
  KG_RETURN_IF_ERROR(Spill());
  buffer_.shrink_to_fit();
  for (const auto& path : chunks_) {
    auto r = std::make_unique<Reader>();
    r->f = std::fopen(path.c_str(), "rb");
    if (!r->f) return Status::StoreError("cannot read " + path + ": " + std::strerror(errno));
    r->buf.resize(kReadBufferKeys);
    r->Fill();
    if (r->error) return Status::StoreError("cannot read " + path);
    readers->push_back(std::move(r));
  }
  return Status::OK();
}

}  // namespace kg
