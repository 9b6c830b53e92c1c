#include "query/export/query_subgraph.h"

namespace kg::exporting {

Result<std::vector<Triple>> QueryTriples(const Store& store, std::string_view query) {
  (void)store;
  (void)query;
  return Status::NotSupported("kg export --query needs the query engine");
}

}  // namespace kg::exporting
