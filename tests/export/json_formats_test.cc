// Cytoscape.js JSON loaded by cytoscape.js itself in Node; D3 JSON read by
// networkx's node_link_graph.
#include <gtest/gtest.h>

#include "tests/export/consumer.h"
#include "tests/export/sample_graph.h"

namespace kg::exporting::testing {
namespace {

using kg::testing::RunProgram;
using kg::testing::TempDir;
using kg::testing::WriteFile;

TEST(CytoscapeTest, CytoscapeJsLoadsEveryElementWithoutDanglingEdges) {
  TempDir dir;
  std::string path = dir / "g.json";
  WriteFile(path, Render(SampleGraph(), "cytoscape"));
  std::string script =
      "const cytoscape = require(process.argv[1]);\n"
      "const data = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));\n"
      "const ids = new Set(data.elements.nodes.map(n => n.data.id));\n"
      "const dangling = data.elements.edges.filter(e => !ids.has(e.data.source) ||\n"
      "                                                 !ids.has(e.data.target)).length;\n"
      "const cy = cytoscape({headless: true, elements: data.elements});\n"
      "const china = cy.getElementById('urn:kg:entity:china');\n"
      "console.log(cy.nodes().length, cy.edges().length, dangling, china.outgoers('edge').length,\n"
      "            china.data('type'), china.data('aliases').join('|'));\n"
      "console.log(cy.getElementById('urn:kg:entity:script').data('label'));\n";
  auto r = RunProgram(
      {"node", "-e", script, std::string(KG_SOURCE_DIR) + "/node_modules/cytoscape", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "9 10 0 3 Country PRC|the \"Middle\" Kingdom\n"
            "</script><script>alert(1)</script><!--\n");
  EXPECT_EQ(r.err, "");  // cytoscape.js warns about edges to missing nodes
}

TEST(D3Test, NetworkxReadsNodeLinkJson) {
  TempDir dir;
  std::string path = dir / "g.json";
  WriteFile(path, Render(SampleGraph(), "d3"));
  std::string script =
      "import json, sys\n"
      "from networkx.readwrite import json_graph\n"
      "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "assert set(d) >= {'nodes', 'links'}\n"
      "g = json_graph.node_link_graph(d)\n"
      "print(g.number_of_nodes(), g.number_of_edges(), len(d['links']))\n"
      "print(g.nodes['urn:kg:entity:line']['label'].replace('\\n', '|'))\n";
  auto r = RunProgram({"/usr/bin/python3", "-c", script, path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "9 10 10\nfirst line|second line\n");
}

TEST(D3Test, BrokenUtf8BecomesReplacementCharacter) {
  ExportGraph g = SampleGraph();
  g.nodes[0].label = "bad \xC3(";
  std::string json = Render(g, "d3");
  EXPECT_NE(json.find("\"bad \xEF\xBF\xBD(\""), std::string::npos);
}

}  // namespace
}  // namespace kg::exporting::testing
