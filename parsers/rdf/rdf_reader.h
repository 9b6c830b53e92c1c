// Reader: a streaming N-Triples / N-Quads (RDF 1.1) parser.
//
// Reads plain or gzip-compressed files in constant memory (a line is held
// whole, so a 100 MB line needs about 100 MB), validates everything the
// grammar and RDF 1.1 require (UTF-8, absolute IRIs, escapes, language tags,
// blank node labels), and reports the first error as
//   FILE:LINE:COL: message
// with LINE and COL 1-based and COL counted in characters (Unicode code
// points), not bytes. LF, CR LF and a lone CR each end a line.
//
// Deliberate choices: NUL bytes are refused everywhere except inside a quoted
// literal, where RDF 1.1 allows them (the W3C suite tests it). Language tags
// are lower-cased; an explicit ^^xsd:string is dropped (Term's empty datatype
// means xsd:string). RDF 1.2 triple terms (<<( s p o )>>) are refused with
// Status::NotSupported.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "kg/term.h"
#include "parsers/rdf/byte_source.h"

namespace kg::rdf {

enum class Format { kNTriples, kNQuads };

struct Quad {
  Term s, p, o;
  std::optional<Term> graph;  // N-Quads graph name; empty for the default graph
};

// "ntriples"/"nt" or "nquads"/"nq".
Result<Format> ParseFormatName(std::string_view name);
// By extension: .nt/.ntriples or .nq/.nquads, optionally followed by .gz.
Result<Format> FormatFromPath(std::string_view path);
std::string_view FormatName(Format f);

// Longest line accepted; a longer one is an error rather than unbounded memory.
inline constexpr size_t kMaxLineBytes = size_t{512} << 20;

class Reader {
 public:
  // Opens a file (gzip recognised by content). Errors name the file.
  static Result<std::unique_ptr<Reader>> Open(const std::string& path, Format format,
                                              bool hash = false);
  static std::unique_ptr<Reader> FromSource(std::unique_ptr<ByteSource> source, Format format);
  static std::unique_ptr<Reader> FromString(std::string text, Format format,
                                            std::string name = "<input>");
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Fills `quad` with the next statement. False at the end of input or on an
  // error; status() tells which. `quad`'s strings are reused between calls.
  bool Next(Quad* quad);
  const Status& status() const { return status_; }

  uint64_t line() const { return line_; }
  uint64_t statements() const { return statements_; }
  const ByteSource& source() const { return *source_; }
  // SHA-256 of the raw file bytes, once Next() returned false with OK status
  // (only when opened with hash = true).
  std::string content_hash() { return source_->HexDigest(); }

 private:
  Reader(std::unique_ptr<ByteSource> source, Format format);
  class Impl;
  std::unique_ptr<ByteSource> source_;
  Format format_;
  Status status_;
  uint64_t line_ = 0;
  uint64_t statements_ = 0;
  std::unique_ptr<Impl> impl_;
};

// Push interface: calls `fn` for every statement; stops at the first error
// (the parser's, or the first non-OK status `fn` returns).
Status ParseFile(const std::string& path, Format format,
                 const std::function<Status(const Quad&)>& fn);
Status ParseString(std::string text, Format format, const std::function<Status(const Quad&)>& fn,
                   std::string name = "<input>");

}  // namespace kg::rdf
