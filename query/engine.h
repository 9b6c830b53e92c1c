// The query engine: parse -> bind -> plan -> execute, for the CLI, the REPL
// and the export commands alike.
//
//   Engine engine(store.get());
//   for (const Statement& st : SplitStatements(text)) {
//     auto q = ParseStatement(text, st);            // syntax errors
//     auto rows = engine.Run(text, *q, options);    // everything else
//   }
//
// Errors are Status values whose message is ready to show: query errors
// point at their position with FormatDiagnostic. Exceptions never escape.
// Thread-safety: one Engine per thread.
#pragma once

#include <string>
#include <string_view>

#include "kg/store.h"
#include "query/ast.h"
#include "query/binder.h"
#include "query/result.h"

namespace kg::query {

class Engine {
 public:
  // REQUIRES: `store` outlives the engine.
  explicit Engine(const Store* store);

  // Runs `query`, parsed from `script` (used to point at errors). An
  // `explain` query returns its plan, one line per row, in column "plan".
  Result<ResultSet> Run(std::string_view script, const ast::Query& query,
                        const QueryOptions& options);

  // The plan `query` would run with, as a tree.
  Result<std::string> Explain(std::string_view script, const ast::Query& query);

  // Parses and runs a single query given as text.
  Result<ResultSet> RunText(std::string_view text, const QueryOptions& options);

  // Predicate and type names, for completion and .schema.
  Binder& binder() { return binder_; }

 private:
  Result<ResultSet> RunBound(const BoundQuery& q, const QueryOptions& options);
  Result<BoundQuery> Bind(std::string_view script, const ast::Query& query);

  const Store* store_;
  Binder binder_;
};

}  // namespace kg::query
