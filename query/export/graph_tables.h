// GraphTables (internal to query/export/): what every build fills the same
// way around its nodes: the document list with dates, interned predicates,
// the edges with their documents, and the finishing pass (degrees, first and
// last dates, only the documents edges refer to, ordered by id).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/document.h"
#include "kg/term.h"
#include "query/export/export_graph.h"

namespace kg::exporting {

class GraphTables {
 public:
  // The documents, ordered by id; edges name them by position in this list
  // until Finish renumbers them.
  void SetDocuments(std::vector<DocumentInfo> docs);
  // The position of document `id`. One not listed (named by a support row
  // of a concurrent writer) is appended, undated.
  uint32_t DocumentPosition(const std::string& id);

  // The index of predicate `id`, or UINT32_MAX when not met yet.
  uint32_t FindPredicate(TermId id) const;
  uint32_t AddPredicate(TermId id, const std::string& iri);

  // Appends an edge between existing nodes; `documents` are positions in
  // the document list.
  ExportEdge& AddEdge(uint32_t source, uint32_t target, uint32_t predicate, uint64_t weight,
                      std::span<const uint32_t> documents);

  ExportGraph& graph() { return graph_; }
  ExportGraph Finish();

 private:
  static constexpr int32_t kUndated = -1;
  void Date(uint32_t node, int32_t rank);

  ExportGraph graph_;
  std::vector<ExportDocument> docs_;
  std::unordered_map<std::string, uint32_t> doc_positions_;  // filled on first use
  std::vector<bool> referenced_;
  // Dates as ranks in `dates_` (sorted, distinct), so per-edge work
  // compares integers: per document, and each node's first and last.
  std::vector<std::string> dates_;
  std::vector<int32_t> doc_date_;
  std::vector<int32_t> first_, last_;
  std::unordered_map<TermId, uint32_t> predicates_;
};

}  // namespace kg::exporting
