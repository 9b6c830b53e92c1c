#include "query/export/query_subgraph.h"

#include <algorithm>
#include <string>
#include <vector>

#include "kg/vocab.h"
#include "query/engine.h"

namespace kg::exporting {

Result<ExportGraph> BuildFromQuery(const Store& store, std::string_view query,
                                   const BuildOptions& options) {
  std::vector<Triple> matched;
  query::QueryOptions qo;
  qo.matched_triples = &matched;
  query::Engine engine(&store);
  KG_ASSIGN_OR_RETURN(query::ResultSet rows, engine.RunText(query, qo));
  if (!matched.empty()) return BuildFromTriples(store, matched, options);

  // No pattern matched a stored triple: the answer is a path, a neighbourhood
  // or a description, whose cells name entities.
  std::vector<TermId> entities;
  for (const auto& row : rows.rows) {
    for (const query::Value& v : row) {
      if (v.kind != query::Value::Kind::kText) continue;
      Result<std::vector<TermId>> ids = store.FindByName(v.text);
      if (!ids.ok()) continue;
      for (TermId id : *ids) {
        Result<Term> term = store.GetTerm(id);
        if (term.ok() && !term->value.starts_with(vocab::kTypeNs)) entities.push_back(id);
      }
    }
  }
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  return BuildAmong(store, entities, options);
}

}  // namespace kg::exporting
