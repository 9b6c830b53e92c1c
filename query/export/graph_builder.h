// Fills an ExportGraph from a Store: the whole graph, an entity's
// neighbourhood, or a given set of triples (a query's matches).
//
// rdf:type, rdfs:label, skos:prefLabel and skos:altLabel triples become node
// attributes; every other triple whose object is an IRI or blank node is an
// edge. Edge weight is the number of supporting sentences (GetEvidence), or
// of supporting documents for triples loaded without sentences (RDF).
// Dates come from the supporting documents. The store is only read.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "kg/status.h"
#include "kg/store.h"
#include "query/export/export_graph.h"

namespace kg::exporting {

struct BuildOptions {
  // Keep evidence sentences on edges (the HTML viewer shows them); at most
  // `max_evidence` per edge so a much-repeated triple cannot bloat the file.
  bool evidence = false;
  size_t max_evidence = 20;
  // Called now and then with (edges built, edges expected or 0 when unknown).
  std::function<void(uint64_t, uint64_t)> progress;
};

// Every entity and every relation triple in the store.
Result<ExportGraph> BuildWholeGraph(const Store& store, const BuildOptions& options);

// The entities named `name` (FindByName: label or alias, case-insensitive) and
// everything within `depth` edges of them, following edges both ways.
// NotFound, with close names suggested, when nothing is named `name`.
Result<ExportGraph> BuildAround(const Store& store, std::string_view name, int depth,
                                const BuildOptions& options);

// Exactly `triples` (attribute triples among them are ignored as edges but
// their subjects become nodes), e.g. the triples a query's patterns matched.
Result<ExportGraph> BuildFromTriples(const Store& store, const std::vector<Triple>& triples,
                                     const BuildOptions& options);

// Every stored relation triple whose both ends are in `entities`, and those
// entities as nodes.
Result<ExportGraph> BuildAmong(const Store& store, const std::vector<TermId>& entities,
                               const BuildOptions& options);

}  // namespace kg::exporting
