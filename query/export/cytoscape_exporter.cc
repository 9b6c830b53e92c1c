// Cytoscape.js elements JSON (also what networkx's cytoscape_graph reads).
#include <charconv>

#include "query/export/formats.h"
#include "query/export/json_sink.h"
#include "query/export/style.h"
#include "query/export/text_sink.h"

namespace kg::exporting {

void WriteCytoscapeDocument(const ExportGraph& graph, JsonSink& w, bool evidence,
                            const ExportOptions& options) {
  ProgressTicker ticker(options.progress, graph.nodes.size() + graph.edges.size());
  w.Raw("{\"data\":{\"name\":").String(options.title);
  w.Raw("},\"directed\":true,\"multigraph\":true,\"elements\":{\"nodes\":[");
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const ExportNode& n = graph.nodes[i];
    const TypeStyle& st = StyleForType(n.type);
    w.Raw(i == 0 ? "{\"data\":{" : ",{\"data\":{");
    JsonNodeNames(w, n);
    JsonNodeFacts(w, n);
    w.Raw(",\"color\":").String(st.hex).Raw(",\"shape\":").String(st.cy_shape).Raw("}}");
    ticker.Tick();
  }
  w.Raw("],\"edges\":[");
  JsonEdgeTexts texts(graph, w.html_safe());
  char id[24];
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    texts.ids.PrefetchEnds(graph.edges, i);
    const ExportEdge& e = graph.edges[i];
    w.Raw(i == 0 ? "{\"data\":{\"id\":\"e" : ",{\"data\":{\"id\":\"e");
    w.Raw(std::string_view(id, std::to_chars(id, id + sizeof id, i).ptr - id)).Raw("\",");
    JsonEdgeFacts(w, graph, texts, e);
    if (evidence) {
      w.Raw(",\"evidence\":[");
      for (size_t k = 0; k < e.evidence.size(); ++k) {
        w.Raw(k == 0 ? "[" : ",[").String(e.evidence[k].doc_id).Raw(",");
        w.String(e.evidence[k].sentence).Raw("]");
      }
      w.Raw("]");
    }
    w.Raw("}}");
    ticker.Tick();
  }
  w.Raw("]}");
  if (evidence) {
    w.Raw(",\"documents\":{");
    for (size_t i = 0; i < graph.documents.size(); ++i) {
      const ExportDocument& d = graph.documents[i];
      if (i) w.Raw(",");
      w.Key(d.id).Raw("[").String(d.title).Raw(",").String(d.date).Raw("]");
    }
    w.Raw("}");
  }
  w.Raw("}");
  ticker.Done();
}

namespace {

class CytoscapeExporter : public Exporter {
 public:
  explicit CytoscapeExporter(const ExportOptions& options) : options_(options) {}
  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    JsonSink sink(out, /*html_safe=*/false);
    WriteCytoscapeDocument(graph, sink, /*evidence=*/false, options_);
    sink.Raw("\n");
    return sink.Finish();
  }

 private:
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewCytoscapeExporter(const ExportOptions& options) {
  return std::make_unique<CytoscapeExporter>(options);
}

}  // namespace kg::exporting
