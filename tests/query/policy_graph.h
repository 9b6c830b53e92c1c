// A small tech-policy graph written into a real store through
// Store::PutDocument, the way the extractor writes documents: entities as
// urn:kg:entity: IRIs with rdfs:label and skos:altLabel names, types through
// rdf:type, relations with evidence sentences, dated documents.
#pragma once

#include <string>

#include "kg/store.h"

namespace kg::testing {

// Writes the graph into `store`. See policy_graph.cc for its contents.
Status WritePolicyGraph(Store* store);

// Creates (or reuses) a store at `dir` holding the graph.
Status BuildPolicyGraphStore(const std::string& dir);

}  // namespace kg::testing
