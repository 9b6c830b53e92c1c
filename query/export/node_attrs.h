// Node attributes (internal to query/export/): which predicates make a triple
// an attribute instead of an edge, what a node's attribute triples say, and
// the ExportNode they make. Every build uses these, so a node reads the same
// whichever way the graph was read.
#pragma once

#include <vector>

#include "kg/status.h"
#include "kg/store.h"
#include "kg/vocab.h"
#include "query/export/export_graph.h"

namespace kg::exporting {

// What a node's attribute triples say, as term ids.
struct NodeAttrs {
  TermId label = kNoTerm;  // rdfs:label object
  TermId pref = kNoTerm;   // skos:prefLabel object
  TermId type = kNoTerm;   // rdf:type object
  std::vector<TermId> aliases;
};

// The attribute predicates' ids in one store (kNoTerm for those it lacks).
struct AttributePredicates {
  TermId type = kNoTerm, label = kNoTerm, pref = kNoTerm, alt = kNoTerm;

  Status Lookup(const Store& store);
  bool IsAttribute(TermId p) const {
    return p != kNoTerm && (p == type || p == label || p == pref || p == alt);
  }
  // Adds what `t` (an attribute triple of the node) says: the first type,
  // label and preferred label in index order, every alias.
  void Apply(NodeAttrs& a, const Triple& t) const;
};

// The node for `term` with attributes `a`; `term_of(id)` answers the terms
// the attributes name, as Result<const Term*>.
template <typename TermOf>
Result<ExportNode> MakeNode(const Term& term, const NodeAttrs& a, TermOf&& term_of);

// The label Store::Label gives a term without label triples.
std::string FallbackLabel(const Term& term);

template <typename TermOf>
Result<ExportNode> MakeNode(const Term& term, const NodeAttrs& a, TermOf&& term_of) {
  ExportNode n;
  n.id = term.is_blank() ? "_:" + term.value : term.value;
  TermId label = a.label != kNoTerm ? a.label : a.pref;
  if (label != kNoTerm) {
    KG_ASSIGN_OR_RETURN(const Term* t, term_of(label));
    n.label = t->value;
    n.label_stored = a.label != kNoTerm;
  } else {
    n.label = FallbackLabel(term);
  }
  if (a.type != kNoTerm) {
    KG_ASSIGN_OR_RETURN(const Term* t, term_of(a.type));
    n.type_iri = t->value;
    n.type = std::string(vocab::LocalName(n.type_iri));
  }
  for (TermId alias : a.aliases) {
    KG_ASSIGN_OR_RETURN(const Term* t, term_of(alias));
    n.aliases.push_back(t->value);
  }
  return n;
}

}  // namespace kg::exporting
