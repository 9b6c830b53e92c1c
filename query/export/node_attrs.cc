#include "query/export/node_attrs.h"

namespace kg::exporting {
namespace {

Result<TermId> LookupIri(const Store& store, std::string_view iri) {
  Result<TermId> id = store.FindTerm(Term::Iri(std::string(iri)));
  if (id.ok()) return id;
  if (id.status().IsNotFound()) return kNoTerm;
  return id.status();
}

}  // namespace

Status AttributePredicates::Lookup(const Store& store) {
  KG_ASSIGN_OR_RETURN(type, LookupIri(store, vocab::kRdfType));
  KG_ASSIGN_OR_RETURN(label, LookupIri(store, vocab::kRdfsLabel));
  KG_ASSIGN_OR_RETURN(pref, LookupIri(store, vocab::kSkosPrefLabel));
  KG_ASSIGN_OR_RETURN(alt, LookupIri(store, vocab::kSkosAltLabel));
  return Status::OK();
}

void AttributePredicates::Apply(NodeAttrs& a, const Triple& t) const {
  if (t.p == type) {
    if (a.type == kNoTerm) a.type = t.o;
  } else if (t.p == label) {
    if (a.label == kNoTerm) a.label = t.o;
  } else if (t.p == pref) {
    if (a.pref == kNoTerm) a.pref = t.o;
  } else if (t.p == alt) {
    a.aliases.push_back(t.o);
  }
}

std::string FallbackLabel(const Term& term) {
  return term.is_iri() ? std::string(vocab::LocalName(term.value)) : term.value;
}

}  // namespace kg::exporting
