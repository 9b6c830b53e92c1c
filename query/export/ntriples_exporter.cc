// N-Triples / N-Quads of the exported subgraph: node attribute triples
// (rdf:type, stored rdfs:label, skos:altLabel) and the edges. In N-Quads an
// edge is written once per supporting document, in graph urn:kg:doc:<id>.
#include "kg/vocab.h"
#include "query/export/formats.h"
#include "query/export/node_texts.h"
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
    NodeTexts ids(graph.nodes, [](TextSink& t, const ExportNode& n) { Node(t, n.id); });
    NodeTexts predicates(graph.predicates,
                         [](TextSink& t, const ExportPredicate& p) { Iri(t, p.iri); });
    std::string graph_iri;
    static const std::vector<ExportDocument> kNoDocuments;
    NodeTexts graphs(quads_ ? graph.documents : kNoDocuments,
                     [&](TextSink& t, const ExportDocument& d) {
                       graph_iri.assign(vocab::kDocumentNs);
                       graph_iri += d.id;
                       Iri(t, graph_iri);
                       t << ".\n";
                     });
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      ids.PrefetchEnds(graph.edges, i);
      const ExportEdge& e = graph.edges[i];
      if (!quads_ || e.document_count == 0) {
        s << ids[e.source] << predicates[e.predicate] << ids[e.target] << ".\n";
      } else {
        for (uint32_t d : graph.DocumentsOf(e)) {
          s << ids[e.source] << predicates[e.predicate] << ids[e.target] << graphs[d];
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

  ExportOptions options_;
  bool quads_;
};

}  // namespace

std::unique_ptr<Exporter> NewNTriplesExporter(const ExportOptions& options, bool quads) {
  return std::make_unique<NTriplesExporter>(options, quads);
}

}  // namespace kg::exporting
