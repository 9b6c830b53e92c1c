// Parsing query text: scripts, statements and the diagnostics that point at
// a position in them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"
#include "query/ast.h"

namespace kg::query {

// Parses a script: queries separated by ';', `--` comments. Errors are
// InvalidInput with a message formatted by FormatDiagnostic.
Result<ast::Script> Parse(std::string_view text);

// One ';'-terminated piece of a script, with its offset in the script.
struct Statement {
  size_t offset = 0;
  std::string_view text;  // without the ';'
};

// Splits a script at the ';' that end queries (not those inside quotes or
// comments). Pieces holding only blanks and comments are dropped.
std::vector<Statement> SplitStatements(std::string_view script);

// True when `text` ends a query: its last token outside quotes and comments is ';'.
bool EndsStatement(std::string_view text);

// Parses one statement of `script`. AST offsets are relative to `script`.
Result<ast::Query> ParseStatement(std::string_view script, const Statement& statement);

// "MESSAGE at line L, column C" then "LINE L: <that line>" and a caret under
// the column: what every query error looks like.
std::string FormatDiagnostic(std::string_view script, size_t offset, std::string_view message);

}  // namespace kg::query
