// GraphML 1.1 with a declared <key> per attribute. Node ids are "n<index>"
// (GraphML ids are NMTOKENs, which IRIs are not); the IRI is the "iri" key.
#include "query/export/formats.h"
#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

struct Key {
  std::string_view id, domain, type;
};
constexpr Key kKeys[] = {
    {"iri", "node", "string"},       {"label", "node", "string"},
    {"type", "node", "string"},      {"aliases", "node", "string"},
    {"degree", "node", "long"},      {"first_date", "node", "string"},
    {"last_date", "node", "string"}, {"predicate", "edge", "string"},
    {"weight", "edge", "double"},    {"documents", "edge", "string"},
};

class GraphmlExporter : public Exporter {
 public:
  explicit GraphmlExporter(const ExportOptions& options) : options_(options) {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    TextSink s(out);
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (const Key& k : kKeys) {
      s << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.id
        << "\" attr.type=\"" << k.type << "\"/>\n";
    }
    s << "  <graph id=\"G\" edgedefault=\"directed\">\n";
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
      const ExportNode& n = graph.nodes[i];
      s << "    <node id=\"n" << uint64_t{i} << "\">";
      Data(s, "iri", n.id);
      Data(s, "label", n.label);
      if (!n.type.empty()) Data(s, "type", n.type);
      if (!n.aliases.empty()) Data(s, "aliases", JoinAliases(n));
      s << "<data key=\"degree\">" << n.degree << "</data>";
      if (!n.first_date.empty()) {
        Data(s, "first_date", n.first_date);
        Data(s, "last_date", n.last_date);
      }
      s << "</node>\n";
      ticker.Tick();
    }
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      const ExportEdge& e = graph.edges[i];
      s << "    <edge id=\"e" << uint64_t{i} << "\" source=\"n" << uint64_t{e.source}
        << "\" target=\"n" << uint64_t{e.target} << "\">";
      Data(s, "predicate", graph.PredicateOf(e).name);
      s << "<data key=\"weight\">" << e.weight << "</data><data key=\"documents\">";
      s.Documents(graph, e, &TextSink::Xml);
      s << "</data>";
      s << "</edge>\n";
      ticker.Tick();
    }
    s << "  </graph>\n</graphml>\n";
    ticker.Done();
    return s.Finish();
  }

 private:
  static void Data(TextSink& s, std::string_view key, std::string_view value) {
    s << "<data key=\"" << key << "\">";
    s.Xml(value);
    s << "</data>";
  }
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewGraphmlExporter(const ExportOptions& options) {
  return std::make_unique<GraphmlExporter>(options);
}

}  // namespace kg::exporting
