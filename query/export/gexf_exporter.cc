// GEXF 1.2draft (what networkx and Gephi read) or 1.3, with viz colour and
// shape per type. No xsi:schemaLocation: the official RELAX NG grammar
// rejects it.
#include "query/export/formats.h"
#include "query/export/style.h"
#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

struct Attr {
  std::string_view id, title, type;
};
constexpr Attr kNodeAttrs[] = {{"0", "iri", "string"},        {"1", "type", "string"},
                               {"2", "aliases", "string"},    {"3", "degree", "long"},
                               {"4", "first_date", "string"}, {"5", "last_date", "string"}};
constexpr Attr kEdgeAttrs[] = {{"0", "predicate", "string"}, {"1", "documents", "string"}};

class GexfExporter : public Exporter {
 public:
  explicit GexfExporter(const ExportOptions& options)
      : options_(options), v13_(options.gexf_version == "1.3") {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    TextSink s(out);
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (v13_) {
      s << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "version=\"1.3\">\n";
    } else {
      s << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
           "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n";
    }
    s << "  <meta><creator>kg</creator><description>";
    s.Xml(options_.title);
    s << "</description></meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n";
    Attributes(s, "node", kNodeAttrs);
    Attributes(s, "edge", kEdgeAttrs);
    s << "    <nodes>\n";
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
      const ExportNode& n = graph.nodes[i];
      const TypeStyle& st = StyleForType(n.type);
      s << "      <node id=\"n" << uint64_t{i} << "\" label=\"";
      s.Xml(n.label);
      s << "\"><attvalues>";
      Value(s, "0", n.id);
      if (!n.type.empty()) Value(s, "1", n.type);
      if (!n.aliases.empty()) Value(s, "2", JoinAliases(n));
      s << "<attvalue for=\"3\" value=\"" << n.degree << "\"/>";
      if (!n.first_date.empty()) {
        Value(s, "4", n.first_date);
        Value(s, "5", n.last_date);
      }
      s << "</attvalues><viz:color r=\"" << uint64_t{st.r} << "\" g=\"" << uint64_t{st.g}
        << "\" b=\"" << uint64_t{st.b} << "\"/><viz:shape value=\"" << st.gexf_shape
        << "\"/></node>\n";
      ticker.Tick();
    }
    s << "    </nodes>\n    <edges>\n";
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      const ExportEdge& e = graph.edges[i];
      s << "      <edge id=\"e" << uint64_t{i} << "\" source=\"n" << uint64_t{e.source}
        << "\" target=\"n" << uint64_t{e.target} << "\" label=\"";
      const std::string& predicate = graph.PredicateOf(e).name;
      s.Xml(predicate);
      // GEXF weights are positive floats; an edge always has at least one source.
      s << "\" weight=\"" << (e.weight == 0 ? uint64_t{1} : e.weight) << "\"><attvalues>";
      Value(s, "0", predicate);
      s << "<attvalue for=\"1\" value=\"";
      s.Documents(graph, e, &TextSink::Xml);
      s << "\"/>";
      s << "</attvalues></edge>\n";
      ticker.Tick();
    }
    s << "    </edges>\n  </graph>\n</gexf>\n";
    ticker.Done();
    return s.Finish();
  }

 private:
  template <size_t N>
  static void Attributes(TextSink& s, std::string_view cls, const Attr (&attrs)[N]) {
    s << "    <attributes class=\"" << cls << "\">\n";
    for (const Attr& a : attrs) {
      s << "      <attribute id=\"" << a.id << "\" title=\"" << a.title << "\" type=\"" << a.type
        << "\"/>\n";
    }
    s << "    </attributes>\n";
  }
  static void Value(TextSink& s, std::string_view id, std::string_view value) {
    s << "<attvalue for=\"" << id << "\" value=\"";
    s.Xml(value);
    s << "\"/>";
  }

  ExportOptions options_;
  bool v13_;
};

}  // namespace

std::unique_ptr<Exporter> NewGexfExporter(const ExportOptions& options) {
  return std::make_unique<GexfExporter>(options);
}

}  // namespace kg::exporting
