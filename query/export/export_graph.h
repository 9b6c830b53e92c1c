// ExportGraph: the store-independent graph every exporter writes.
//
// Nodes are entities (or any IRI/blank node that is an edge end); edges are
// relation triples between them. Label, type and alias triples are node
// attributes, never edges. Exporters read only this model, so each format can
// be tested without a store; query/export/graph_builder.h fills it from one.
//
// A graph has millions of edges but few predicates and documents, so an edge
// names its predicate and documents by index into per-graph tables: no
// string is built or copied per edge.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kg::exporting {

struct ExportNode {
  std::string id;             // IRI, or "_:label" for a blank node
  std::string label;          // human label (rdfs:label, else the store's Label())
  std::string type;           // local name of its rdf:type ("Country"), empty when untyped
  std::string type_iri;       // the rdf:type object itself, for the RDF formats
  bool label_stored = false;  // label comes from an rdfs:label triple (not a fallback)
  std::vector<std::string> aliases;
  uint64_t degree = 0;     // edges of this graph touching the node (in + out)
  std::string first_date;  // earliest / latest date of a document supporting
  std::string last_date;   // one of its edges (YYYY-MM-DD), empty when unknown
};

// One sentence supporting an edge, for the HTML viewer.
struct ExportEvidence {
  std::string doc_id;
  std::string sentence;
};

struct ExportPredicate {
  std::string iri;   // full IRI, for the RDF formats
  std::string name;  // local name ("funds")
};

struct ExportEdge {
  uint32_t source = 0;           // index into ExportGraph::nodes
  uint32_t target = 0;           // index into ExportGraph::nodes
  uint32_t predicate = 0;        // index into ExportGraph::predicates
  uint32_t document_count = 0;   // supporting documents, from `documents_begin` on
  uint64_t documents_begin = 0;  // in ExportGraph::edge_documents
  uint64_t weight = 0;           // supporting sentences (documents when none have sentences)
  std::vector<ExportEvidence> evidence;  // filled only when the builder is asked to
};

struct ExportDocument {
  std::string id;
  std::string title;
  std::string date;
};

struct ExportGraph {
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
  std::vector<ExportPredicate> predicates;
  // Documents referenced by edges, ordered by id (the HTML viewer shows
  // titles and dates).
  std::vector<ExportDocument> documents;
  // Every edge's documents, as indexes into `documents`, edge after edge.
  std::vector<uint32_t> edge_documents;

  // The index of the predicate `iri`, added when new (a linear search: for
  // graphs built by hand; builders keep their own map).
  uint32_t AddPredicate(std::string_view iri);
  // Appends an edge supported by `docs` (indexes into `documents`).
  ExportEdge& AddEdge(uint32_t source, uint32_t target, uint32_t predicate, uint64_t weight,
                      std::span<const uint32_t> docs);

  const ExportPredicate& PredicateOf(const ExportEdge& e) const { return predicates[e.predicate]; }
  std::span<const uint32_t> DocumentsOf(const ExportEdge& e) const {
    return std::span<const uint32_t>(edge_documents).subspan(e.documents_begin, e.document_count);
  }
  // The documents' ids, for tests and small tools.
  std::vector<std::string> DocumentIds(const ExportEdge& e) const;

  // Sets every node's degree from the edges.
  void ComputeDegrees();
};

}  // namespace kg::exporting
