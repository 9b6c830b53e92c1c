// BuildWholeGraph: the whole store in three sequential reads instead of point
// reads per edge: every triple with its support (Store::ForEachSupport, which
// also yields the label, type and alias triples), then every term those
// triples name in one ascending pass (Store::GetTerms), then the assembly in
// SPO order, so node and edge order are those of the index.
#include <algorithm>
#include <vector>

#include "query/export/graph_builder.h"
#include "query/export/graph_tables.h"
#include "query/export/node_attrs.h"

namespace kg::exporting {
namespace {

// A relation triple of the scan, kept until its terms are read; its
// documents and evidence follow those of the relations before it in flat
// lists.
struct Relation {
  Triple triple;
  uint64_t weight = 0;
  uint32_t documents = 0;
  uint32_t evidence = 0;
};

constexpr uint32_t kNone = UINT32_MAX;
constexpr uint32_t kLiteral = UINT32_MAX - 1;

// What the assembly knows of each term read, found by id in one memory
// access: positions in the term list, the node list (or kLiteral), the
// attribute triples (the subject's first) and the predicate table.
struct Slot {
  uint32_t term = kNone;
  uint32_t node = kNone;
  uint32_t attrs = kNone;
  uint32_t predicate = kNone;
};

// The terms of a build, sorted by id, each with its slot: indexed by id when
// the ids are dense enough (they usually are), else by binary search.
class TermTable {
 public:
  Status Read(const Store& store, std::vector<TermId> ids) {
    if (!ids.empty()) {
      auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
      TermId low = *lo;
      uint64_t span = *hi - low + 1;
      if (span <= 8 * ids.size()) {
        // Dense ids: a bitmap sorts and deduplicates them in two linear
        // passes instead of sorting millions of repeats.
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
    KG_ASSIGN_OR_RETURN(terms_, store.GetTerms(ids));
    ids_ = std::move(ids);
    if (ids_.empty()) return Status::OK();
    base_ = ids_.front();
    uint64_t span = ids_.back() - base_ + 1;
    dense_ = span <= 4 * ids_.size() + 1024;
    slots_.assign(dense_ ? span : ids_.size(), Slot{});
    for (uint32_t i = 0; i < ids_.size(); ++i) {
      Slot& slot = slots_[dense_ ? ids_[i] - base_ : i];
      slot.term = i;
      if (terms_[i].is_literal()) slot.node = kLiteral;
    }
    return Status::OK();
  }
  // REQUIRES: `id` was read.
  Slot& SlotOf(TermId id) {
    if (dense_) return slots_[id - base_];
    return slots_[std::lower_bound(ids_.begin(), ids_.end(), id) - ids_.begin()];
  }
  const Term& TermAt(const Slot& slot) const { return terms_[slot.term]; }

 private:
  std::vector<TermId> ids_;
  std::vector<Term> terms_;
  std::vector<Slot> slots_;
  bool dense_ = false;
  TermId base_ = 0;
};

}  // namespace

Result<ExportGraph> BuildWholeGraph(const Store& store, const BuildOptions& options) {
  AttributePredicates attributes;
  KG_RETURN_IF_ERROR(attributes.Lookup(store));
  KG_ASSIGN_OR_RETURN(uint64_t total, store.Count(TriplePattern{}));

  std::vector<Relation> relations;
  relations.reserve(total);
  std::vector<Triple> attrs;  // in SPO order, so grouped by subject
  std::vector<uint32_t> docs;
  std::vector<ExportEvidence> evidence;
  std::vector<DocumentInfo> documents;
  const size_t max_evidence = options.evidence ? options.max_evidence : 0;
  KG_RETURN_IF_ERROR(store.ForEachSupport(max_evidence, &documents, [&](const TripleSupport& row) {
    if (attributes.IsAttribute(row.triple.p)) {
      attrs.push_back(row.triple);
      return true;
    }
    Relation& r = relations.emplace_back();
    r.triple = row.triple;
    r.weight = row.sentences != 0 ? row.sentences : row.documents.size();
    r.documents = static_cast<uint32_t>(row.documents.size());
    docs.insert(docs.end(), row.documents.begin(), row.documents.end());
    r.evidence = static_cast<uint32_t>(row.evidence.size());
    for (const Evidence& e : row.evidence) evidence.push_back(ExportEvidence{e.doc_id, e.sentence});
    return true;
  }));
  GraphTables tables;
  tables.SetDocuments(std::move(documents));

  TermTable terms;
  {
    std::vector<TermId> ids;
    ids.reserve(3 * relations.size() + 2 * attrs.size());
    for (const Relation& r : relations) {
      ids.insert(ids.end(), {r.triple.s, r.triple.p, r.triple.o});
    }
    for (const Triple& t : attrs) ids.insert(ids.end(), {t.s, t.o});
    KG_RETURN_IF_ERROR(terms.Read(store, std::move(ids)));
  }
  for (size_t i = 0; i < attrs.size(); ++i) {
    if (i == 0 || attrs[i].s != attrs[i - 1].s) terms.SlotOf(attrs[i].s).attrs = i;
  }

  ExportGraph& graph = tables.graph();
  auto term_of = [&](TermId id) -> Result<const Term*> { return &terms.TermAt(terms.SlotOf(id)); };
  auto node = [&](TermId id) -> Result<uint32_t> {
    Slot& slot = terms.SlotOf(id);
    if (slot.node != kNone && slot.node != kLiteral) return slot.node;
    NodeAttrs a;
    for (size_t i = slot.attrs; i < attrs.size() && attrs[i].s == id; ++i) {
      attributes.Apply(a, attrs[i]);
    }
    KG_ASSIGN_OR_RETURN(ExportNode n, MakeNode(terms.TermAt(slot), a, term_of));
    slot.node = static_cast<uint32_t>(graph.nodes.size());
    graph.nodes.push_back(std::move(n));
    return slot.node;
  };

  graph.edges.reserve(relations.size());
  graph.edge_documents.reserve(docs.size());
  size_t next_doc = 0, next_evidence = 0, a = 0;
  for (size_t i = 0; i < relations.size() || a < attrs.size();) {
    // Subjects in ascending order, whether they have attributes, relations
    // or both; a subject's node comes before its objects' nodes.
    if (i == relations.size() || (a < attrs.size() && attrs[a].s <= relations[i].triple.s)) {
      TermId s = attrs[a].s;
      KG_RETURN_IF_ERROR(node(s).status());
      while (a < attrs.size() && attrs[a].s == s) ++a;
      continue;
    }
    const Relation& r = relations[i++];
    std::span<const uint32_t> support =
        std::span<const uint32_t>(docs).subspan(next_doc, r.documents);
    next_doc += r.documents;
    auto ev = evidence.begin() + static_cast<ptrdiff_t>(next_evidence);
    next_evidence += r.evidence;
    if (terms.SlotOf(r.triple.o).node == kLiteral) continue;
    KG_ASSIGN_OR_RETURN(uint32_t source, node(r.triple.s));
    KG_ASSIGN_OR_RETURN(uint32_t target, node(r.triple.o));
    Slot& p = terms.SlotOf(r.triple.p);
    if (p.predicate == kNone) p.predicate = tables.AddPredicate(r.triple.p, terms.TermAt(p).value);
    ExportEdge& e = tables.AddEdge(source, target, p.predicate, r.weight, support);
    if (r.evidence != 0) {
      e.evidence.assign(std::make_move_iterator(ev), std::make_move_iterator(ev + r.evidence));
    }
    if (options.progress && (graph.edges.size() & 0x3FFF) == 0) {
      options.progress(graph.edges.size(), total);
    }
  }
  if (options.progress) options.progress(graph.edges.size(), graph.edges.size());
  return tables.Finish();
}

}  // namespace kg::exporting
