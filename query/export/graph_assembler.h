// GraphAssembler (internal to query/export/): turns triples into the nodes
// and edges of an ExportGraph for the small builds (a neighbourhood, a
// query's triples, the triples among some entities). It reads each term,
// attribute and support row from the Store the first time it needs it; the
// whole graph is read in bulk instead (whole_graph.cc).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "kg/status.h"
#include "kg/store.h"
#include "query/export/export_graph.h"
#include "query/export/graph_builder.h"
#include "query/export/graph_tables.h"
#include "query/export/node_attrs.h"

namespace kg::exporting {

class GraphAssembler {
 public:
  GraphAssembler(const Store& store, const BuildOptions& options);

  // Looks up the attribute predicates and reads the document list.
  Status Init();

  bool IsAttribute(TermId p) const { return attributes_.IsAttribute(p); }
  // The node for term `id`, created on first use.
  Result<uint32_t> Node(TermId id);

  // Adds `t` as an edge unless it is an attribute triple (its subject becomes
  // a node), has a literal object, or was added before. Returns whether it
  // became an edge.
  Result<bool> AddEdge(const Triple& t);

  void set_expected(uint64_t n) { expected_ = n; }
  ExportGraph Finish();

 private:
  Result<const Term*> TermOf(TermId id);

  const Store& store_;
  const BuildOptions& options_;
  AttributePredicates attributes_;
  uint64_t expected_ = 0;
  GraphTables tables_;
  std::unordered_map<TermId, Term> terms_;
  std::unordered_map<TermId, uint32_t> node_index_;
  struct TripleHash {
    size_t operator()(const Triple& t) const;
  };
  std::unordered_set<Triple, TripleHash> seen_;
};

}  // namespace kg::exporting
