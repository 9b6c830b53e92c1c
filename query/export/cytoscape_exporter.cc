// Cytoscape.js elements JSON (also what networkx's cytoscape_graph reads).
#include <charconv>

#include "query/export/formats.h"
#include "query/export/json_sink.h"
#include "query/export/style.h"
#include "query/export/text_sink.h"

namespace kg::exporting {

void WriteCytoscapeDocument(const ExportGraph& graph, JsonSink& sink, bool evidence,
                            const ExportOptions& options) {
  JsonWriter w(sink.buffer());
  ProgressTicker ticker(options.progress, graph.nodes.size() + graph.edges.size());
  w.StartObject();
  w.Key("data");
  w.StartObject();
  w.Key("name");
  JsonString(w, options.title);
  w.EndObject();
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  w.Key("elements");
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (const ExportNode& n : graph.nodes) {
    const TypeStyle& st = StyleForType(n.type);
    w.StartObject();
    w.Key("data");
    w.StartObject();
    JsonNodeNames(w, n);
    JsonNodeFacts(w, n);
    w.Key("color");
    w.String(st.hex.data(), static_cast<rapidjson::SizeType>(st.hex.size()));
    w.Key("shape");
    w.String(st.cy_shape.data(), static_cast<rapidjson::SizeType>(st.cy_shape.size()));
    w.EndObject();
    w.EndObject();
    sink.MaybeFlush();
    ticker.Tick();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  char id[24];
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    graph.PrefetchEnds(i);
    const ExportEdge& e = graph.edges[i];
    w.StartObject();
    w.Key("data");
    w.StartObject();
    w.Key("id");
    id[0] = 'e';
    char* end = std::to_chars(id + 1, id + sizeof id, i).ptr;
    w.String(id, static_cast<rapidjson::SizeType>(end - id));
    JsonEdgeFacts(w, graph, e);
    if (evidence) {
      w.Key("evidence");
      w.StartArray();
      for (const ExportEvidence& ev : e.evidence) {
        w.StartArray();
        JsonString(w, ev.doc_id);
        JsonString(w, ev.sentence);
        w.EndArray();
      }
      w.EndArray();
    }
    w.EndObject();
    w.EndObject();
    sink.MaybeFlush();
    ticker.Tick();
  }
  w.EndArray();
  w.EndObject();
  if (evidence) {
    w.Key("documents");
    w.StartObject();
    for (const ExportDocument& d : graph.documents) {
      w.Key(d.id.data(), static_cast<rapidjson::SizeType>(d.id.size()));
      w.StartArray();
      JsonString(w, d.title);
      JsonString(w, d.date);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndObject();
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
