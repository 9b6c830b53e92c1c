#include "query/export/graph_assembler.h"

#include <string>
#include <vector>

namespace kg::exporting {

size_t GraphAssembler::TripleHash::operator()(const Triple& t) const {
  uint64_t h = t.s * 0x9E3779B97F4A7C15ULL;
  h ^= t.p + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
  h ^= t.o + 0x85EBCA77C2B2AE63ULL + (h << 6) + (h >> 2);
  return static_cast<size_t>(h);
}

GraphAssembler::GraphAssembler(const Store& store, const BuildOptions& options)
    : store_(store), options_(options) {}

Status GraphAssembler::Init() {
  KG_RETURN_IF_ERROR(attributes_.Lookup(store_));
  KG_ASSIGN_OR_RETURN(std::vector<DocumentInfo> docs, store_.ListDocuments());
  tables_.SetDocuments(std::move(docs));
  return Status::OK();
}

Result<const Term*> GraphAssembler::TermOf(TermId id) {
  auto it = terms_.find(id);
  if (it == terms_.end()) {
    KG_ASSIGN_OR_RETURN(Term t, store_.GetTerm(id));
    it = terms_.emplace(id, std::move(t)).first;
  }
  return &it->second;
}

Result<uint32_t> GraphAssembler::Node(TermId id) {
  auto found = node_index_.find(id);
  if (found != node_index_.end()) return found->second;
  KG_ASSIGN_OR_RETURN(const Term* term, TermOf(id));
  NodeAttrs a;
  for (TermId p : {attributes_.type, attributes_.label, attributes_.pref, attributes_.alt}) {
    if (p == kNoTerm) continue;
    auto cur = store_.Scan(TriplePattern{id, p, kNoTerm});
    for (; cur->Valid(); cur->Next()) attributes_.Apply(a, cur->triple());
    KG_RETURN_IF_ERROR(cur->status());
  }
  KG_ASSIGN_OR_RETURN(ExportNode n, MakeNode(*term, a, [this](TermId t) { return TermOf(t); }));
  std::vector<ExportNode>& nodes = tables_.graph().nodes;
  auto index = static_cast<uint32_t>(nodes.size());
  nodes.push_back(std::move(n));
  node_index_.emplace(id, index);
  return index;
}

Result<bool> GraphAssembler::AddEdge(const Triple& t) {
  if (IsAttribute(t.p)) {
    KG_RETURN_IF_ERROR(Node(t.s).status());
    return false;
  }
  KG_ASSIGN_OR_RETURN(const Term* o, TermOf(t.o));
  if (o->is_literal() || !seen_.insert(t).second) return false;

  KG_ASSIGN_OR_RETURN(std::vector<std::string> docs, store_.SupportingDocuments(t));
  std::vector<uint32_t> positions;
  for (const std::string& d : docs) positions.push_back(tables_.DocumentPosition(d));
  KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store_.GetEvidence(t));
  uint64_t weight = evidence.empty() ? docs.size() : evidence.size();
  KG_ASSIGN_OR_RETURN(uint32_t source, Node(t.s));
  KG_ASSIGN_OR_RETURN(uint32_t target, Node(t.o));
  uint32_t predicate = tables_.FindPredicate(t.p);
  if (predicate == UINT32_MAX) {
    KG_ASSIGN_OR_RETURN(const Term* p, TermOf(t.p));
    predicate = tables_.AddPredicate(t.p, p->value);
  }
  ExportEdge& e = tables_.AddEdge(source, target, predicate, weight, positions);
  if (options_.evidence) {
    for (Evidence& ev : evidence) {
      if (e.evidence.size() >= options_.max_evidence) break;
      e.evidence.push_back(ExportEvidence{std::move(ev.doc_id), std::move(ev.sentence)});
    }
  }
  size_t edges = tables_.graph().edges.size();
  if (options_.progress && (edges & 0x3FFF) == 0) options_.progress(edges, expected_);
  return true;
}

ExportGraph GraphAssembler::Finish() {
  size_t edges = tables_.graph().edges.size();
  if (options_.progress) options_.progress(edges, edges);
  return tables_.Finish();
}

}  // namespace kg::exporting
