#include "tests/export/sample_graph.h"

#include <sstream>
#include <stdexcept>

namespace kg::exporting::testing {

ExportGraph SampleGraph() {
  ExportGraph g;
  auto node = [&](std::string id, std::string label, std::string type,
                  std::vector<std::string> aliases = {}) {
    ExportNode n;
    n.id = std::move(id);
    n.label = std::move(label);
    n.type = type;
    if (!type.empty()) n.type_iri = "urn:kg:type:" + type;
    n.label_stored = true;
    n.aliases = std::move(aliases);
    n.first_date = "2024-01-05";
    n.last_date = "2025-03-05";
    g.nodes.push_back(std::move(n));
  };
  node("urn:kg:entity:china", "China", "Country", {"PRC", "the \"Middle\" Kingdom"});
  node("urn:kg:entity:a-b", "R&D <labs> & \"friends\"", "Institute");
  node("urn:kg:entity:line", "first line\nsecond line", "Policy");
  node("urn:kg:entity:z%C3%BCrich", "Zürich 北京 — ümlaut ✓", "Place");
  node("urn:kg:entity:script", "</script><script>alert(1)</script><!--", "Product");
  node("urn:kg:entity:end", "end", "Technology", {"graph", "subgraph"});
  node("urn:kg:entity:back", "back\\slash 'single' \t tab", "Company");
  node("_:b0", "blank node", "");
  node("urn:kg:entity:alone", "isolated", "Goal");
  auto edge = [&](uint32_t s, uint32_t t, std::string p, uint64_t w,
                  std::vector<std::string> docs) {
    ExportEdge e;
    e.source = s;
    e.target = t;
    e.predicate = p;
    e.predicate_iri = "urn:kg:pred:" + p;
    e.weight = w;
    e.documents = std::move(docs);
    e.evidence.push_back(
        {e.documents.empty() ? "" : e.documents[0], "China said \"</script>\" & more <!-- here"});
    g.edges.push_back(std::move(e));
  };
  edge(0, 1, "funds", 3, {"doc-1", "doc-2"});
  edge(0, 1, "supports", 1, {"doc-1"});  // parallel edge, other predicate
  edge(0, 5, "funds", 2, {"doc-2"});
  edge(1, 2, "develops", 1, {"doc-3"});
  edge(2, 3, "regulates", 1, {"doc-3"});
  edge(3, 4, "end", 1, {"doc-4"});  // a predicate named like a reserved word
  edge(4, 5, "part_of", 1, {"doc-4"});
  edge(5, 5, "part_of", 1, {"doc-5"});  // self-loop
  edge(6, 7, "based_in", 0, {});
  edge(7, 0, "restricts", 4, {"doc-1", "doc-5"});
  g.documents = {{"doc-1", "Report \"one\"", "2024-01-05"}, {"doc-2", "Two", "2025-03-05"}};
  g.ComputeDegrees();
  return g;
}

std::string Render(const ExportGraph& graph, const std::string& format,
                   const ExportOptions& options) {
  auto exporter = MakeExporter(format, options);
  if (!exporter.ok()) throw std::runtime_error(exporter.status().ToString());
  std::ostringstream out;
  Status st = (*exporter)->Write(graph, out);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return out.str();
}

}  // namespace kg::exporting::testing
