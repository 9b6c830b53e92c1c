#include "query/export/export_graph.h"

namespace kg::exporting {

void ExportGraph::ComputeDegrees() {
  for (ExportNode& n : nodes) n.degree = 0;
  for (const ExportEdge& e : edges) {
    ++nodes[e.source].degree;
    ++nodes[e.target].degree;
  }
}

}  // namespace kg::exporting
