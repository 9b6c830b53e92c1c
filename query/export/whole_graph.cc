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

// The terms of a build, sorted by id, and what the assembly knows of each:
// its node (or kLiteral), its first attribute triple and its predicate
// index. Each is an array indexed by id when the ids are dense enough (they
// usually are), else by the id's rank. The node array is apart from the
// others: edges look up their ends in it at random, and at 4 bytes a term
// it stays in cache.
class TermTable {
 public:
  // Reads the terms `each(fn)` names, calling fn(id) once per mention.
  template <typename ForEachId>
  Status Read(const Store& store, uint64_t mentions, ForEachId each) {
    TermId low = UINT64_MAX, high = 0;
    each([&](TermId id) {
      low = std::min(low, id);
      high = std::max(high, id);
    });
    std::vector<TermId> ids;
    if (low <= high && high - low < 8 * mentions) {
      // Dense ids (the usual case): a bitmap sorts and deduplicates the
      // millions of mentions in two linear passes, with no list of them.
      std::vector<bool> wanted(high - low + 1);
      each([&](TermId id) { wanted[id - low] = true; });
      for (uint64_t i = 0; i < wanted.size(); ++i) {
        if (wanted[i]) ids.push_back(low + i);
      }
    } else {
      ids.reserve(mentions);
      each([&](TermId id) { ids.push_back(id); });
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    KG_ASSIGN_OR_RETURN(terms_, store.GetTerms(ids));
    ids_ = std::move(ids);
    if (ids_.empty()) return Status::OK();
    base_ = ids_.front();
    uint64_t span = ids_.back() - base_ + 1;
    dense_ = span <= 4 * ids_.size() + 1024;
    size_t n = dense_ ? span : ids_.size();
    node_.assign(n, kNone);
    term_.assign(n, kNone);
    attrs_.assign(n, kNone);
    predicate_.assign(n, kNone);
    for (uint32_t i = 0; i < ids_.size(); ++i) {
      size_t at = dense_ ? ids_[i] - base_ : i;
      term_[at] = i;
      if (terms_[i].is_literal()) node_[at] = kLiteral;
    }
    return Status::OK();
  }
  // The position of `id` in the arrays. REQUIRES: `id` was read.
  size_t Pos(TermId id) const {
    if (dense_) return id - base_;
    return std::lower_bound(ids_.begin(), ids_.end(), id) - ids_.begin();
  }
  // Positions run from 0 to size(); IdAt(pos) is the id at one that holds
  // a term.
  size_t size() const { return node_.size(); }
  TermId IdAt(size_t pos) const { return dense_ ? base_ + pos : ids_[pos]; }
  void Prefetch(TermId id) const {
    if (dense_) __builtin_prefetch(&node_[id - base_]);
  }
  uint32_t& node(size_t pos) { return node_[pos]; }
  uint32_t& attrs(size_t pos) { return attrs_[pos]; }
  uint32_t& predicate(size_t pos) { return predicate_[pos]; }
  const Term& term(size_t pos) const { return terms_[term_[pos]]; }

 private:
  std::vector<TermId> ids_;
  std::vector<Term> terms_;
  std::vector<uint32_t> node_, term_, attrs_, predicate_;
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
  KG_RETURN_IF_ERROR(
      terms.Read(store, 3 * relations.size() + 2 * attrs.size(), [&](const auto& fn) {
        for (const Relation& r : relations) {
          fn(r.triple.s);
          fn(r.triple.p);
          fn(r.triple.o);
        }
        for (const Triple& t : attrs) {
          fn(t.s);
          fn(t.o);
        }
      }));
  for (size_t i = 0; i < attrs.size(); ++i) {
    if (i == 0 || attrs[i].s != attrs[i - 1].s) terms.attrs(terms.Pos(attrs[i].s)) = i;
  }

  // Node numbers are handed out in order of first appearance; the nodes
  // themselves are made afterwards, in id order, where their terms and
  // attribute triples are read sequentially rather than at random.
  ExportGraph& graph = tables.graph();
  uint32_t nodes = 0;
  auto node = [&](TermId id) {
    uint32_t& index = terms.node(terms.Pos(id));
    if (index == kNone || index == kLiteral) index = nodes++;
    return index;
  };

  graph.edges.reserve(relations.size());
  graph.edge_documents.reserve(docs.size());
  size_t next_doc = 0, next_evidence = 0, a = 0;
  for (size_t i = 0; i < relations.size() || a < attrs.size();) {
    // Subjects in ascending order, whether they have attributes, relations
    // or both; a subject's node comes before its objects' nodes.
    if (i == relations.size() || (a < attrs.size() && attrs[a].s <= relations[i].triple.s)) {
      TermId s = attrs[a].s;
      node(s);
      while (a < attrs.size() && attrs[a].s == s) ++a;
      continue;
    }
    const Relation& r = relations[i++];
    std::span<const uint32_t> support =
        std::span<const uint32_t>(docs).subspan(next_doc, r.documents);
    next_doc += r.documents;
    auto ev = evidence.begin() + static_cast<ptrdiff_t>(next_evidence);
    next_evidence += r.evidence;
    if (i + 8 < relations.size()) terms.Prefetch(relations[i + 8].triple.o);
    if (terms.node(terms.Pos(r.triple.o)) == kLiteral) continue;
    uint32_t source = node(r.triple.s);
    uint32_t target = node(r.triple.o);
    size_t p = terms.Pos(r.triple.p);
    uint32_t& predicate = terms.predicate(p);
    if (predicate == kNone) predicate = tables.AddPredicate(r.triple.p, terms.term(p).value);
    ExportEdge& e = tables.AddEdge(source, target, predicate, r.weight, support);
    if (r.evidence != 0) {
      e.evidence.assign(std::make_move_iterator(ev), std::make_move_iterator(ev + r.evidence));
    }
    if (options.progress && (graph.edges.size() & 0x3FFF) == 0) {
      options.progress(graph.edges.size(), total);
    }
  }

  graph.nodes.resize(nodes);
  auto term_of = [&](TermId id) -> Result<const Term*> { return &terms.term(terms.Pos(id)); };
  for (size_t pos = 0; pos < terms.size(); ++pos) {
    uint32_t index = terms.node(pos);
    if (index == kNone || index == kLiteral) continue;
    TermId id = terms.IdAt(pos);
    NodeAttrs a;
    for (size_t i = terms.attrs(pos); i < attrs.size() && attrs[i].s == id; ++i) {
      attributes.Apply(a, attrs[i]);
    }
    KG_ASSIGN_OR_RETURN(graph.nodes[index], MakeNode(terms.term(pos), a, term_of));
  }
  if (options.progress) options.progress(graph.edges.size(), graph.edges.size());
  return tables.Finish();
}

}  // namespace kg::exporting
