#include "query/export/text_sink.h"

#include <charconv>

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

TextSink& TextSink::operator<<(uint64_t v) {
  char tmp[24];
  auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
  (void)ec;
  buf_.append(tmp, end);
  return *this;
}

void TextSink::Xml(std::string_view s) {
  if (kXmlSpecial.Plain(s)) {
    buf_.append(s);
    MaybeFlush();
    return;
  }
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        buf_.append(kReplacement);
        ++i;
      } else {
        // U+FFFE/U+FFFF are not XML characters either.
        if (n == 3 && u == 0xEF && s[i + 1] == '\xBF' &&
            (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
          buf_.append(kReplacement);
        } else {
          buf_.append(s.substr(i, n));
        }
        i += n;
      }
      continue;
    }
    switch (c) {
      case '&':
        buf_.append("&amp;");
        break;
      case '<':
        buf_.append("&lt;");
        break;
      case '>':
        buf_.append("&gt;");
        break;
      case '"':
        buf_.append("&quot;");
        break;
      case '\'':
        buf_.append("&apos;");
        break;
      case '\n':
        buf_.append("&#10;");
        break;
      case '\r':
        buf_.append("&#13;");
        break;
      case '\t':
        buf_.append("&#9;");
        break;
      default:
        if (u < 0x20 || u == 0x7F) {
          buf_.append(kReplacement);
        } else {
          buf_.push_back(c);
        }
    }
    ++i;
  }
  MaybeFlush();
}

void TextSink::Dot(std::string_view s) {
  static constexpr AsciiEscapes kDot({{'\\', "\\\\"}, {'"', "\\\""}, {'\n', "\\n"}, {'\r', ""}});
  if (kDotSpecial.Plain(s)) {
    buf_.append(s);
  } else {
    Escaped(s, kDot, /*sanitize=*/true);
  }
  MaybeFlush();
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
    buf_.append(s);
  } else {
    Escaped(s, kMermaid, /*sanitize=*/true);
  }
  MaybeFlush();
}

void TextSink::Escaped(std::string_view s, const AsciiEscapes& escapes, bool sanitize) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && escapes.text[u] != nullptr) {
      buf_.append(escapes.text[u]);
    } else if (!sanitize) {
      buf_.push_back(c);
    } else if (u < 0x20) {
      buf_.push_back(' ');
    } else if (u >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        buf_.append(kReplacement);
      } else {
        buf_.append(s.substr(i, n));
        i += n - 1;
      }
    } else {
      buf_.push_back(c);
    }
  }
}

void TextSink::Csv(std::string_view s) {
  if (kCsvSpecial.Plain(s)) {
    buf_.append(s);
  } else {
    buf_.push_back('"');
    for (char c : s) {
      if (c == '"') buf_.push_back('"');
      buf_.push_back(c);
    }
    buf_.push_back('"');
  }
  MaybeFlush();
}

void TextSink::NtLiteral(std::string_view s) {
  static constexpr AsciiEscapes kNt({{'\\', "\\\\"}, {'"', "\\\""}, {'\n', "\\n"}, {'\r', "\\r"}});
  if (kNtLiteralSpecial.Plain(s)) {
    buf_.append(s);
  } else {
    Escaped(s, kNt, /*sanitize=*/false);
  }
  MaybeFlush();
}

void TextSink::NtIri(std::string_view s) {
  if (kIriSpecial.Plain(s)) {
    buf_.append(s);
    MaybeFlush();
    return;
  }
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      buf_.append("\\u00");
      buf_.push_back(kHex[u >> 4]);
      buf_.push_back(kHex[u & 15]);
    } else {
      buf_.push_back(c);
    }
  }
  MaybeFlush();
}

void TextSink::Flush() {
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

Status TextSink::Finish() {
  Flush();
  out_.flush();
  if (!out_) return Status::StoreError("write failed");
  return Status::OK();
}

}  // namespace kg::exporting
