// Tokens with byte offsets into the document text.
//
// A word is a run of ASCII letters/digits and non-ASCII letters; every
// punctuation mark is a token of its own, so "U.S." is U . S . both in the
// text and in lexicon aliases, and the two match token by token. "'s" is one
// token. `folded` is the ASCII-lower-cased form with curly quotes and dashes
// mapped to ASCII, which is what the lexicon and rules compare.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::parsers {

struct Token {
  uint32_t begin = 0, end = 0;  // byte span in the document text
  std::string folded;
  uint32_t hash = 0;      // WordHash(folded): cheap prefilters compare this first
  bool word = false;      // letters/digits, or "'s"
  bool cap = false;       // first letter upper case
  bool all_caps = false;  // every letter upper case, at least one letter
  bool digit = false;     // starts with a digit
  bool space_before = false;

  // folded == w, sizes first: std::string == const char* runs strlen and
  // memcmp for every test.
  bool Is(std::string_view w) const { return std::string_view(folded) == w; }
};

// FNV-1a of a folded token.
inline uint32_t WordHash(std::string_view w) {
  uint32_t h = 2166136261u;
  for (unsigned char c : w) h = (h ^ c) * 16777619u;
  return h;
}

// Appends the tokens of text[begin, end) to *out, at most `max_tokens` of
// them: the first tokens of a long line are the same as those of the whole.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out,
              size_t max_tokens = SIZE_MAX);

// Tokens of a short string (a lexicon alias or a rule literal), folded.
std::vector<std::string> FoldedTokens(std::string_view s);

}  // namespace kg::parsers
