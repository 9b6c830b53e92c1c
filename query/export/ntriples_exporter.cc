// N-Triples / N-Quads of the exported subgraph: node attribute triples
// (rdf:type, stored rdfs:label, skos:altLabel) and the edges. In N-Quads an
// edge is written once per supporting document, in graph urn:kg:doc:<id>.
#include "kg/vocab.h"
#include "query/export/formats.h"
#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

class NTriplesExporter : public Exporter {
 public:
  NTriplesExporter(const ExportOptions& options, bool quads) : options_(options), quads_(quads) {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    TextSink s(out);
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    for (const ExportNode& n : graph.nodes) {
      if (!n.type_iri.empty()) {
        Node(s, n.id);
        Iri(s, vocab::kRdfType);
        Iri(s, n.type_iri);
        s << ".\n";
      }
      if (n.label_stored) Literal(s, n.id, vocab::kRdfsLabel, n.label);
      for (const std::string& a : n.aliases) Literal(s, n.id, vocab::kSkosAltLabel, a);
      ticker.Tick();
    }
    std::string graph_iri;
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      graph.PrefetchEnds(i);
      const ExportEdge& e = graph.edges[i];
      if (!quads_ || e.document_count == 0) {
        Edge(s, graph, e);
        s << ".\n";
      } else {
        for (uint32_t d : graph.DocumentsOf(e)) {
          Edge(s, graph, e);
          graph_iri.assign(vocab::kDocumentNs);
          graph_iri += graph.documents[d].id;
          Iri(s, graph_iri);
          s << ".\n";
        }
      }
      ticker.Tick();
    }
    ticker.Done();
    return s.Finish();
  }

 private:
  static void Iri(TextSink& s, std::string_view iri) {
    s << '<';
    s.NtIri(iri);
    s << "> ";
  }
  static void Node(TextSink& s, std::string_view id) {
    if (id.starts_with("_:")) {
      s << id << ' ';
    } else {
      Iri(s, id);
    }
  }
  static void Literal(TextSink& s, std::string_view id, std::string_view pred,
                      std::string_view text) {
    Node(s, id);
    Iri(s, pred);
    s << '"';
    s.NtLiteral(text);
    s << "\" .\n";
  }
  static void Edge(TextSink& s, const ExportGraph& g, const ExportEdge& e) {
    Node(s, g.nodes[e.source].id);
    Iri(s, g.PredicateOf(e).iri);
    Node(s, g.nodes[e.target].id);
  }

  ExportOptions options_;
  bool quads_;
};

}  // namespace

std::unique_ptr<Exporter> NewNTriplesExporter(const ExportOptions& options, bool quads) {
  return std::make_unique<NTriplesExporter>(options, quads);
}

}  // namespace kg::exporting
