// The IRIs kg mints and the standard vocabularies it reads.
//
// Extracted entities live under urn:kg:entity:, schema predicates under
// urn:kg:pred:, entity types under urn:kg:type:. A query names predicates and
// types by their local name, so "funds" is urn:kg:pred:funds.
#pragma once

#include <string>
#include <string_view>

namespace kg::vocab {

inline constexpr std::string_view kEntityNs = "urn:kg:entity:";
inline constexpr std::string_view kPredicateNs = "urn:kg:pred:";
inline constexpr std::string_view kTypeNs = "urn:kg:type:";
inline constexpr std::string_view kDocumentNs = "urn:kg:doc:";

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kSkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view kSkosAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view kOwlSameAs = "http://www.w3.org/2002/07/owl#sameAs";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kWikidataEntityNs = "http://www.wikidata.org/entity/";

// "Quantum technology" -> "urn:kg:entity:quantum-technology". Lower-cases ASCII,
// keeps other UTF-8 as is (percent-encoding what IRIs forbid), joins words with '-'.
std::string EntityIri(std::string_view canonical_label);
inline std::string PredicateIri(std::string_view name) {
  return std::string(kPredicateNs) + std::string(name);
}
inline std::string TypeIri(std::string_view name) {
  return std::string(kTypeNs) + std::string(name);
}

// The part of an IRI after its last '#', '/' or ':' ("funds" for urn:kg:pred:funds).
std::string_view LocalName(std::string_view iri);

}  // namespace kg::vocab
