// GraphML and GEXF: validated against the official schemas with xmllint and
// read back by networkx with the right counts and labels.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "tests/export/consumer.h"
#include "tests/export/sample_graph.h"

namespace kg::exporting::testing {
namespace {

using kg::testing::RunProgram;
using kg::testing::TempDir;
using kg::testing::WriteFile;

// The labels networkx should read back, one per line, newlines as "\n".
std::string ExpectedLabels(const ExportGraph& g) {
  std::vector<std::string> labels;
  for (const ExportNode& n : g.nodes) {
    std::string l;
    for (char c : n.label) l += c == '\n' ? std::string("\\n") : std::string(1, c);
    labels.push_back(l);
  }
  std::sort(labels.begin(), labels.end());
  std::string out;
  for (const std::string& l : labels) out += l + "\n";
  return out;
}

// networkx prints "nodes edges" then the sorted labels.
std::string NetworkxRead(const std::string& reader, const std::string& path) {
  std::string script =
      "import networkx as nx, sys\n"
      "g = nx." +
      reader +
      "(sys.argv[1])\n"
      "print(g.number_of_nodes(), g.number_of_edges())\n"
      "for l in sorted(str(d.get('label')).replace('\\n', '\\\\n') for _, d in "
      "g.nodes(data=True)):\n"
      "    print(l)\n";
  auto r = RunProgram({"/usr/bin/python3", "-c", script, path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(GraphmlTest, ValidatesAgainstGraphml11Schema) {
  std::string schemas = SchemaDir();
  if (schemas.empty()) GTEST_SKIP() << "../shared is absent";
  TempDir dir;
  std::string path = dir / "g.graphml";
  WriteFile(path, Render(SampleGraph(), "graphml"));
  auto r = RunProgram(
      {"xmllint", "--nonet", "--noout", "--schema", schemas + "/graphml/1.1/graphml.xsd", path}, "",
      {"XML_CATALOG_FILES=" + schemas + "/graphml/1.1/catalog.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("validates"), std::string::npos) << r.err;
}

TEST(GraphmlTest, DeclaresEveryKeyItUses) {
  std::string xml = Render(SampleGraph(), "graphml");
  for (std::string key : {"iri", "label", "type", "aliases", "degree", "first_date", "last_date",
                          "predicate", "weight", "documents"}) {
    EXPECT_NE(xml.find("<key id=\"" + key + "\""), std::string::npos) << key;
  }
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
}

TEST(GraphmlTest, NetworkxReadsNodesEdgesAndLabels) {
  ExportGraph g = SampleGraph();
  TempDir dir;
  std::string path = dir / "g.graphml";
  WriteFile(path, Render(g, "graphml"));
  EXPECT_EQ(NetworkxRead("read_graphml", path), "9 10\n" + ExpectedLabels(g));
}

// The 1.2draft XSD shipped with GEXF was generated from the RELAX NG source
// and lost the viz namespace on its way: it expects <color>, <size>... in the
// gexf namespace, while the spec, Gephi and networkx put them in
// http://www.gexf.net/1.2draft/viz (no GEXF file with viz data passes it).
// So the export is checked twice: the official XSD on the file without its
// viz:* elements, and a copy of the schema with that one mistake corrected
// (viz elements declared in the viz namespace) on the whole file.
std::string FixedGexf12Schema(const TempDir& dir, const std::string& schemas) {
  std::string fixed = dir / "gexf12";
  std::filesystem::create_directory(fixed);
  for (const char* f :
       {"gexf.xsd", "data.xsd", "dynamics.xsd", "hierarchy.xsd", "phylogenics.xsd", "viz.xsd"}) {
    std::string text = kg::testing::ReadFile(schemas + "/gexf/1.2draft/" + f);
    auto replace = [&](const std::string& from, const std::string& to) {
      size_t p = text.find(from);
      EXPECT_NE(p, std::string::npos) << f << ": " << from;
      if (p != std::string::npos) text.replace(p, from.size(), to);
    };
    if (std::string(f) == "data.xsd") {
      replace("<xs:element ref=\"ns1:color\"/>", "<xs:element ref=\"viz:color\"/>");
      replace("<xs:element ref=\"ns1:size\"/>", "<xs:element ref=\"viz:size\"/>");
      replace("<xs:element name=\"shape\" type=\"viz:node-shape-content\"/>",
              "<xs:element ref=\"viz:shape\"/>");
    }
    if (std::string(f) == "viz.xsd") {
      replace("<xs:element name=\"spells\"",
              "<xs:element name=\"color\" type=\"viz:color-content\"/>"
              "<xs:element name=\"size\" type=\"viz:size-content\"/>"
              "<xs:element name=\"shape\" type=\"viz:node-shape-content\"/>"
              "<xs:element name=\"spells\"");
    }
    WriteFile(fixed + "/" + f, text);
  }
  return fixed + "/gexf.xsd";
}

TEST(GexfTest, Gexf12DraftValidatesAgainstXsd) {
  std::string schemas = SchemaDir();
  if (schemas.empty()) GTEST_SKIP() << "../shared is absent";
  TempDir dir;
  std::string xml = Render(SampleGraph(), "gexf");
  EXPECT_NE(xml.find("<viz:color r="), std::string::npos);
  std::string path = dir / "g.gexf";
  WriteFile(path, xml);
  std::string plain = std::regex_replace(xml, std::regex("<viz:[a-z]+ [^>]*/>"), "");
  ASSERT_EQ(plain.find("<viz:"), std::string::npos);
  WriteFile(dir / "plain.gexf", plain);
  auto r = RunProgram({"xmllint", "--nonet", "--noout", "--schema",
                       schemas + "/gexf/1.2draft/gexf.xsd", dir / "plain.gexf"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunProgram(
      {"xmllint", "--nonet", "--noout", "--schema", FixedGexf12Schema(dir, schemas), path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(GexfTest, Gexf13ValidatesAgainstRelaxNg) {
  std::string schemas = SchemaDir();
  if (schemas.empty()) GTEST_SKIP() << "../shared is absent";
  ExportOptions options;
  options.gexf_version = "1.3";
  TempDir dir;
  std::string path = dir / "g.gexf";
  std::string xml = Render(SampleGraph(), "gexf", options);
  EXPECT_NE(xml.find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  WriteFile(path, xml);
  auto r = RunProgram(
      {"xmllint", "--nonet", "--noout", "--relaxng", schemas + "/gexf/1.3/gexf.rng", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(GexfTest, NetworkxReadsNodesEdgesAndLabels) {
  ExportGraph g = SampleGraph();
  TempDir dir;
  std::string path = dir / "g.gexf";
  WriteFile(path, Render(g, "gexf"));
  EXPECT_EQ(NetworkxRead("read_gexf", path), "9 10\n" + ExpectedLabels(g));
  // networkx finds the colours in the viz namespace.
  auto r = RunProgram({"/usr/bin/python3", "-c",
                       "import networkx as nx, sys\n"
                       "g = nx.read_gexf(sys.argv[1])\n"
                       "print(g.nodes['n0']['viz']['color'])\n",
                       path});
  EXPECT_EQ(r.out, "{'r': 31, 'g': 119, 'b': 180, 'a': 1.0}\n") << r.err;
}

TEST(GexfTest, ColoursAndShapesByType) {
  std::string xml = Render(SampleGraph(), "gexf");
  EXPECT_NE(xml.find("<viz:color r=\"31\" g=\"119\" b=\"180\"/><viz:shape value=\"disc\"/>"),
            std::string::npos);                                              // Country
  EXPECT_NE(xml.find("<viz:shape value=\"diamond\"/>"), std::string::npos);  // Technology
}

TEST(GexfTest, UnknownVersionIsRejected) {
  ExportOptions options;
  options.gexf_version = "2.0";
  auto e = MakeExporter("gexf", options);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("2.0"), std::string::npos);
}

}  // namespace
}  // namespace kg::exporting::testing
