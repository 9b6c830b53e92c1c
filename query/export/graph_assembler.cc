#include "query/export/graph_assembler.h"

#include <algorithm>

#include "kg/vocab.h"

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
  KG_ASSIGN_OR_RETURN(type_, Lookup(vocab::kRdfType));
  KG_ASSIGN_OR_RETURN(label_, Lookup(vocab::kRdfsLabel));
  KG_ASSIGN_OR_RETURN(pref_, Lookup(vocab::kSkosPrefLabel));
  KG_ASSIGN_OR_RETURN(alt_, Lookup(vocab::kSkosAltLabel));
  KG_ASSIGN_OR_RETURN(std::vector<DocumentInfo> docs, store_.ListDocuments());
  UseDocuments(std::move(docs));
  return Status::OK();
}

void GraphAssembler::UseDocuments(std::vector<DocumentInfo> docs) {
  docs_.clear();
  doc_positions_.clear();
  for (DocumentInfo& d : docs) {
    doc_positions_.emplace(d.id, static_cast<uint32_t>(docs_.size()));
    docs_.push_back(ExportDocument{std::move(d.id), std::move(d.title), std::move(d.date)});
  }
  referenced_.assign(docs_.size(), false);
}

uint32_t GraphAssembler::DocumentPosition(const std::string& id) {
  auto [it, added] = doc_positions_.emplace(id, static_cast<uint32_t>(docs_.size()));
  if (added) {
    // Named by a support row but not listed (a concurrent writer): kept, undated.
    docs_.push_back(ExportDocument{id, {}, {}});
    referenced_.push_back(false);
  }
  return it->second;
}

void GraphAssembler::AppendAttributeTerms(std::vector<TermId>* ids) const {
  for (const auto& [id, a] : attrs_) {
    for (TermId t : {a.label, a.pref, a.type}) {
      if (t != kNoTerm) ids->push_back(t);
    }
    ids->insert(ids->end(), a.aliases.begin(), a.aliases.end());
  }
}

