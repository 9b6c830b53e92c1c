#include "query/export/export_graph.h"

#include "kg/vocab.h"

namespace kg::exporting {

uint32_t ExportGraph::AddPredicate(std::string_view iri) {
  for (uint32_t i = 0; i < predicates.size(); ++i) {
    if (predicates[i].iri == iri) return i;
  }
  predicates.push_back(ExportPredicate{std::string(iri), std::string(vocab::LocalName(iri))});
  return static_cast<uint32_t>(predicates.size() - 1);
}

ExportEdge& ExportGraph::AddEdge(uint32_t source, uint32_t target, uint32_t predicate,
                                 uint64_t weight, std::span<const uint32_t> docs) {
  ExportEdge& e = edges.emplace_back();
  e.source = source;
  e.target = target;
  e.predicate = predicate;
  e.weight = weight;
  e.documents_begin = edge_documents.size();
  e.document_count = static_cast<uint32_t>(docs.size());
  edge_documents.insert(edge_documents.end(), docs.begin(), docs.end());
  return e;
}

std::vector<std::string> ExportGraph::DocumentIds(const ExportEdge& e) const {
  std::vector<std::string> ids;
  for (uint32_t d : DocumentsOf(e)) ids.push_back(documents[d].id);
  return ids;
}

void ExportGraph::ComputeDegrees() {
  for (ExportNode& n : nodes) n.degree = 0;
  for (const ExportEdge& e : edges) {
    ++nodes[e.source].degree;
    ++nodes[e.target].degree;
  }
}

}  // namespace kg::exporting
