#include "parsers/tokenizer.h"

namespace kg::parsers {
namespace {

// Length of the UTF-8 sequence at s[i] and whether it is punctuation or space
// (General Punctuation block, Latin-1 punctuation) rather than a letter.
size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  return 4;
}

bool IsUtf8Punct(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = s[i + 1];
    return d >= 0xA0 && d <= 0xBF;  // nbsp, §, «, », etc.
  }
  if (c == 0xE2 && i + 1 < s.size()) {
    unsigned char d = s[i + 1];
    return d == 0x80 || d == 0x81 || d == 0x82 || d == 0x96;  // punctuation, bullets
  }
  if (c == 0xE3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return true;
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return true;  // BOM
  return false;
}

bool IsUtf8Space(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return true;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = s[i + 2];
    return (d >= 0x80 && d <= 0x8B) || d == 0xAF;
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return true;
  return false;
}

std::string FoldPunct(std::string_view p) {
  if (p.size() == 3 && static_cast<unsigned char>(p[0]) == 0xE2 &&
      static_cast<unsigned char>(p[1]) == 0x80) {
    unsigned char c = p[2];
    if (c == 0x98 || c == 0x99) return "'";
    if (c == 0x9C || c == 0x9D) return "\"";
    if (c >= 0x90 && c <= 0x95) return "-";
    if (c == 0xA6) return "...";
  }
  return std::string(p);
}

// ASCII tests by hand: the <cctype> ones are calls into the C library that
// consult the locale, for the same answer on ASCII.
bool IsAsciiAlnum(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26 ||
         static_cast<unsigned char>(c - '0') < 10;
}

bool IsWordByte(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return IsAsciiAlnum(c);
  return !IsUtf8Punct(s, i) && !IsUtf8Space(s, i);
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              size_t max_tokens) {
  size_t i = begin;
  bool space = true;
  const size_t limit = max_tokens > SIZE_MAX - out->size() ? SIZE_MAX : out->size() + max_tokens;
  while (i < end && out->size() < limit) {
    unsigned char c = text[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
      space = true;
      continue;
    }
    if (c >= 0x80 && IsUtf8Space(text, i)) {
      i += Utf8Len(c);
      space = true;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    if (IsWordByte(text, i)) {
      bool lower_seen = false, upper_seen = false;
      t.digit = c >= '0' && c <= '9';
      t.cap = c >= 'A' && c <= 'Z';
      // Find the word's end, then fold it in one pass; a non-ASCII letter is
      // copied whole and counts as lower case.
      // The hash is WordHash(folded), taken in the same pass.
      const size_t start = i;
      while (true) {
        while (i < end && IsAsciiAlnum(static_cast<unsigned char>(text[i]))) ++i;
        // "O'Keefe", "D'Amato": one capital, an apostrophe and a capital make
        // one name word; split, the name would start at "Keefe".
        if (i == start + 1 && i < end && t.cap) {
          size_t mark = text[i] == '\'' ? 1 : text.substr(i, 3) == "\u2019" ? 3 : 0;
          if (mark > 0 && i + mark < end && text[i + mark] >= 'A' && text[i + mark] <= 'Z') {
            i += mark;
            continue;
          }
        }
        if (i >= end || static_cast<unsigned char>(text[i]) < 0x80 || !IsWordByte(text, i)) break;
        i += Utf8Len(text[i]);
      }
      std::string_view w = text.substr(start, i - start);
      t.folded.resize(w.size());
      uint32_t h = 2166136261u;
      size_t n = 0;
      for (size_t k = 0; k < w.size(); ++k) {
        unsigned char d = w[k];
        if (d >= 'A' && d <= 'Z') {
          upper_seen = true;
          d += 32;
        } else if (d == 0xE2 && w.substr(k, 3) == "\u2019") {
          d = '\'';  // a name's curly apostrophe folds like the straight one
          k += 2;
        } else if (d >= 'a') {
          lower_seen = true;  // a-z, or a byte of a non-ASCII letter
        }
        t.folded[n++] = static_cast<char>(d);
        h = (h ^ d) * 16777619u;
      }
      t.folded.resize(n);
      if (i > end) i = end;
      t.word = true;
      t.all_caps = upper_seen && !lower_seen;
      t.hash = h;
    } else {
      size_t len = c < 0x80 ? 1 : Utf8Len(c);
      t.folded = FoldPunct(text.substr(i, len));
      i += len;
      // "'s" and "’s" after a word: the possessive is one token.
      if (t.folded == "'" && (out->empty() || !t.space_before) && i < end &&
          (text[i] == 's' || text[i] == 'S') && (i + 1 >= end || !IsWordByte(text, i + 1))) {
        t.folded = "'s";
        t.word = true;
        ++i;
      }
      t.hash = WordHash(t.folded);
    }
    t.end = static_cast<uint32_t>(i);
    out->push_back(std::move(t));
  }
}

std::vector<std::string> FoldedTokens(std::string_view s) {
  std::vector<Token> toks;
  Tokenize(s, 0, static_cast<uint32_t>(s.size()), &toks);
  std::vector<std::string> out;
  out.reserve(toks.size());
  for (auto& t : toks) out.push_back(std::move(t.folded));
  return out;
}

}  // namespace kg::parsers
