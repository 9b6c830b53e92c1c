// The subgraph of a query: which stored triples its patterns matched.
#pragma once

#include <string_view>
#include <vector>

#include "kg/status.h"
#include "kg/store.h"

namespace kg::exporting {

// Runs `query` (the query language of query/) against `store` and returns the
// stored triples its patterns matched, without duplicates. InvalidInput with
// the query position for a query that does not parse or bind.
Result<std::vector<Triple>> QueryTriples(const Store& store, std::string_view query);

}  // namespace kg::exporting
