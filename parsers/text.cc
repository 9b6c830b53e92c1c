#include "parsers/text.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>

namespace kg::parsers {

namespace {
inline bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Text is mostly ASCII: eight bytes at a time until a high bit shows.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    static constexpr std::array<uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool LooksBinary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::string ContentHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

// Maps the UTF-8 punctuation the scorer folds onto ASCII; returns bytes consumed.
size_t FoldPunct(std::string_view s, size_t i, char* out) {
  if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = s[i + 2];
    if (c == 0x98 || c == 0x99) return *out = '\'', 3;
    if (c == 0x9C || c == 0x9D) return *out = '"', 3;
    if (c >= 0x90 && c <= 0x94) return *out = '-', 3;
  }
  if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0)
    return *out = ' ', 2;
  return 0;
}

}  // namespace

std::string FoldName(std::string_view name) {
  // Written in place: the output is never longer than the name.
  std::string out(name.size(), '\0');
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < name.size();) {
    char c = name[i];
    size_t used = FoldPunct(name, i, &c);
    if (used == 0) used = 1;
    i += used;
    if (IsAsciiSpace(static_cast<unsigned char>(c))) {
      space = n > 0;
      continue;
    }
    if (space) out[n++] = ' ';
    space = false;
    out[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  out.resize(n);
  for (std::string_view article : {"the ", "a ", "an "}) {
    if (out.compare(0, article.size(), article) == 0) return out.substr(article.size());
  }
  return out;
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsAsciiSpace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool IsBlank(std::string_view text) {
  for (char c : text)
    if (!IsAsciiSpace(static_cast<unsigned char>(c))) return false;
  return true;
}

namespace {

int MonthNumber(std::string_view word) {
  static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  char w[4] = {static_cast<char>(std::tolower(static_cast<unsigned char>(word[0]))),
               static_cast<char>(std::tolower(static_cast<unsigned char>(word[1]))),
               static_cast<char>(std::tolower(static_cast<unsigned char>(word[2]))), 0};
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (std::strcmp(w, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  return 0;
}

std::string Iso(int y, int m, int d) {
  if (y < 100) y += y < 50 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return {};
  char buf[11];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::string NormalizeDate(std::string_view date) {
  std::string s = CollapseSpace(date);
  int y = 0, m = 0, d = 0;
  char mon[16] = {0};
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
    if (auto iso = Iso(y, m, d); !iso.empty()) return iso;
  }
  if (std::sscanf(s.c_str(), "%d-%15[A-Za-z]-%d", &d, mon, &y) == 3 && MonthNumber(mon)) {
    if (auto iso = Iso(y, MonthNumber(mon), d); !iso.empty()) return iso;
  }
  if (std::sscanf(s.c_str(), "%15[A-Za-z] %d, %d", mon, &d, &y) == 3 && MonthNumber(mon)) {
    if (auto iso = Iso(y, MonthNumber(mon), d); !iso.empty()) return iso;
  }
  if (std::sscanf(s.c_str(), "%d %15[A-Za-z] %d", &d, mon, &y) == 3 && MonthNumber(mon)) {
    if (auto iso = Iso(y, MonthNumber(mon), d); !iso.empty()) return iso;
  }
  if (std::sscanf(s.c_str(), "%d/%d/%d", &m, &d, &y) == 3) {
    if (auto iso = Iso(y, m, d); !iso.empty()) return iso;
  }
  return s;
}

}  // namespace kg::parsers
