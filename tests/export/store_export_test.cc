// `kg export` end to end: a real store built with PutDocument, the real kg
// binary, and every format handed to its real reader.
#include <gtest/gtest.h>

#include <regex>

#include "tests/export/consumer.h"
#include "tests/export/policy_store.h"

namespace kg::exporting::testing {
namespace {

using kg::testing::CliResult;
using kg::testing::ReadFile;
using kg::testing::RunKg;
using kg::testing::RunProgram;
using kg::testing::TempDir;

class StoreExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    BuildPolicyStore(*dir_ / "db");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  // Runs kg export FORMAT into a file and returns its path.
  std::string Export(const std::string& format, std::vector<std::string> extra = {}) {
    // Readers go by extension (kg load, Chromium).
    std::string ext = format == "ntriples" ? ".nt"
                      : format == "nquads" ? ".nq"
                      : format == "csv"    ? ""
                                           : "." + format;
    std::string out = *dir_ / ("out-" + std::to_string(counter_++) + ext);
    std::vector<std::string> args{"--db", *dir_ / "db", "export", "--format", format, "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    CliResult r = RunKg(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");  // no progress bar in a pipe
    return out;
  }
  std::string Counts(const std::string& python_reader, const std::string& path) {
    auto r = RunProgram({"/usr/bin/python3", "-c",
                         "import networkx as nx, sys\n"
                         "from networkx.readwrite import json_graph\n"
                         "import json\n"
                         "g = " +
                             python_reader +
                             "\n"
                             "print(g.number_of_nodes(), g.number_of_edges())\n",
                         path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  static TempDir* dir_;
  int counter_ = 0;
};
TempDir* StoreExportTest::dir_ = nullptr;

const std::string kExpected =
    std::to_string(kPolicyNodes) + " " + std::to_string(kPolicyEdges) + "\n";

TEST_F(StoreExportTest, GraphmlValidatesAndNetworkxCounts) {
  std::string path = Export("graphml");
  EXPECT_EQ(Counts("nx.read_graphml(sys.argv[1])", path), kExpected);
  std::string schemas = SchemaDir();
  if (schemas.empty()) GTEST_SKIP() << "../shared is absent";
  auto r = RunProgram(
      {"xmllint", "--nonet", "--noout", "--schema", schemas + "/graphml/1.1/graphml.xsd", path}, "",
      {"XML_CATALOG_FILES=" + schemas + "/graphml/1.1/catalog.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(StoreExportTest, GexfNetworkxCountsAndBothVersionsValidate) {
  std::string path = Export("gexf");
  EXPECT_EQ(Counts("nx.read_gexf(sys.argv[1])", path), kExpected);
  std::string schemas = SchemaDir();
  if (schemas.empty()) GTEST_SKIP() << "../shared is absent";
  // Official 1.2draft XSD on everything but the viz elements (see xml_formats_test).
  std::string plain = std::regex_replace(ReadFile(path), std::regex("<viz:[a-z]+ [^>]*/>"), "");
  kg::testing::WriteFile(path + ".plain", plain);
  auto r = RunProgram({"xmllint", "--nonet", "--noout", "--schema",
                       schemas + "/gexf/1.2draft/gexf.xsd", path + ".plain"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string v13 = Export("gexf", {"--gexf-version", "1.3"});
  r = RunProgram(
      {"xmllint", "--nonet", "--noout", "--relaxng", schemas + "/gexf/1.3/gexf.rng", v13});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(StoreExportTest, DotRenders) {
  auto r = RunProgram({"dot", "-Tsvg", Export("dot")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Acme &quot;Quoted&quot; &lt;Labs&gt; &amp; Co"), std::string::npos);
}

TEST_F(StoreExportTest, CytoscapeLoadsWithoutDanglingEdges) {
  std::string script =
      "const cytoscape = require(process.argv[1]);\n"
      "const d = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));\n"
      "const ids = new Set(d.elements.nodes.map(n => n.data.id));\n"
      "const dangling = d.elements.edges.filter(e => !ids.has(e.data.source) ||\n"
      "                                              !ids.has(e.data.target)).length;\n"
      "const cy = cytoscape({headless: true, elements: d.elements});\n"
      "console.log(cy.nodes().length, cy.edges().length, dangling);\n";
  auto r = RunProgram({"node", "-e", script, std::string(KG_SOURCE_DIR) + "/node_modules/cytoscape",
                       Export("cytoscape")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::to_string(kPolicyNodes) + " " + std::to_string(kPolicyEdges) + " 0\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(StoreExportTest, D3NetworkxCounts) {
  EXPECT_EQ(Counts("json_graph.node_link_graph(json.load(open(sys.argv[1])))", Export("d3")),
            kExpected);
}

TEST_F(StoreExportTest, CsvDirectory) {
  std::string dir = Export("csv");
  auto r = RunProgram({"/usr/bin/python3", "-c",
                       "import csv, sys\n"
                       "n = list(csv.DictReader(open(sys.argv[1] + '/nodes.csv', newline='')))\n"
                       "e = list(csv.DictReader(open(sys.argv[1] + '/edges.csv', newline='')))\n"
                       "print(len(n), len(e))\n",
                       dir});
  EXPECT_EQ(r.out, kExpected) << r.err;
}

TEST_F(StoreExportTest, MermaidKeepsEndQuoted) {
  std::string m = ReadFile(Export("mermaid"));
  EXPECT_NE(m.find("[\"end\"]:::t_Technology"), std::string::npos) << m;
  EXPECT_EQ(m.find("\nend"), std::string::npos);
}

TEST_F(StoreExportTest, NTriplesLoadBackIntoAStore) {
  std::string nt = Export("ntriples");
  TempDir fresh;
  CliResult r = RunKg({"--db", fresh / "db", "load", nt});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunKg({"--db", fresh / "db", "export", "--format", "d3", "-o", fresh / "g.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Counts("json_graph.node_link_graph(json.load(open(sys.argv[1])))", fresh / "g.json"),
            kExpected);
  std::string nq = ReadFile(Export("nquads"));
  EXPECT_NE(nq.find("<urn:kg:doc:doc-2> ."), std::string::npos);
}

TEST_F(StoreExportTest, HtmlViewerDrawsTheStore) {
  std::string path = Export("html", {"--title", "Policy <graph>"});
  std::string html = ReadFile(path);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("Beijing again funds end."), std::string::npos);  // evidence sentences
  auto r = RunProgram({"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                       "--disable-background-networking", "--disable-component-update",
                       "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                       "--user-data-dir=" + (*dir_ / "profile"), "--window-size=1280,800",
                       "--virtual-time-budget=5000", "--dump-dom", "file://" + path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("<span id=\"kg-rendered-nodes\">" + std::to_string(kPolicyNodes) + "</span>"),
      std::string::npos)
      << r.out.substr(0, 3000);
}

TEST_F(StoreExportTest, AroundAndStdout) {
  CliResult r =
      RunKg({"--db", *dir_ / "db", "export", "--format", "d3", "--around", "PRC", "--depth", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"links\""), std::string::npos);
  size_t links = 0;
  for (size_t p = r.out.find("\"predicate\""); p != std::string::npos;
       p = r.out.find("\"predicate\"", p + 1)) {
    ++links;
  }
  EXPECT_EQ(links, 3u);
}

}  // namespace
}  // namespace kg::exporting::testing
