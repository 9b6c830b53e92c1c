// ExportGraph: the store-independent graph every exporter writes.
//
// Nodes are entities (or any IRI/blank node that is an edge end); edges are
// relation triples between them. Label, type and alias triples are node
// attributes, never edges. Exporters read only this model, so each format can
// be tested without a store; query/export/graph_builder.h fills it from one.
#pragma once

#include <cstdint>
#include <string>
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

struct ExportEdge {
  uint32_t source = 0;                 // index into ExportGraph::nodes
  uint32_t target = 0;                 // index into ExportGraph::nodes
  std::string predicate;               // local name ("funds")
  std::string predicate_iri;           // full IRI, for the RDF formats
  uint64_t weight = 0;                 // supporting sentences (documents when none have sentences)
  std::vector<std::string> documents;  // supporting document ids
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
  // Documents referenced by edges (HTML viewer shows titles and dates).
  std::vector<ExportDocument> documents;

  // Sets every node's degree from the edges.
  void ComputeDegrees();

  // Exporters that write node ids on every edge call this before edge i:
  // edges point at random nodes, and without it each id is a cache miss.
  void PrefetchEnds(size_t i) const {
    if (i + 16 < edges.size()) {
      __builtin_prefetch(&nodes[edges[i + 16].source]);
      __builtin_prefetch(&nodes[edges[i + 16].target]);
    }
    if (i + 8 < edges.size()) {
      __builtin_prefetch(nodes[edges[i + 8].source].id.data());
      __builtin_prefetch(nodes[edges[i + 8].target].id.data());
    }
  }
};

}  // namespace kg::exporting
