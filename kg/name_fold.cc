#include "kg/name_fold.h"

#include "kg/utf8.h"
#include "kg/vocab.h"

namespace kg {
namespace {

// Decodes one UTF-8 code point at s[i]; returns its length (1 on bad input,
// so the byte passes through as it is).
size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  char32_t v = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (cc & 0x3f);
  }
  *cp = v;
  return len;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x1680;
}

bool IsDash(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
         cp == 0xFF0D || cp == 0x00AD;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (size_t i = 0; i < name.size();) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {  // fast path: ASCII
      ++i;
      if (IsSpace(c)) {
        pending_space = true;
        continue;
      }
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      continue;
    }
    char32_t cp;
    size_t len = DecodeUtf8(name, i, &cp);
    if (cp == 0xFFFD && len == 1) {  // not UTF-8: keep the byte
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(name[i]);
      ++i;
      continue;
    }
    i += len;
    if (IsSpace(cp)) {
      pending_space = true;
      continue;
    }
    if (cp == 0x00AD) continue;  // soft hyphen: invisible
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    if (cp >= 0x2018 && cp <= 0x201B) {
      out.push_back('\'');
    } else if (cp >= 0x201C && cp <= 0x201F) {
      out.push_back('"');
    } else if (IsDash(cp)) {
      out.push_back('-');
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      AppendUtf8(&out, cp + 0x20);
    } else {
      AppendUtf8(&out, cp);
    }
  }
  return out;
}

std::string FoldedLocalName(std::string_view iri) {
  std::string_view local = vocab::LocalName(iri);
  std::string decoded;
  decoded.reserve(local.size());
  for (size_t i = 0; i < local.size(); ++i) {
    char c = local[i];
    if (c == '%' && i + 2 < local.size()) {
      int hi = HexValue(local[i + 1]), lo = HexValue(local[i + 2]);
      if (hi >= 0 && lo >= 0) {
        decoded.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    decoded.push_back(c == '-' || c == '_' ? ' ' : c);
  }
  return FoldName(decoded);
}

}  // namespace kg
