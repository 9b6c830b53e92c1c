#include "query/export/text_sink.h"

#include <charconv>

#include "query/export/formats.h"

namespace kg::exporting {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char kHex[] = "0123456789ABCDEF";

// Per escaper, which bytes need more than copying; most strings (ids,
// predicates, dates) have none and are appended in one go.
struct ByteClass {
  bool special[256] = {};
  constexpr ByteClass(std::string_view chars, bool controls, bool high) {
    for (char c : chars) special[static_cast<unsigned char>(c)] = true;
    for (int b = 0; b < 256; ++b) {
      if ((controls && (b < 0x20 || b == 0x7F)) || (high && b >= 0x80)) special[b] = true;
    }
  }
  bool Plain(std::string_view s) const {
    for (char c : s) {
      if (special[static_cast<unsigned char>(c)]) return false;
    }
    return true;
  }
};

constexpr ByteClass kXmlSpecial("&<>\"'", true, true);
constexpr ByteClass kDotSpecial("\\\"", true, true);
constexpr ByteClass kCsvSpecial(",\"\r\n", false, false);
constexpr ByteClass kNtLiteralSpecial("\\\"\r\n", false, false);
constexpr ByteClass kIriSpecial(" <>\"{}|^`\\", true, false);
constexpr ByteClass kMermaidSpecial("\"<>&#", true, true);
constexpr ByteClass kJsonSpecial("\"\\", true, true);
constexpr ByteClass kJsonHtmlSpecial("\"\\<>&", true, true);

}  // namespace

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n;
  uint32_t min;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

namespace {

// Appends `s` at `p`; the caller reserved the room.
inline char* Put(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// Room an escaper may need for `n` input bytes: at most six output bytes per
// input byte ("&quot;", "\u0022"), plus quotes.
constexpr size_t Worst(size_t n) { return 6 * n + 2; }

}  // namespace

TextSink::TextSink(std::ostream& out)
    : stream_(&out), buf_(new char[kSize]), pos_(buf_.get()), end_(buf_.get() + kSize) {}

TextSink::TextSink(std::string* out)
    : string_(out), buf_(new char[kSize]), pos_(buf_.get()), end_(buf_.get() + kSize) {}

void TextSink::Grow(size_t n) {
  Flush();
  if (n > capacity_) {
    buf_.reset(new char[n]);
    capacity_ = n;
    pos_ = buf_.get();
    end_ = pos_ + n;
  }
}

TextSink& TextSink::operator<<(uint64_t v) {
  char* p = Reserve(24);
  pos_ = std::to_chars(p, p + 24, v).ptr;
  return *this;
}

void TextSink::Xml(std::string_view s) {
  if (kXmlSpecial.Plain(s)) {
    Append(s.data(), s.size());
    return;
  }
  char* p = Reserve(Worst(s.size()));
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        p = Put(p, kReplacement);
        ++i;
      } else {
        // U+FFFE/U+FFFF are not XML characters either.
        if (n == 3 && u == 0xEF && s[i + 1] == '\xBF' &&
            (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
          p = Put(p, kReplacement);
        } else {
          p = Put(p, s.substr(i, n));
        }
        i += n;
      }
      continue;
    }
    switch (c) {
      case '&':
        p = Put(p, "&amp;");
        break;
      case '<':
        p = Put(p, "&lt;");
        break;
      case '>':
        p = Put(p, "&gt;");
        break;
      case '"':
        p = Put(p, "&quot;");
        break;
      case '\'':
        p = Put(p, "&apos;");
        break;
      case '\n':
        p = Put(p, "&#10;");
        break;
      case '\r':
        p = Put(p, "&#13;");
        break;
      case '\t':
        p = Put(p, "&#9;");
        break;
      default:
        if (u < 0x20 || u == 0x7F) {
          p = Put(p, kReplacement);
        } else {
          *p++ = c;
        }
    }
    ++i;
  }
  pos_ = p;
}

void TextSink::Dot(std::string_view s) {
  static constexpr AsciiEscapes kDot({{'\\', "\\\\"}, {'"', "\\\""}, {'\n', "\\n"}, {'\r', ""}});
  if (kDotSpecial.Plain(s)) {
    Append(s.data(), s.size());
  } else {
    Escaped(s, kDot, /*sanitize=*/true);
  }
}

void TextSink::Mermaid(std::string_view s) {
  static constexpr AsciiEscapes kMermaid({{'"', "#quot;"},
                                          {'<', "#lt;"},
                                          {'>', "#gt;"},
                                          {'&', "#amp;"},
                                          {'#', "#35;"},
                                          {'\n', " "},
                                          {'\r', " "},
                                          {'\t', " "}});
  if (kMermaidSpecial.Plain(s)) {
    Append(s.data(), s.size());
  } else {
    Escaped(s, kMermaid, /*sanitize=*/true);
  }
}

