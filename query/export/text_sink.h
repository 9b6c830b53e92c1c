// TextSink: buffers output and hands it to a std::ostream in large blocks,
// with the escaping every text format needs. Exporters build one per Write.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "kg/status.h"

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
  explicit TextSink(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;

  TextSink& operator<<(std::string_view s) {
    buf_.append(s);
    MaybeFlush();
    return *this;
  }
  TextSink& operator<<(char c) {
    buf_.push_back(c);
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

  // Flushes and reports whether the stream is still good.
  Status Finish();

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void MaybeFlush() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush();
  // Copies `s` through `escapes`. With `sanitize`, other control bytes
  // become spaces and broken UTF-8 becomes U+FFFD.
  void Escaped(std::string_view s, const AsciiEscapes& escapes, bool sanitize);

  std::ostream& out_;
  std::string buf_;
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
