// The query grammar's entry point. The Spirit X3 grammar itself is private to
// grammar.cc; callers see plain AST structs and a plain error, so the grammar
// can be replaced without touching the rest of the engine.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "query/ast.h"

namespace kg::query::grammar {

struct SyntaxError {
  size_t offset = 0;     // where the parse failed, relative to the start of `text`
  std::string expected;  // "a predicate", "')'", ...
};

// Parses exactly one query (no trailing ';'). AST offsets are relative to the
// start of `text` plus `base_offset`.
std::variant<ast::Query, SyntaxError> ParseQuery(std::string_view text, size_t base_offset);

}  // namespace kg::query::grammar
