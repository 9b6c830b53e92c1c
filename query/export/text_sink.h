// TextSink: buffers output and hands it to a std::ostream in large blocks,
// with the escaping every text format needs. Exporters build one per Write.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "kg/status.h"
#include "query/export/export_graph.h"

namespace kg::exporting {

// Replacement text for the ASCII bytes an escaper rewrites: nullptr copies
// the byte, "" drops it.
struct AsciiEscapes {
  const char* text[128] = {};
  constexpr AsciiEscapes(std::initializer_list<std::pair<char, const char*>> pairs) {
    for (const auto& [c, replacement] : pairs) text[static_cast<unsigned char>(c)] = replacement;
  }
};

class TextSink {
 public:
  explicit TextSink(std::ostream& out);
  // Collects the text in `*out` instead (for text rendered once, used often).
  explicit TextSink(std::string* out);
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;

  TextSink& operator<<(std::string_view s) {
    Append(s.data(), s.size());
    return *this;
  }
  // String literals: the length is a constant, so the copy is inlined.
  template <size_t N>
  TextSink& operator<<(const char (&s)[N]) {
    Append(s, N - 1);
    return *this;
  }
  TextSink& operator<<(char c) {
    if (pos_ == end_) Flush();
    *pos_++ = c;
    return *this;
  }
  TextSink& operator<<(uint64_t v);

  // XML character data and attribute values: & < > " ' escaped, newlines and
  // tabs as character references, other control characters (not allowed in
  // XML 1.0) and broken UTF-8 replaced by U+FFFD. Non-ASCII passes through.
  void Xml(std::string_view s);
  // Inside a DOT double-quoted string: \ " and newlines escaped.
  void Dot(std::string_view s);
  // Inside a Mermaid "..." label: entity codes for " < > & #, newlines as spaces.
  void Mermaid(std::string_view s);
  // One RFC 4180 field, quoted when it holds , " or a line break.
  void Csv(std::string_view s);
  // The body of an N-Triples string literal (ECHAR escapes).
  void NtLiteral(std::string_view s);
  // The body of an N-Triples IRI (UCHAR escapes for what IRIREF forbids).
  void NtIri(std::string_view s);
  // The body of a JSON string with RapidJSON's escapes (\" \\ \b \f \n \r \t,
  // other control characters as \u00XX); with `html_safe` also < > & as
  // \u003c \u003e \u0026, so "</script>" and "<!--" cannot appear in JSON
  // inside an HTML <script>. With `fix_utf8` broken UTF-8 becomes U+FFFD.
  void Json(std::string_view s, bool html_safe, bool fix_utf8 = true);

  // The edge's document ids separated by spaces, each through `escape`
  // (which escapes byte by byte, so this equals escaping them joined).
  void Documents(const ExportGraph& graph, const ExportEdge& e,
                 void (TextSink::*escape)(std::string_view));
  // The edge's document ids as one CSV field, separated by ';'.
  void CsvDocuments(const ExportGraph& graph, const ExportEdge& e);

  // Bytes written so far.
  uint64_t written() const { return flushed_ + static_cast<uint64_t>(pos_ - buf_.get()); }

  // Flushes and reports whether the stream is still good.
  Status Finish();

 private:
  // One write per MiB: the stream's own buffering only adds a copy.
  static constexpr size_t kSize = 1 << 20;
  void Append(const char* s, size_t n) {
    if (n > static_cast<size_t>(end_ - pos_)) {
      Flush();
      if (n >= kSize) {
        Write(s, n);
        return;
      }
    }
    if (n != 0) std::memcpy(pos_, s, n);  // an empty view may hold nullptr
    pos_ += n;
  }
  // Room for `n` more bytes at pos_ (flushing, or growing for a huge value).
  char* Reserve(size_t n) {
    if (n > static_cast<size_t>(end_ - pos_)) Grow(n);
    return pos_;
  }
  void Grow(size_t n);
  void Flush();
  void Write(const char* s, size_t n);
  // Copies `s` through `escapes`. With `sanitize`, other control bytes
  // become spaces and broken UTF-8 becomes U+FFFD.
  void Escaped(std::string_view s, const AsciiEscapes& escapes, bool sanitize);

  std::ostream* stream_ = nullptr;
  std::string* string_ = nullptr;
  uint64_t flushed_ = 0;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = kSize;
  char* pos_;
  char* end_;
};

// Length of the valid UTF-8 sequence starting at s[i], or 0 when broken.
size_t Utf8SequenceLength(std::string_view s, size_t i);

// Reports progress every `step` items when a callback is set.
class ProgressTicker {
 public:
  ProgressTicker(const std::function<void(uint64_t, uint64_t)>& fn, uint64_t total)
      : fn_(fn), total_(total) {}
  void Tick() {
    if (fn_ && (++done_ & 0xFFFF) == 0) fn_(done_, total_);
  }
  void Done() {
    if (fn_) fn_(total_, total_);
  }

 private:
  const std::function<void(uint64_t, uint64_t)>& fn_;
  uint64_t total_;
  uint64_t done_ = 0;
};

}  // namespace kg::exporting
