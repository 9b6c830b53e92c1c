#include "parsers/rdf/nt_scanner.h"

#include <array>
#include <cstdio>
#include <string_view>

#include "kg/utf8.h"
#include "kg/vocab.h"

namespace kg::rdf::scan {
namespace {

// Byte classes for the tight inner loops. Every table is false for '\n', so a
// loop stops at the sentinel the reader keeps after each line.
struct Tables {
  std::array<bool, 256> iri{};      // IRIREF characters taken as they are
  std::array<bool, 256> literal{};  // string characters taken as they are
  std::array<bool, 256> comment{};
  std::array<bool, 256> label{};  // ASCII PN_CHARS and '.'
  constexpr Tables() {
    for (int c = 0x21; c < 0x80; ++c) iri[c] = true;
    for (char c : std::string_view("<>\"{}|^`\\")) iri[static_cast<unsigned char>(c)] = false;
    for (int c = 0; c < 0x80; ++c) literal[c] = true;
    literal['"'] = literal['\\'] = literal['\n'] = literal['\r'] = false;
    for (int c = 1; c < 0x80; ++c) comment[c] = true;
    comment['\n'] = comment['\r'] = false;
    for (int c = 'a'; c <= 'z'; ++c) label[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) label[c] = true;
    for (int c = '0'; c <= '9'; ++c) label[c] = true;
    label['_'] = label['-'] = label['.'] = true;
  }
};
constexpr Tables kT;

bool Fail(Error* err, const char* at, std::string msg) {
  err->at = at;
  err->message = std::move(msg);
  return false;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// \uXXXX or \UXXXXXXXX at p (p[0] == '\\'); appends the character.
bool Uchar(const char*& p, const char* e, std::string* out, Error* err, const char* where) {
  const char* start = p;
  int digits = p + 1 < e && p[1] == 'u' ? 4 : p + 1 < e && p[1] == 'U' ? 8 : 0;
  if (digits == 0) {
    return Fail(err, start,
                std::string("invalid escape in ") + where + " (only \\uXXXX and \\UXXXXXXXX)");
  }
  uint32_t cp = 0;
  for (int i = 0; i < digits; ++i) {
    const char* d = p + 2 + i;
    int v = d < e ? HexValue(*d) : -1;
    if (v < 0) {
      return Fail(err, start,
                  std::string("invalid \\") + p[1] + " escape: expected " + std::to_string(digits) +
                      " hex digits");
    }
    cp = cp * 16 + static_cast<uint32_t>(v);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "escape \\%c%0*X is not a Unicode character", p[1], digits, cp);
    return Fail(err, start, buf);
  }
  AppendUtf8(out, cp);
  p += 2 + digits;
  return true;
}

bool IsPnCharsBase(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool IsPnCharsExtra(uint32_t c) {
  return c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

std::string Describe(unsigned char c) {
  char buf[48];
  if (c == 0) return "a NUL byte";
  if (c == ' ') return "a space";
  if (c < 0x20 || c == 0x7F) {
    std::snprintf(buf, sizeof buf, "control character U+%04X", c);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "'%c'", c);
  return buf;
}

bool IsAbsolute(const std::string& iri) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (iri.empty() || !alpha(iri[0])) return false;
  for (size_t i = 1; i < iri.size(); ++i) {
    char c = iri[i];
    if (c == ':') return true;
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

}  // namespace

int DecodeUtf8(const char* p, const char* e, uint32_t* cp) {
  auto b = [&](int i) { return static_cast<unsigned char>(p[i]); };
  auto cont = [&](int i, unsigned lo, unsigned hi) {
    return p + i < e && b(i) >= lo && b(i) <= hi;
  };
  unsigned c0 = b(0);
  if (c0 < 0xC2) return 0;
  if (c0 < 0xE0) {
    if (!cont(1, 0x80, 0xBF)) return 0;
    *cp = ((c0 & 0x1F) << 6) | (b(1) & 0x3F);
    return 2;
  }
  if (c0 < 0xF0) {
    unsigned lo = c0 == 0xE0 ? 0xA0 : 0x80, hi = c0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return 0;
    *cp = ((c0 & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    return 3;
  }
  if (c0 < 0xF5) {
    unsigned lo = c0 == 0xF0 ? 0x90 : 0x80, hi = c0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) return 0;
    *cp = ((c0 & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    return 4;
  }
  return 0;
}

std::string Utf8Problem(const char* p, const char* e) {
  auto b = [&](int i) { return p + i < e ? static_cast<unsigned char>(p[i]) : 0u; };
  unsigned c0 = b(0), c1 = b(1);
  char buf[96];
  if (c0 == 0xC0 || c0 == 0xC1 || (c0 == 0xE0 && c1 >= 0x80 && c1 < 0xA0) ||
      (c0 == 0xF0 && c1 >= 0x80 && c1 < 0x90)) {
    std::snprintf(buf, sizeof buf, "overlong UTF-8 sequence (0x%02X 0x%02X)", c0, c1);
  } else if (c0 == 0xED && c1 >= 0xA0 && c1 <= 0xBF) {
    std::snprintf(buf, sizeof buf, "invalid UTF-8: encoded surrogate (0x%02X 0x%02X)", c0, c1);
  } else if (c0 >= 0x80 && c0 < 0xC0) {
    std::snprintf(buf, sizeof buf, "invalid UTF-8: stray continuation byte 0x%02X", c0);
  } else if (c0 >= 0xF5) {
    std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X", c0);
  } else {
    std::snprintf(buf, sizeof buf, "invalid UTF-8: incomplete sequence starting with 0x%02X", c0);
  }
  return buf;
}

bool Iri(const char*& p, const char* e, std::string* out, Error* err) {
  const char* start = p++;
  out->clear();
  for (;;) {
    const char* run = p;
    while (kT.iri[static_cast<unsigned char>(*p)]) ++p;
    out->append(run, p);
    if (p >= e) return Fail(err, start, "unterminated IRI: missing '>'");
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '>') break;
    if (c == '\\') {
      if (!Uchar(p, e, out, err, "an IRI")) return false;
    } else if (c >= 0x80) {
      uint32_t cp;
      int n = DecodeUtf8(p, e, &cp);
      if (n == 0) return Fail(err, p, Utf8Problem(p, e));
      out->append(p, static_cast<size_t>(n));
      p += n;
    } else if (c == '\r') {
      return Fail(err, start, "unterminated IRI: missing '>'");
    } else {
      return Fail(err, p, Describe(c) + " is not allowed in an IRI");
    }
  }
  ++p;
  if (!IsAbsolute(*out)) {
    return Fail(err, start, "relative IRI <" + *out + "> (IRIs must be absolute here)");
  }
  return true;
}

bool BlankNode(const char*& p, const char* e, std::string* out, Error* err) {
  const char* start = p;
  if (p + 1 >= e || p[1] != ':') return Fail(err, start, "expected '_:' to start a blank node");
  p += 2;
  const char* label = p;
  bool first = true;
  for (;;) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (p < e && c < 0x80) {
      bool ok = first ? (kT.label[c] && c != '-' && c != '.') : kT.label[c];
      if (!ok) break;
      ++p;
    } else if (p < e) {
      uint32_t cp;
      int n = DecodeUtf8(p, e, &cp);
      if (n == 0) return Fail(err, p, Utf8Problem(p, e));
      if (!IsPnCharsBase(cp) && (first || !IsPnCharsExtra(cp))) break;
      p += n;
    } else {
      break;
    }
    first = false;
  }
  while (p > label && p[-1] == '.') --p;  // a trailing '.' ends the statement
  if (p == label) return Fail(err, label, "invalid blank node label");
  out->assign(label, p);
  return true;
}

bool Literal(const char*& p, const char* e, Term* out, Error* err) {
  const char* start = p++;
  std::string& v = out->value;
  v.clear();
  for (;;) {
    const char* run = p;
    while (kT.literal[static_cast<unsigned char>(*p)]) ++p;
    if (p > e) p = e;  // a NUL run can't pass the sentinel, but stay safe
    v.append(run, p);
    if (p >= e) return Fail(err, start, "unterminated string: missing closing '\"'");
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"') break;
    if (c == '\\') {
      char x = p + 1 < e ? p[1] : 0;
      const char* rep = nullptr;
      switch (x) {
        case 't':
          rep = "\t";
          break;
        case 'b':
          rep = "\b";
          break;
        case 'n':
          rep = "\n";
          break;
        case 'r':
          rep = "\r";
          break;
        case 'f':
          rep = "\f";
          break;
        case '"':
          rep = "\"";
          break;
        case '\'':
          rep = "'";
          break;
        case '\\':
          rep = "\\";
          break;
        default:
          break;
      }
      if (rep) {
        v += *rep;
        p += 2;
      } else if (x == 'u' || x == 'U') {
        if (!Uchar(p, e, &v, err, "a string")) return false;
      } else {
        return Fail(
            err, p,
            std::string("invalid escape \\") + (x ? std::string(1, x) : "") + " in a string");
      }
    } else if (c >= 0x80) {
      uint32_t cp;
      int n = DecodeUtf8(p, e, &cp);
      if (n == 0) return Fail(err, p, Utf8Problem(p, e));
      v.append(p, static_cast<size_t>(n));
      p += n;
    } else {
      return Fail(err, start, "unterminated string: missing closing '\"'");
    }
  }
  ++p;
  out->kind = TermKind::kLiteral;
  out->datatype.clear();
  out->lang.clear();
  if (p < e && *p == '@') {
    const char* tag = ++p;
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
    while (p < e && alpha(*p)) ++p;
    if (p == tag) return Fail(err, tag, "invalid language tag: expected a letter after '@'");
    while (p < e && *p == '-') {
      const char* sub = ++p;
      while (p < e && alnum(*p)) ++p;
      if (p == sub) return Fail(err, sub, "invalid language tag: empty subtag after '-'");
    }
    out->lang.assign(tag, p);
    for (char& ch : out->lang) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
  } else if (p + 1 < e && p[0] == '^' && p[1] == '^') {
    p += 2;
    if (p >= e || *p != '<') return Fail(err, p, "expected '<' after '^^' (a datatype IRI)");
    if (!Iri(p, e, &out->datatype, err)) return false;
    if (out->datatype == vocab::kXsdString) out->datatype.clear();
  }
  return true;
}

bool Comment(const char*& p, const char* e, Error* err) {
  ++p;
  for (;;) {
    while (kT.comment[static_cast<unsigned char>(*p)]) ++p;
    if (p >= e || *p == '\r') return true;
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == 0) return Fail(err, p, "a NUL byte in a comment");
    uint32_t cp;
    int n = DecodeUtf8(p, e, &cp);
    if (n == 0) return Fail(err, p, Utf8Problem(p, e));
    p += n;
  }
}

}  // namespace kg::rdf::scan
