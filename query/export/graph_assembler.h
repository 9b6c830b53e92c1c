// GraphAssembler (internal to query/export/): turns triples into the nodes
// and edges of an ExportGraph, reading terms, attributes and support from a
// Store. Whole-graph builds hand it terms, attributes and support read in bulk
// beforehand; small builds let it read each one as it is first needed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kg/status.h"
#include "kg/store.h"
#include "query/export/export_graph.h"
#include "query/export/graph_builder.h"

namespace kg::exporting {

// What a node's attribute triples say, as term ids.
struct NodeAttrs {
  TermId label = kNoTerm;  // rdfs:label object
  TermId pref = kNoTerm;   // skos:prefLabel object
  TermId type = kNoTerm;   // rdf:type object
  std::vector<TermId> aliases;
};

// What supports one edge: documents as positions in the assembler's document
// list, the weight, and (for the viewer) some evidence sentences.
struct EdgeSupport {
  std::span<const uint32_t> documents;  // must outlive the AddEdge call
  uint64_t weight = 0;
  std::vector<ExportEvidence> evidence;
};

class GraphAssembler {
 public:
  GraphAssembler(const Store& store, const BuildOptions& options);

  // Looks up the attribute predicates and reads the document list.
  Status Init();
  // Replaces the document list (ordered by id), e.g. with the one
  // Store::ForEachSupport handed out, whose positions EdgeSupport uses.
  void UseDocuments(std::vector<DocumentInfo> docs);

  bool IsAttribute(TermId p) const {
    return p != kNoTerm && (p == type_ || p == label_ || p == pref_ || p == alt_);
  }
  // Whole-graph builds meet every attribute triple in their own scan and
  // hand each in here, before the first Node() call; nodes then take their
  // attributes from these instead of scanning for them.
  void AddAttribute(const Triple& t) { Apply(attrs_[t.s], t); }
  void set_attributes_complete() { preloaded_ = true; }
  // Term ids the preloaded attributes refer to (labels, types, aliases).
  void AppendAttributeTerms(std::vector<TermId>* ids) const;
  // Reads the terms of `ids` in one pass; looking them up later reads nothing.
  Status PreloadTerms(std::vector<TermId> ids);

  // The node for term `id`, created on first use.
  Result<uint32_t> Node(TermId id);
  // Every subject with a type or a label, whether or not it has edges.
  Status AddAttributedNodes();

  // Adds `t` as an edge unless it is an attribute triple (its subject becomes
  // a node), has a literal object, or was added before (when deduplicating).
  // Returns whether it became an edge. The first form reads the support.
  Result<bool> AddEdge(const Triple& t);
  Result<bool> AddEdge(const Triple& t, EdgeSupport support);

  // Whole-store scans meet each triple once; only other builds deduplicate.
  void set_deduplicate(bool on) { deduplicate_ = on; }
  void set_expected(uint64_t n) { expected_ = n; }
  void ReserveEdges(size_t n) { graph_.edges.reserve(n); }

  ExportGraph Finish();

 private:
  Result<TermId> Lookup(std::string_view iri);
  void Apply(NodeAttrs& a, const Triple& t) const;
  struct Slot {
    uint32_t term;  // index in terms_
    uint32_t node;  // index in graph_.nodes, kNoNode, or kLiteral
  };
  // The slot of a preloaded term; nullptr for other terms.
  Slot* SlotOf(TermId id);
  Result<const Term*> TermOf(TermId id);
  // Whether `t` becomes an edge; attribute triples make their subject a node.
  Result<bool> Admit(const Triple& t);
  Status Emit(const Triple& t, EdgeSupport support);
  uint32_t DocumentPosition(const std::string& id);

  const Store& store_;
  const BuildOptions& options_;
  TermId type_ = kNoTerm, label_ = kNoTerm, pref_ = kNoTerm, alt_ = kNoTerm;
  bool preloaded_ = false;
  bool deduplicate_ = true;
  uint64_t expected_ = 0;
  std::unordered_map<TermId, NodeAttrs> attrs_;
  // Preloaded terms, sorted by id, and a slot for each: indexed by id when
  // the ids are dense enough (they usually are), else found by binary search
  // in term_ids_. A slot answers the two questions asked twice per edge, its
  // node and whether it is a literal, in one memory access.
  static constexpr uint32_t kNoNode = UINT32_MAX;
  static constexpr uint32_t kLiteral = UINT32_MAX - 1;
  std::vector<TermId> term_ids_;
  std::vector<Term> terms_;
  std::vector<Slot> slots_;
  bool dense_ = false;
  TermId slot_base_ = 0;
  // Terms read one by one, for builds that did not preload.
  std::unordered_map<TermId, Term> read_terms_;
  std::unordered_map<TermId, uint32_t> node_index_;
  // Predicate id -> (IRI, local name).
  std::unordered_map<TermId, std::pair<std::string, std::string>> predicates_;
  struct TripleHash {
    size_t operator()(const Triple& t) const;
  };
  std::unordered_set<Triple, TripleHash> seen_;
  std::vector<ExportDocument> docs_;  // by id, then ids met only in support
  std::unordered_map<std::string, uint32_t> doc_positions_;
  std::vector<bool> referenced_;
  ExportGraph graph_;
};

}  // namespace kg::exporting