void TextSink::Escaped(std::string_view s, const AsciiEscapes& escapes, bool sanitize) {
  char* p = Reserve(Worst(s.size()));
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && escapes.text[u] != nullptr) {
      p = Put(p, escapes.text[u]);
    } else if (!sanitize) {
      *p++ = c;
    } else if (u < 0x20) {
      *p++ = ' ';
    } else if (u >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        p = Put(p, kReplacement);
      } else {
        p = Put(p, s.substr(i, n));
        i += n - 1;
      }
    } else {
      *p++ = c;
    }
  }
  pos_ = p;
}

void TextSink::Csv(std::string_view s) {
  if (kCsvSpecial.Plain(s)) {
    Append(s.data(), s.size());
    return;
  }
  char* p = Reserve(Worst(s.size()));
  *p++ = '"';
  for (char c : s) {
    if (c == '"') *p++ = '"';
    *p++ = c;
  }
  *p++ = '"';
  pos_ = p;
}

void TextSink::NtLiteral(std::string_view s) {
  static constexpr AsciiEscapes kNt({{'\\', "\\\\"}, {'"', "\\\""}, {'\n', "\\n"}, {'\r', "\\r"}});
  if (kNtLiteralSpecial.Plain(s)) {
    Append(s.data(), s.size());
  } else {
    Escaped(s, kNt, /*sanitize=*/false);
  }
}

void TextSink::NtIri(std::string_view s) {
  if (kIriSpecial.Plain(s)) {
    Append(s.data(), s.size());
    return;
  }
  char* p = Reserve(Worst(s.size()));
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      p = Put(p, "\\u00");
      *p++ = kHex[u >> 4];
      *p++ = kHex[u & 15];
    } else {
      *p++ = c;
    }
  }
  pos_ = p;
}

void TextSink::Json(std::string_view s, bool html_safe, bool fix_utf8) {
  // RapidJSON's escape table: a letter after the backslash, 'u' for \u00XX.
  static constexpr AsciiEscapes kJson({{'"', "\\\""},
                                       {'\\', "\\\\"},
                                       {'\b', "\\b"},
                                       {'\f', "\\f"},
                                       {'\n', "\\n"},
                                       {'\r', "\\r"},
                                       {'\t', "\\t"},
                                       {'<', "\\u003c"},
                                       {'>', "\\u003e"},
                                       {'&', "\\u0026"}});
  const ByteClass& special = html_safe ? kJsonHtmlSpecial : kJsonSpecial;
  if (special.Plain(s)) {
    Append(s.data(), s.size());
    return;
  }
  char* p = Reserve(Worst(s.size()));
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      size_t n = fix_utf8 ? Utf8SequenceLength(s, i) : 1;
      if (n == 0) {
        p = Put(p, kReplacement);
      } else {
        p = Put(p, s.substr(i, n));
        i += n - 1;
      }
    } else if (!html_safe && (c == '<' || c == '>' || c == '&')) {
      *p++ = c;
    } else if (kJson.text[u] != nullptr) {
      p = Put(p, kJson.text[u]);
    } else if (u < 0x20) {
      p = Put(p, "\\u00");
      *p++ = kHex[u >> 4];
      *p++ = kHex[u & 15];
    } else {
      *p++ = c;
    }
  }
  pos_ = p;
}

void TextSink::Documents(const ExportGraph& graph, const ExportEdge& e,
                         void (TextSink::*escape)(std::string_view)) {
  bool first = true;
  for (uint32_t d : graph.DocumentsOf(e)) {
    if (!first) *this << ' ';
    first = false;
    (this->*escape)(graph.documents[d].id);
  }
}

void TextSink::CsvDocuments(const ExportGraph& graph, const ExportEdge& e) {
  bool plain = true;
  for (uint32_t d : graph.DocumentsOf(e)) plain = plain && kCsvSpecial.Plain(graph.documents[d].id);
  if (!plain) {
    Csv(JoinDocuments(graph, e, ';'));
    return;
  }
  bool first = true;
  for (uint32_t d : graph.DocumentsOf(e)) {
    if (!first) *this << ';';
    first = false;
    *this << graph.documents[d].id;
  }
}

void TextSink::Write(const char* s, size_t n) {
  flushed_ += n;
  if (string_ != nullptr) {
    string_->append(s, n);
  } else {
    stream_->write(s, static_cast<std::streamsize>(n));
  }
}

void TextSink::Flush() {
  char* begin = buf_.get();
  if (pos_ != begin) Write(begin, static_cast<size_t>(pos_ - begin));
  pos_ = begin;
}

Status TextSink::Finish() {
  Flush();
  if (string_ != nullptr) return Status::OK();
  stream_->flush();
  if (!*stream_) return Status::StoreError("write failed");
  return Status::OK();
}

}  // namespace kg::exporting