Status GraphAssembler::PreloadTerms(std::vector<TermId> ids) {
  if (!ids.empty()) {
    auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
    TermId low = *lo;
    uint64_t span = *hi - low + 1;
    if (span <= 8 * ids.size()) {
      // Dense ids (the usual case): a bitmap sorts and deduplicates them in
      // two linear passes instead of sorting millions of repeats.
      std::vector<bool> wanted(span);
      for (TermId id : ids) wanted[id - low] = true;
      ids.clear();
      for (uint64_t i = 0; i < span; ++i) {
        if (wanted[i]) ids.push_back(low + i);
      }
    } else {
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
  }
  KG_ASSIGN_OR_RETURN(terms_, store_.GetTerms(ids));
  term_ids_ = std::move(ids);
  slots_.clear();
  dense_ = false;
  if (term_ids_.empty()) return Status::OK();
  slot_base_ = term_ids_.front();
  uint64_t span = term_ids_.back() - slot_base_ + 1;
  dense_ = span <= 4 * term_ids_.size() + 1024;
  slots_.assign(dense_ ? span : term_ids_.size(), Slot{kNoNode, kNoNode});
  for (uint32_t i = 0; i < term_ids_.size(); ++i) {
    Slot& slot = slots_[dense_ ? term_ids_[i] - slot_base_ : i];
    slot.term = i;
    slot.node = terms_[i].is_literal() ? kLiteral : kNoNode;
  }
  return Status::OK();
}

GraphAssembler::Slot* GraphAssembler::SlotOf(TermId id) {
  if (dense_) {
    if (id < slot_base_ || id - slot_base_ >= slots_.size()) return nullptr;
    Slot* slot = &slots_[id - slot_base_];
    return slot->term != kNoNode ? slot : nullptr;
  }
  auto it = std::lower_bound(term_ids_.begin(), term_ids_.end(), id);
  return it != term_ids_.end() && *it == id ? &slots_[it - term_ids_.begin()] : nullptr;
}

Result<const Term*> GraphAssembler::TermOf(TermId id) {
  if (Slot* slot = SlotOf(id)) return &terms_[slot->term];
  auto it = read_terms_.find(id);
  if (it == read_terms_.end()) {
    KG_ASSIGN_OR_RETURN(Term t, store_.GetTerm(id));
    it = read_terms_.emplace(id, std::move(t)).first;
  }
  return &it->second;
}

Status GraphAssembler::AddAttributedNodes() {
  std::vector<TermId> ids;
  ids.reserve(attrs_.size());
  for (const auto& [id, a] : attrs_) {
    if (a.type != kNoTerm || a.label != kNoTerm || a.pref != kNoTerm) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  for (TermId id : ids) KG_RETURN_IF_ERROR(Node(id).status());
  return Status::OK();
}

Result<uint32_t> GraphAssembler::Node(TermId id) {
  // A literal made a node (BuildAmong may be handed one) is looked up by id.
  Slot* slot = SlotOf(id);
  if (slot != nullptr && slot->node == kLiteral) slot = nullptr;
  if (slot != nullptr) {
    if (slot->node != kNoNode) return slot->node;
  } else {
    auto found = node_index_.find(id);
    if (found != node_index_.end()) return found->second;
  }
  KG_ASSIGN_OR_RETURN(const Term* term, TermOf(id));
  ExportNode n;
  n.id = term->is_blank() ? "_:" + term->value : term->value;
  NodeAttrs local;
  const NodeAttrs* a = &local;
  if (preloaded_) {
    auto found = attrs_.find(id);
    if (found != attrs_.end()) a = &found->second;
  } else {
    for (TermId p : {type_, label_, pref_, alt_}) {
      if (p == kNoTerm) continue;
      auto cur = store_.Scan(TriplePattern{id, p, kNoTerm});
      for (; cur->Valid(); cur->Next()) Apply(local, cur->triple());
      KG_RETURN_IF_ERROR(cur->status());
    }
  }
  TermId label = a->label != kNoTerm ? a->label : a->pref;
  if (label != kNoTerm) {
    KG_ASSIGN_OR_RETURN(const Term* t, TermOf(label));
    n.label = t->value;
    n.label_stored = a->label != kNoTerm;
  } else {
    // What Store::Label answers for a term without label triples.
    n.label = term->is_iri() ? std::string(vocab::LocalName(term->value)) : term->value;
  }
  if (a->type != kNoTerm) {
    KG_ASSIGN_OR_RETURN(const Term* t, TermOf(a->type));
    n.type_iri = t->value;
    n.type = std::string(vocab::LocalName(n.type_iri));
  }
  for (TermId alias : a->aliases) {
    KG_ASSIGN_OR_RETURN(const Term* t, TermOf(alias));
    n.aliases.push_back(t->value);
  }
  auto index = static_cast<uint32_t>(graph_.nodes.size());
  graph_.nodes.push_back(std::move(n));
  if (slot != nullptr) {
    slot->node = index;
  } else {
    node_index_.emplace(id, index);
  }
  return index;
}

Result<bool> GraphAssembler::Admit(const Triple& t) {
  if (IsAttribute(t.p)) {
    KG_RETURN_IF_ERROR(Node(t.s).status());
    return false;
  }
  if (Slot* slot = SlotOf(t.o)) {
    if (slot->node == kLiteral) return false;
  } else {
    KG_ASSIGN_OR_RETURN(const Term* o, TermOf(t.o));
    if (o->is_literal()) return false;
  }
  return !deduplicate_ || seen_.insert(t).second;
}

Result<bool> GraphAssembler::AddEdge(const Triple& t) {
  KG_ASSIGN_OR_RETURN(bool admitted, Admit(t));
  if (!admitted) return false;
  EdgeSupport support;
  KG_ASSIGN_OR_RETURN(std::vector<std::string> docs, store_.SupportingDocuments(t));
  std::vector<uint32_t> positions;
  for (const std::string& d : docs) positions.push_back(DocumentPosition(d));
  support.documents = positions;
  KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store_.GetEvidence(t));
  support.weight = evidence.empty() ? docs.size() : evidence.size();
  if (options_.evidence) {
    for (Evidence& ev : evidence) {
      if (support.evidence.size() >= options_.max_evidence) break;
      support.evidence.push_back(ExportEvidence{std::move(ev.doc_id), std::move(ev.sentence)});
    }
  }
  KG_RETURN_IF_ERROR(Emit(t, std::move(support)));
  return true;
}

Result<bool> GraphAssembler::AddEdge(const Triple& t, EdgeSupport support) {
  KG_ASSIGN_OR_RETURN(bool admitted, Admit(t));
  if (!admitted) return false;
  KG_RETURN_IF_ERROR(Emit(t, std::move(support)));
  return true;
}

Status GraphAssembler::Emit(const Triple& t, EdgeSupport support) {
  ExportEdge e;
  KG_ASSIGN_OR_RETURN(e.source, Node(t.s));
  KG_ASSIGN_OR_RETURN(e.target, Node(t.o));
  auto pit = predicates_.find(t.p);
  if (pit == predicates_.end()) {
    KG_ASSIGN_OR_RETURN(const Term* p, TermOf(t.p));
    std::string local(vocab::LocalName(p->value));
    pit = predicates_.emplace(t.p, std::make_pair(p->value, std::move(local))).first;
  }
  e.predicate_iri = pit->second.first;
  e.predicate = pit->second.second;
  e.weight = support.weight;
  e.evidence = std::move(support.evidence);
  e.documents.reserve(support.documents.size());
  for (uint32_t d : support.documents) {
    const ExportDocument& doc = docs_[d];
    e.documents.push_back(doc.id);
    referenced_[d] = true;
    if (doc.date.empty()) continue;
    for (uint32_t end : {e.source, e.target}) {
      ExportNode& n = graph_.nodes[end];
      if (n.first_date.empty() || doc.date < n.first_date) n.first_date = doc.date;
      if (n.last_date.empty() || doc.date > n.last_date) n.last_date = doc.date;
    }
  }
  graph_.edges.push_back(std::move(e));
  if (options_.progress && (graph_.edges.size() & 0x3FFF) == 0) {
    options_.progress(graph_.edges.size(), expected_);
  }
  return Status::OK();
}

ExportGraph GraphAssembler::Finish() {
  graph_.ComputeDegrees();
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    if (referenced_[d]) graph_.documents.push_back(docs_[d]);
  }
  std::sort(graph_.documents.begin(), graph_.documents.end(),
            [](const ExportDocument& a, const ExportDocument& b) { return a.id < b.id; });
  if (options_.progress) options_.progress(graph_.edges.size(), graph_.edges.size());
  return std::move(graph_);
}

Result<TermId> GraphAssembler::Lookup(std::string_view iri) {
  Result<TermId> id = store_.FindTerm(Term::Iri(std::string(iri)));
  if (id.ok()) return id;
  if (id.status().IsNotFound()) return kNoTerm;
  return id.status();
}

void GraphAssembler::Apply(NodeAttrs& a, const Triple& t) const {
  if (t.p == type_) {
    if (a.type == kNoTerm) a.type = t.o;
  } else if (t.p == label_) {
    if (a.label == kNoTerm) a.label = t.o;
  } else if (t.p == pref_) {
    if (a.pref == kNoTerm) a.pref = t.o;
  } else if (t.p == alt_) {
    a.aliases.push_back(t.o);
  }
}

}  // namespace kg::exporting
