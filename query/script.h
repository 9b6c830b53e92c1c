// Running a script: every ';'-separated query of a text in turn, results to
// one stream and errors to another. Shared by `kg query`, `kg explain` and
// the REPL's input and .read.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "query/engine.h"
#include "query/printer.h"

namespace kg::query {

struct ScriptOptions {
  QueryOptions query;
  Format format = Format::kTable;
  bool keep_going = false;  // run the queries after a failing one
  bool explain = false;     // print plans instead of running
  bool timer = false;       // print each query's time on `err`
  std::string source;       // file name for error messages ("" for inline text)
};

// Returns OK, or the first failure (already printed on `err` as
// "kg: [SOURCE: ]MESSAGE" with the line, caret and what was expected).
Status RunScript(Engine& engine, std::string_view text, const ScriptOptions& options,
                 std::ostream& out, std::ostream& err);

}  // namespace kg::query
