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
    JsonSink sink(out, /*html_safe=*/false);
    JsonWriter w(sink.buffer());
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    w.StartObject();
    w.Key("directed");
    w.Bool(true);
    w.Key("multigraph");
    w.Bool(true);
    w.Key("graph");
    w.StartObject();
    w.Key("name");
    JsonString(w, options_.title);
    w.EndObject();
    w.Key("nodes");
    w.StartArray();
    for (const ExportNode& n : graph.nodes) {
      w.StartObject();
      JsonNodeNames(w, n);
      w.Key("group");
      JsonString(w, n.type);
      w.Key("color");
      const std::string_view hex = StyleForType(n.type).hex;
      w.String(hex.data(), static_cast<rapidjson::SizeType>(hex.size()));
      JsonNodeFacts(w, n);
      w.EndObject();
      sink.MaybeFlush();
      ticker.Tick();
    }
    w.EndArray();
    w.Key("links");
    w.StartArray();
    for (size_t i = 0; i < graph.edges.size(); ++i) {
      graph.PrefetchEnds(i);
      const ExportEdge& e = graph.edges[i];
      w.StartObject();
      JsonEdgeFacts(w, graph, e);
      w.EndObject();
      sink.MaybeFlush();
      ticker.Tick();
    }
    w.EndArray();
    w.EndObject();
    sink.Raw("\n");
    ticker.Done();
    return sink.Finish();
  }

 private:
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewD3Exporter(const ExportOptions& options) {
  return std::make_unique<D3Exporter>(options);
}

}  // namespace kg::exporting
