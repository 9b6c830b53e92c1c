// Sentence boundaries for policy and news text.
//
// A sentence ends at . ! ? followed by space and a capital, digit, quote or
// bracket, unless the word before the period is an abbreviation (U.S., Ltd.,
// No. 5, et seq., Sec., e.g., Dr., Inc., Jan. ...) or an initial. Newlines in
// the middle of a paragraph are spaces (hard-wrapped text); a blank line, an
// indented new paragraph after a full stop, a bullet, and a heading line (short,
// title-like, no closing punctuation) end a sentence.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::parsers {

struct SentenceSpan {
  uint32_t begin = 0, end = 0;  // byte span in the text, trimmed of whitespace
};

std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace kg::parsers
