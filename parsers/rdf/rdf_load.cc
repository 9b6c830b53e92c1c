#include "parsers/rdf/rdf_load.h"

#include <filesystem>

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
  Quad q;
  uint64_t n = 0;
  while (reader->Next(&q)) {
    scoped(q.s);
    scoped(q.o);
    if (q.graph) scoped(*q.graph);
    // Dropping the loader without Finish() abandons everything added.
    KG_RETURN_IF_ERROR(loader->Add(q.s, q.p, q.o, q.graph ? &*q.graph : nullptr));
    if (++n % kProgressEvery == 0 && options.progress) {
      options.progress(reader->source().bytes_read(), reader->source().total_bytes(), n);
    }
  }
  KG_RETURN_IF_ERROR(reader->status());
  if (options.progress) {
    options.progress(reader->source().bytes_read(), reader->source().total_bytes(), n);
  }
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
