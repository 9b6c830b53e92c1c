// The subgraph of a query: the stored triples its patterns matched.
#pragma once

#include <string_view>

#include "kg/status.h"
#include "kg/store.h"
#include "query/export/export_graph.h"
#include "query/export/graph_builder.h"

namespace kg::exporting {

// Runs `query` (the language of query/, one query) against `store` and builds
// the graph of the triples its patterns matched for every solution (type and
// label patterns give node attributes, not edges). Queries whose answers
// come from no pattern (path, neighbors, describe) export every stored
// triple among the entities their rows name. Query errors are InvalidInput
// with the position in the query.
Result<ExportGraph> BuildFromQuery(const Store& store, std::string_view query,
                                   const BuildOptions& options);

}  // namespace kg::exporting
