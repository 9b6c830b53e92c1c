// Mermaid flowchart. Node ids are generated ("n0", "n1", ...), so no label
// can collide with Mermaid's reserved words (end, graph, subgraph, click,
// style, class, ...); labels are always quoted and entity-escaped.
#include "query/export/formats.h"
#include "query/export/style.h"
#include "query/export/text_sink.h"

#include <map>

namespace kg::exporting {
namespace {

// "Country" -> "t_Country"; anything but [A-Za-z0-9] becomes '_'.
std::string ClassName(std::string_view type) {
  std::string out = "t_";
  for (char c : type) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out.push_back(word ? c : '_');
  }
  if (type.empty()) out += "none";
  return out;
}

class MermaidExporter : public Exporter {
 public:
  explicit MermaidExporter(const ExportOptions& options) : options_(options) {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    TextSink s(out);
    ProgressTicker ticker(options_.progress, graph.nodes.size() + graph.edges.size());
    std::map<std::string, std::string_view> classes;  // class name -> colour
    s << "flowchart LR\n";
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
      const ExportNode& n = graph.nodes[i];
      std::string cls = ClassName(n.type);
      s << "  n" << uint64_t{i} << "[\"";
      s.Mermaid(n.label);
      s << "\"]:::" << cls << '\n';
      classes.emplace(std::move(cls), StyleForType(n.type).hex);
      ticker.Tick();
    }
    for (const ExportEdge& e : graph.edges) {
      s << "  n" << uint64_t{e.source} << " -->|\"";
      s.Mermaid(graph.PredicateOf(e).name);
      s << "\"| n" << uint64_t{e.target} << '\n';
      ticker.Tick();
    }
    for (const auto& [cls, hex] : classes) {
      s << "  classDef " << cls << " fill:" << hex << ",stroke:#333,color:#000\n";
    }
    ticker.Done();
    return s.Finish();
  }

 private:
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewMermaidExporter(const ExportOptions& options) {
  return std::make_unique<MermaidExporter>(options);
}

}  // namespace kg::exporting
