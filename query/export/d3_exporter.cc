// D3 node-link JSON {nodes, links}; links name their ends by node id, which
// is also what networkx's node_link_graph reads.
#include "query/export/formats.h"
#include "query/export/json_sink.h"
#include "query/export/style.h"
#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

class D3Exporter : public Exporter {
 public:
  explicit D3Exporter(const ExportOptions& options) : options_(options) {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    JsonSink w(out, /*html_safe=*/false);
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    w.Raw("{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":").String(options_.title);
    w.Raw("},\"nodes\":[");
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
      const ExportNode& n = graph.nodes[i];
      w.Raw(i == 0 ? "{" : ",{");
      JsonNodeNames(w, n);
      w.Raw(",\"group\":").String(n.type).Raw(",\"color\":").String(StyleForType(n.type).hex);
      JsonNodeFacts(w, n);
      w.Raw("}");
      ticker.Tick();
    }
    w.Raw("],\"links\":[");
    JsonEdgeTexts texts(graph, /*html_safe=*/false);
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      texts.ids.PrefetchEnds(graph.edges, i);
      w.Raw(i == 0 ? "{" : ",{");
      JsonEdgeFacts(w, graph, texts, graph.edges[i]);
      w.Raw("}");
      ticker.Tick();
    }
    w.Raw("]}\n");
    ticker.Done();
    return w.Finish();
  }

 private:
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewD3Exporter(const ExportOptions& options) {
  return std::make_unique<D3Exporter>(options);
}

}  // namespace kg::exporting
