#include "parsers/rdf/rdf_load.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

namespace kg::rdf {
namespace {

constexpr uint64_t kProgressEvery = 1 << 14;

Result<Format> ChooseFormat(const std::string& path, const LoadOptions& options) {
  if (options.format) return *options.format;
  return FormatFromPath(path);
}

// A short, stable tag for a document id (FNV-1a), used to scope blank nodes.
std::string ScopeTag(std::string_view doc_id) {
  uint32_t h = 2166136261u;
  for (unsigned char c : doc_id) h = (h ^ c) * 16777619u;
  static const char kHex[] = "0123456789abcdef";
  std::string tag = "b";
  for (int i = 7; i >= 0; --i) tag += kHex[(h >> (i * 4)) & 15];
  tag += '_';
  return tag;
}

// Parses on a second thread and hands over batches of quads, so reading,
// gunzip and parsing overlap the store's work on the caller's thread.
class QuadPipe {
 public:
  struct Batch {
    std::vector<Quad> quads = std::vector<Quad>(kBatch);
    size_t size = 0;
  };

  explicit QuadPipe(Reader* reader) : reader_(reader) {
    for (int i = 0; i < kBatches; ++i) free_.push_back(std::make_unique<Batch>());
    thread_ = std::thread([this] { Produce(); });
  }
  ~QuadPipe() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  // The next full batch, or null at the end of input or on a parse error
  // (then reader->status() says which; read it only after Next returned null).
  std::unique_ptr<Batch> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !full_.empty() || done_; });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    return b;
  }
  void Recycle(std::unique_ptr<Batch> b) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      free_.push_back(std::move(b));
    }
    cv_.notify_all();
  }
  uint64_t bytes_read() const { return bytes_.load(std::memory_order_relaxed); }

 private:
  static constexpr size_t kBatch = 4096;
  static constexpr int kBatches = 4;

  void Produce() {
    for (;;) {
      std::unique_ptr<Batch> b;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return !free_.empty() || stop_; });
        if (stop_) break;
        b = std::move(free_.front());
        free_.pop_front();
      }
      b->size = 0;
      while (b->size < kBatch && reader_->Next(&b->quads[b->size])) ++b->size;
      bytes_.store(reader_->source().bytes_read(), std::memory_order_relaxed);
      bool last = b->size < kBatch;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (b->size > 0) full_.push_back(std::move(b));
        if (last) done_ = true;
      }
      cv_.notify_all();
      if (last) return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
  }

  Reader* reader_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Batch>> free_, full_;
  bool done_ = false;
  bool stop_ = false;
  std::atomic<uint64_t> bytes_{0};
};

}  // namespace

std::string DocumentIdForPath(std::string_view path) {
  std::string name = std::filesystem::path(std::string(path)).filename().string();
  auto strip = [&](std::string_view ext) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      name.resize(name.size() - ext.size());
      return true;
    }
    return false;
  };
  strip(".gz");
  if (!strip(".nt") && !strip(".nq") && !strip(".ntriples") && !strip(".nquads")) {
    auto dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0) name.resize(dot);
  }
  return name;
}

Result<LoadReport> LoadFile(Store& store, const std::string& path, const LoadOptions& options) {
  KG_ASSIGN_OR_RETURN(Format format, ChooseFormat(path, options));
  LoadReport report;
  report.doc_id = DocumentIdForPath(path);
  if (report.doc_id.empty())
    return Status::InvalidInput(path + ": cannot name a document after it");

  // Hash first: an unchanged file is then skipped without parsing it, and the
  // bulk loader knows the hash from the start.
  KG_ASSIGN_OR_RETURN(std::string hash, HashFile(path));
  KG_ASSIGN_OR_RETURN(std::optional<DocumentInfo> existing, store.GetDocument(report.doc_id));
  if (existing && existing->content_hash == hash) {
    report.unchanged = true;
    report.triples = existing->triple_count;
    return report;
  }
  report.replaced = existing.has_value();

  KG_ASSIGN_OR_RETURN(auto reader, Reader::Open(path, format));
  DocumentInfo doc;
  doc.id = report.doc_id;
  doc.source = path;
  doc.content_hash = hash;
  KG_ASSIGN_OR_RETURN(auto loader, store.NewBulkLoader(doc));

  const std::string scope = ScopeTag(report.doc_id);
  auto scoped = [&](Term& t) {
    if (t.kind == TermKind::kBlank) t.value.insert(0, scope);
  };
  uint64_t n = 0, next_progress = kProgressEvery;
  const uint64_t total = reader->source().total_bytes();
  {
    QuadPipe pipe(reader.get());
    while (auto batch = pipe.Next()) {
      for (size_t i = 0; i < batch->size; ++i) {
        Quad& q = batch->quads[i];
        scoped(q.s);
        scoped(q.o);
        if (q.graph) scoped(*q.graph);
        // Dropping the loader without Finish() abandons everything added.
        KG_RETURN_IF_ERROR(loader->Add(q.s, q.p, q.o, q.graph ? &*q.graph : nullptr));
      }
      n += batch->size;
      pipe.Recycle(std::move(batch));
      if (n >= next_progress && options.progress) {
        options.progress(pipe.bytes_read(), total, n);
        next_progress = n + kProgressEvery;
      }
    }
  }
  KG_RETURN_IF_ERROR(reader->status());
  if (options.progress) options.progress(reader->source().bytes_read(), total, n);
  if (options.writing) options.writing(n);
  KG_RETURN_IF_ERROR(loader->Finish());
  report.triples = n;
  return report;
}

Result<uint64_t> CheckFile(const std::string& path, const LoadOptions& options) {
  KG_ASSIGN_OR_RETURN(Format format, ChooseFormat(path, options));
  KG_ASSIGN_OR_RETURN(auto reader, Reader::Open(path, format));
  Quad q;
  uint64_t n = 0;
  while (reader->Next(&q)) {
    if (++n % kProgressEvery == 0 && options.progress) {
      options.progress(reader->source().bytes_read(), reader->source().total_bytes(), n);
    }
  }
  KG_RETURN_IF_ERROR(reader->status());
  return n;
}

}  // namespace kg::rdf
