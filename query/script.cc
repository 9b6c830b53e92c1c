#include "query/script.h"

#include <chrono>
#include <cstdio>

#include "query/parser.h"

namespace kg::query {

Status RunScript(Engine& engine, std::string_view text, const ScriptOptions& options,
                 std::ostream& out, std::ostream& err) {
  Status first_error;
  std::string prefix = options.source.empty() ? "" : options.source + ": ";
  auto printer = Printer::Make(options.format);
  bool printed = false;
  for (const Statement& st : SplitStatements(text)) {
    auto start = std::chrono::steady_clock::now();
    auto query = ParseStatement(text, st);
    Result<ResultSet> result = Status::OK();
    bool explain = options.explain;
    if (query.ok()) {
      explain = explain || query->explain;
      if (explain) {
        ast::Query q = *query;
        q.explain = true;
        result = engine.Run(text, q, options.query);
      } else {
        result = engine.Run(text, *query, options.query);
      }
    } else {
      result = query.status();
    }
    if (!result.ok()) {
      err << "kg: " << prefix << result.status().message() << "\n";
      err.flush();
      if (first_error.ok()) first_error = result.status();
      if (!options.keep_going) return first_error;
      continue;
    }
    if (explain) {
      for (const auto& row : result->rows) out << row[0].text << "\n";
    } else {
      if (printed && options.format == Format::kTable) out << "\n";
      printer->Print(*result, out);
    }
    out.flush();
    printed = true;
    if (options.timer) {
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      char buf[64];
      std::snprintf(buf, sizeof buf, "Time: %.3f ms\n", ms);
      err << buf;
    }
  }
  return first_error;
}

}  // namespace kg::query
