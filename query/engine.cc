#include "query/engine.h"

#include <exception>

#include "query/executor.h"
#include "query/parser.h"
#include "query/plan.h"

namespace kg::query {

Engine::Engine(const Store* store) : store_(store), binder_(store) {}

Result<ResultSet> Engine::RunBound(const BoundQuery& q, const QueryOptions& options) {
  switch (q.kind) {
    case ast::Query::Kind::kPath:
    case ast::Query::Kind::kNeighbors:
    case ast::Query::Kind::kDescribe:
    case ast::Query::Kind::kWhy:
      return ExecuteGraphQuery(q, *store_, options);
    default:
      break;
  }
  KG_ASSIGN_OR_RETURN(QueryPlan plan, Plan(q, *store_));
  return Execute(plan, *store_, options);
}

Result<BoundQuery> Engine::Bind(std::string_view script, const ast::Query& query) {
  auto bound = binder_.Bind(query);
  if (bound.ok() || bound.status().code() != Status::Code::kInvalidInput) return bound;
  // Name errors point at the name in the query text.
  return Status::InvalidInput(
      FormatDiagnostic(script, binder_.error_offset(), bound.status().message()));
}

Result<std::string> Engine::Explain(std::string_view script, const ast::Query& query) {
  try {
    KG_ASSIGN_OR_RETURN(BoundQuery bound_query, Bind(script, query));
    const BoundQuery* bound = &bound_query;
    switch (bound->kind) {
      case ast::Query::Kind::kPath:
        return "ShortestPaths  (breadth-first from the first entity, both directions, depth <= " +
               std::to_string(bound->depth) + ")\n";
      case ast::Query::Kind::kNeighbors:
        return "Neighbors  (breadth-first, both directions, depth <= " +
               std::to_string(bound->depth) + ")\n";
      case ast::Query::Kind::kDescribe:
        return std::string("Describe  (scan SPO and OSP for the entity)\n");
      case ast::Query::Kind::kWhy:
        return "Evidence\n  Scan " + bound->why.text + "\n";
      default:
        break;
    }
    KG_ASSIGN_OR_RETURN(QueryPlan plan, Plan(*bound, *store_));
    return plan.ToString();
  } catch (const std::exception& e) {
    return Status::Internal(std::string("internal error: ") + e.what());
  }
}

Result<ResultSet> Engine::Run(std::string_view script, const ast::Query& query,
                              const QueryOptions& options) {
  if (query.explain) {
    KG_ASSIGN_OR_RETURN(std::string plan, Explain(script, query));
    ResultSet rs;
    rs.columns = {"plan"};
    size_t start = 0;
    while (start < plan.size()) {
      size_t end = plan.find('\n', start);
      if (end == std::string::npos) end = plan.size();
      rs.rows.push_back({Value{Value::Kind::kText, plan.substr(start, end - start)}});
      start = end + 1;
    }
    return rs;
  }
  try {
    KG_ASSIGN_OR_RETURN(BoundQuery bound, Bind(script, query));
    return RunBound(bound, options);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("internal error: ") + e.what());
  }
}

Result<ResultSet> Engine::RunText(std::string_view text, const QueryOptions& options) {
  std::vector<Statement> statements = SplitStatements(text);
  if (statements.size() != 1) {
    return Status::InvalidInput(statements.empty() ? "empty query" : "expected one query");
  }
  KG_ASSIGN_OR_RETURN(ast::Query q, ParseStatement(text, statements[0]));
  return Run(text, q, options);
}

}  // namespace kg::query
