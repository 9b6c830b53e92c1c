// Loading RDF files into a store, and checking them without a store.
//
// Each file becomes one document: id = the file name without its RDF and .gz
// extensions ("dpv-2.3.nt.gz" -> "dpv-2.3"), source = the path as given,
// content_hash = SHA-256 of the file's bytes. Re-loading an unchanged file
// changes nothing; a changed one replaces the document's earlier triples.
// Triples go through Store::NewBulkLoader, which is only Finish()ed once the
// whole file has parsed: a file with an error anywhere stores nothing.
//
// N-Quads graph names are handed to the bulk loader, but the triple belongs
// to the file's document either way (the store keeps no separate graph
// dimension); `kg dump --format nquads` names each triple's documents as
// its graphs. Blank node labels are scoped to their document, so _:a in two
// files are two nodes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "kg/store.h"
#include "parsers/rdf/rdf_reader.h"

namespace kg::rdf {

struct LoadOptions {
  std::optional<Format> format;  // by file name when absent
  // Called every few thousand statements: raw bytes read, file size (0 when
  // unknown), statements parsed so far.
  std::function<void(uint64_t, uint64_t, uint64_t)> progress;
  // Called once parsing is done, before the store writes the triples out.
  std::function<void(uint64_t)> writing;
};

struct LoadReport {
  std::string doc_id;
  uint64_t triples = 0;    // statements parsed (and stored unless unchanged)
  bool unchanged = false;  // same content hash as the stored document: nothing written
  bool replaced = false;   // an earlier version of the document was replaced
};

// "dir/dpv-2.3.nt.gz" -> "dpv-2.3".
std::string DocumentIdForPath(std::string_view path);

// Parses `path` completely, then makes its triples visible atomically.
Result<LoadReport> LoadFile(Store& store, const std::string& path, const LoadOptions& options);

// Parses `path` without storing anything; returns the number of statements.
Result<uint64_t> CheckFile(const std::string& path, const LoadOptions& options);

}  // namespace kg::rdf
