#include "query/export/graph_tables.h"

#include <algorithm>

#include "kg/vocab.h"

namespace kg::exporting {

void GraphTables::SetDocuments(std::vector<DocumentInfo> docs) {
  docs_.clear();
  doc_positions_.clear();
  dates_.clear();
  for (DocumentInfo& d : docs) {
    if (!d.date.empty()) dates_.push_back(d.date);
    docs_.push_back(ExportDocument{std::move(d.id), std::move(d.title), std::move(d.date)});
  }
  std::sort(dates_.begin(), dates_.end());
  dates_.erase(std::unique(dates_.begin(), dates_.end()), dates_.end());
  doc_date_.assign(docs_.size(), kUndated);
  for (size_t i = 0; i < docs_.size(); ++i) {
    if (docs_[i].date.empty()) continue;
    doc_date_[i] = static_cast<int32_t>(
        std::lower_bound(dates_.begin(), dates_.end(), docs_[i].date) - dates_.begin());
  }
  referenced_.assign(docs_.size(), false);
}

uint32_t GraphTables::DocumentPosition(const std::string& id) {
  if (doc_positions_.empty()) {
    for (uint32_t i = 0; i < docs_.size(); ++i) doc_positions_.emplace(docs_[i].id, i);
  }
  auto [it, added] = doc_positions_.emplace(id, static_cast<uint32_t>(docs_.size()));
  if (added) {
    docs_.push_back(ExportDocument{id, {}, {}});
    doc_date_.push_back(kUndated);
    referenced_.push_back(false);
  }
  return it->second;
}

uint32_t GraphTables::FindPredicate(TermId id) const {
  auto it = predicates_.find(id);
  return it == predicates_.end() ? UINT32_MAX : it->second;
}

uint32_t GraphTables::AddPredicate(TermId id, const std::string& iri) {
  auto [it, added] = predicates_.emplace(id, static_cast<uint32_t>(graph_.predicates.size()));
  if (added) {
    graph_.predicates.push_back(ExportPredicate{iri, std::string(vocab::LocalName(iri))});
  }
  return it->second;
}

void GraphTables::Date(uint32_t node, int32_t rank) {
  if (node >= first_.size()) {
    // Whole-graph builds number nodes before they make them.
    size_t n = std::max<size_t>({graph_.nodes.size(), node + 1, 2 * first_.size()});
    first_.resize(n, INT32_MAX);
    last_.resize(n, kUndated);
  }
  first_[node] = std::min(first_[node], rank);
  last_[node] = std::max(last_[node], rank);
}

ExportEdge& GraphTables::AddEdge(uint32_t source, uint32_t target, uint32_t predicate,
                                 uint64_t weight, std::span<const uint32_t> documents) {
  for (uint32_t d : documents) {
    referenced_[d] = true;
    int32_t rank = doc_date_[d];
    if (rank == kUndated) continue;
    Date(source, rank);
    Date(target, rank);
  }
  return graph_.AddEdge(source, target, predicate, weight, documents);
}

ExportGraph GraphTables::Finish() {
  graph_.ComputeDegrees();
  for (size_t i = 0; i < std::min(last_.size(), graph_.nodes.size()); ++i) {
    if (last_[i] == kUndated) continue;
    graph_.nodes[i].first_date = dates_[first_[i]];
    graph_.nodes[i].last_date = dates_[last_[i]];
  }
  std::vector<uint32_t> kept;
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    if (referenced_[d]) kept.push_back(d);
  }
  std::sort(kept.begin(), kept.end(),
            [&](uint32_t a, uint32_t b) { return docs_[a].id < docs_[b].id; });
  std::vector<uint32_t> index(docs_.size(), UINT32_MAX);
  graph_.documents.reserve(kept.size());
  for (uint32_t d : kept) {
    index[d] = static_cast<uint32_t>(graph_.documents.size());
    graph_.documents.push_back(std::move(docs_[d]));
  }
  for (uint32_t& d : graph_.edge_documents) d = index[d];
  return std::move(graph_);
}

}  // namespace kg::exporting
