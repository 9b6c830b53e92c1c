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
  // Documents by id; the edges below name them by number.
  g.documents = {{"doc-1", "Report \"one\"", "2024-01-05"},
                 {"doc-2", "Two", "2025-03-05"},
                 {"doc-3", "", ""},
                 {"doc-4", "", ""},
                 {"doc-5", "", ""}};
  auto edge = [&](uint32_t s, uint32_t t, std::string p, uint64_t w, std::vector<uint32_t> docs) {
    ExportEdge& e = g.AddEdge(s, t, g.AddPredicate("urn:kg:pred:" + p), w, docs);
    e.evidence.push_back(
        {docs.empty() ? "" : g.documents[docs[0]].id, "China said \"</script>\" & more <!-- here"});
  };
  edge(0, 1, "funds", 3, {0, 1});
  edge(0, 1, "supports", 1, {0});  // parallel edge, other predicate
  edge(0, 5, "funds", 2, {1});
  edge(1, 2, "develops", 1, {2});
  edge(2, 3, "regulates", 1, {2});
  edge(3, 4, "end", 1, {3});  // a predicate named like a reserved word
  edge(4, 5, "part_of", 1, {3});
  edge(5, 5, "part_of", 1, {4});  // self-loop
  edge(6, 7, "based_in", 0, {});
  edge(7, 0, "restricts", 4, {0, 4});
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
