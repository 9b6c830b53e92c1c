#include "query/grammar.h"

#include <algorithm>
#include <cctype>

#include "query/grammar_def.h"

namespace kg::query::grammar {
namespace {

size_t SkipBlanks(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      ++pos;
    } else if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      while (pos < text.size() && text[pos] != '\n') ++pos;
    } else {
      break;
    }
  }
  return pos;
}

}  // namespace

std::variant<ast::Query, SyntaxError> ParseQuery(std::string_view text, size_t base_offset) {
  const char* begin = text.data();
  const char* first = begin;
  const char* last = begin + text.size();
  Origin origin{begin, static_cast<uint32_t>(base_offset)};
  ast::Query q;
  try {
    bool ok = x3::phrase_parse(first, last, x3::with<input_begin_tag>(origin)[query], skipper, q);
    size_t pos = SkipBlanks(text, static_cast<size_t>(first - begin));
    if (!ok) return SyntaxError{pos, query.name};
    if (pos != text.size()) {
      return SyntaxError{pos, "',', a clause (group by, order by, limit, offset) or ';'"};
    }
  } catch (const x3::expectation_failure<iterator_type>& e) {
    size_t where = static_cast<size_t>(e.where() - begin);
    size_t pos = SkipBlanks(text, where);
    // At the end of the text, point just past the last token, on its line.
    if (pos == text.size()) {
      pos = std::min(where, text.size());
      while (pos > 0 && std::isspace(static_cast<unsigned char>(text[pos - 1]))) --pos;
    }
    return SyntaxError{pos, e.which()};
  }
  return q;
}

}  // namespace kg::query::grammar
