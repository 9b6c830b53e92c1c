#include "query/parser.h"

#include "query/grammar.h"

namespace kg::query {
namespace {

// Walks `text`, calling on_semicolon(pos) for each ';' outside quotes,
// <IRIs> and comments.
template <typename Fn>
void ForEachTerminator(std::string_view text, Fn&& on_semicolon) {
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      ++i;
      while (i < text.size() && text[i] != c && text[i] != '\n') {
        if (text[i] == '\\') ++i;
        ++i;
      }
      ++i;
    } else if (c == ';') {
      on_semicolon(i);
      ++i;
    } else {
      ++i;
    }
  }
}

bool IsBlank(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

// Display width of a UTF-8 prefix: one column per code point.
size_t Columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::vector<Statement> SplitStatements(std::string_view script) {
  std::vector<Statement> out;
  size_t start = 0;
  auto add = [&](size_t end) {
    std::string_view piece = script.substr(start, end - start);
    if (!IsBlank(piece)) out.push_back(Statement{start, piece});
    start = end + 1;
  };
  ForEachTerminator(script, add);
  if (start <= script.size()) add(script.size());
  return out;
}

bool EndsStatement(std::string_view text) {
  size_t last = std::string_view::npos;
  ForEachTerminator(text, [&](size_t pos) { last = pos; });
  return last != std::string_view::npos && IsBlank(text.substr(last + 1));
}

std::string FormatDiagnostic(std::string_view script, size_t offset, std::string_view message) {
  if (offset > script.size()) offset = script.size();
  size_t line_start = script.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
  if (offset > 0 && script[offset - 1] == '\n') line_start = offset;
  size_t line_end = script.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = script.size();
  size_t line_no = 1;
  for (size_t i = 0; i < line_start; ++i)
    if (script[i] == '\n') ++line_no;
  std::string_view line = script.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t column = Columns(script.substr(line_start, offset - line_start));
  std::string prefix = "LINE " + std::to_string(line_no) + ": ";
  std::string out(message);
  out += " at line " + std::to_string(line_no) + ", column " + std::to_string(column + 1) + "\n";
  out += prefix + std::string(line) + "\n";
  out += std::string(prefix.size() + column, ' ') + "^";
  return out;
}

namespace {

// The grammar is recursive descent: bounding the nesting of ( and { before
// parsing keeps a hostile query from exhausting the stack.
constexpr int kMaxNesting = 256;

size_t FindExcessiveNesting(std::string_view text) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos) break;
      i = nl;
    } else if (c == '(' || c == '{') {
      if (++depth > kMaxNesting) return i;
    } else if ((c == ')' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Result<ast::Query> ParseStatement(std::string_view script, const Statement& statement) {
  if (size_t at = FindExcessiveNesting(statement.text); at != std::string_view::npos) {
    return Status::InvalidInput(FormatDiagnostic(
        script, statement.offset + at,
        "syntax error: nested more than " + std::to_string(kMaxNesting) + " levels deep"));
  }
  auto parsed = grammar::ParseQuery(statement.text, statement.offset);
  if (auto* error = std::get_if<grammar::SyntaxError>(&parsed)) {
    return Status::InvalidInput(FormatDiagnostic(script, statement.offset + error->offset,
                                                 "syntax error: expected " + error->expected));
  }
  return std::get<ast::Query>(std::move(parsed));
}

Result<ast::Script> Parse(std::string_view text) {
  ast::Script script;
  for (const Statement& st : SplitStatements(text)) {
    KG_ASSIGN_OR_RETURN(ast::Query q, ParseStatement(text, st));
    script.queries.push_back(std::move(q));
  }
  return script;
}

}  // namespace kg::query
