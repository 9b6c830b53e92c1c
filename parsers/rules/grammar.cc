#include "parsers/rules/grammar.h"

#include "parsers/rules/grammar_def.h"

namespace kg::parsers::rules {

namespace x3 = boost::spirit::x3;

namespace {

std::string Where(const std::string& source, const char* begin, const char* at) {
  int line = 1, col = 1;
  for (const char* i = begin; i != at; ++i) {
    if (*i == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return source + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
}

std::string Near(const char* at, const char* end) {
  while (at != end && (*at == ' ' || *at == '\t' || *at == '\r')) ++at;
  if (at == end) return "end of file";
  if (*at == '\n') return "end of line";
  std::string s;
  for (const char* i = at; i != end && *i != '\n' && s.size() < 20; ++i) s.push_back(*i);
  return "\"" + s + "\"";
}

}  // namespace

Result<ast::File> Parse(std::string_view text, const std::string& source) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const char* it = begin;
  ast::File file;
  try {
    auto parser = x3::with<grammar::text_begin_tag>(begin)[grammar::file];
    bool ok = x3::phrase_parse(it, end, parser, grammar::skipper, file);
    if (!ok || it != end) {
      return Status::InvalidInput(Where(source, begin, it) + "expected rule or define, found " +
                                  Near(it, end));
    }
  } catch (const x3::expectation_failure<const char*>& e) {
    std::string what = e.which() == "eoi" ? "rule or define" : e.which();
    return Status::InvalidInput(Where(source, begin, e.where()) + "expected " + what + ", found " +
                                Near(e.where(), end));
  }
  return file;
}

}  // namespace kg::parsers::rules
