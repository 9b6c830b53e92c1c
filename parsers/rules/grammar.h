// Parser for the rule language (Boost.Spirit X3). The only header of the
// grammar others include; the grammar itself is in grammar_def.h.
#pragma once

#include <string>
#include <string_view>

#include "kg/status.h"
#include "parsers/rules/ast.h"

namespace kg::parsers::rules {

// Parses rule text. Errors are InvalidInput "SOURCE:LINE:COL: expected ...".
Result<ast::File> Parse(std::string_view text, const std::string& source);

}  // namespace kg::parsers::rules
