// Graphviz DOT. Node ids are the IRIs, quoted; every string goes through
// TextSink::Dot so quotes, backslashes and newlines cannot end a string early.
#include "query/export/formats.h"
#include "query/export/node_texts.h"
#include "query/export/style.h"
#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

class DotExporter : public Exporter {
 public:
  explicit DotExporter(const ExportOptions& options) : options_(options) {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    TextSink s(out);
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    s << "digraph \"";
    s.Dot(options_.title);
    s << "\" {\n  graph [charset=\"UTF-8\", overlap=false, splines=true];\n"
         "  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#888888\"];\n";
    for (const ExportNode& n : graph.nodes) {
      const TypeStyle& st = StyleForType(n.type);
      s << "  \"";
      s.Dot(n.id);
      s << "\" [label=\"";
      s.Dot(n.label);
      s << "\", type=\"";
      s.Dot(n.type);
      s << "\", shape=" << st.dot_shape << ", fillcolor=\"" << st.hex << "\"";
      if (!n.aliases.empty()) {
        s << ", aliases=\"";
        s.Dot(JoinAliases(n));
        s << "\"";
      }
      s << ", degree=" << n.degree;
      if (!n.first_date.empty()) {
        s << ", first_date=\"";
        s.Dot(n.first_date);
        s << "\", last_date=\"";
        s.Dot(n.last_date);
        s << "\"";
      }
      s << "];\n";
      ticker.Tick();
    }
    NodeTexts ids(graph.nodes, [](TextSink& t, const ExportNode& n) { t.Dot(n.id); });
    NodeTexts labels(graph.predicates, [](TextSink& t, const ExportPredicate& p) {
      t << "\" [label=\"";
      t.Dot(p.name);
      t << "\", predicate=\"";
      t.Dot(p.name);
      t << "\", weight=";
    });
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      ids.PrefetchEnds(graph.edges, i);
      const ExportEdge& e = graph.edges[i];
      s << "  \"" << ids[e.source] << "\" -> \"" << ids[e.target] << labels[e.predicate];
      s << e.weight << ", documents=\"";
      s.Documents(graph, e, &TextSink::Dot);
      s << "\"];\n";
      ticker.Tick();
    }
    s << "}\n";
    ticker.Done();
    return s.Finish();
  }

 private:
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewDotExporter(const ExportOptions& options) {
  return std::make_unique<DotExporter>(options);
}

}  // namespace kg::exporting
