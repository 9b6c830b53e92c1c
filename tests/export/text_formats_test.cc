// DOT rendered by Graphviz; Mermaid, CSV and N-Triples/N-Quads checked line
// by line and, for CSV, read back by Python's csv module.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "tests/export/consumer.h"
#include "tests/export/sample_graph.h"

namespace kg::exporting::testing {
namespace {

using kg::testing::ReadFile;
using kg::testing::RunProgram;
using kg::testing::TempDir;
using kg::testing::WriteFile;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(DotTest, GraphvizRendersEveryNodeAndEdge) {
  TempDir dir;
  std::string path = dir / "g.dot";
  WriteFile(path, Render(SampleGraph(), "dot"));
  auto r = RunProgram({"dot", "-Tsvg", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "class=\"node\""), 9u);
  EXPECT_EQ(Count(r.out, "class=\"edge\""), 10u);
  // Graphviz escapes the label text for SVG; the text itself survives.
  EXPECT_NE(r.out.find("R&amp;D &lt;labs&gt; &amp; &quot;friends&quot;"), std::string::npos);
  EXPECT_NE(r.out.find("Zürich 北京"), std::string::npos);
}

TEST(DotTest, ColourAndShapeByType) {
  std::string dot = Render(SampleGraph(), "dot");
  EXPECT_NE(dot.find("\"urn:kg:entity:china\" [label=\"China\", type=\"Country\", shape=ellipse, "
                     "fillcolor=\"#1f77b4\""),
            std::string::npos);
  EXPECT_NE(dot.find("label=\"first line\\nsecond line\""), std::string::npos);
}

TEST(MermaidTest, ReservedWordsNeverBecomeIdsAndLabelsAreEscaped) {
  std::string m = Render(SampleGraph(), "mermaid");
  std::vector<std::string> lines = Lines(m);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "flowchart LR");
  std::regex node(R"(^  n\d+\["[^"<>\n]*"\]:::t_\w+$)");
  std::regex edge(R"(^  n\d+ -->\|"[^"<>]*"\| n\d+$)");
  std::regex style(R"(^  classDef t_\w+ fill:#[0-9a-f]{6},stroke:#333,color:#000$)");
  size_t nodes = 0, edges = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (std::regex_match(lines[i], node)) {
      ++nodes;
    } else if (std::regex_match(lines[i], edge)) {
      ++edges;
    } else {
      EXPECT_TRUE(std::regex_match(lines[i], style)) << lines[i];
    }
  }
  EXPECT_EQ(nodes, 9u);
  EXPECT_EQ(edges, 10u);
  EXPECT_NE(m.find("n5[\"end\"]"), std::string::npos);
  EXPECT_NE(m.find("#lt;/script#gt;"), std::string::npos);
  EXPECT_NE(m.find("[\"first line second line\"]"), std::string::npos);
}

TEST(CsvTest, Neo4jHeadersAndPythonReadsBackEveryField) {
  TempDir dir;
  ASSERT_TRUE(WriteCsv(SampleGraph(), dir / "out", {}).ok());
  std::string nodes = ReadFile(dir / "out/nodes.csv");
  std::string edges = ReadFile(dir / "out/edges.csv");
  EXPECT_EQ(Lines(nodes)[0],
            "id:ID,name,type,aliases:string[],degree:long,first_date,last_date,:LABEL");
  EXPECT_EQ(Lines(edges)[0], ":START_ID,:END_ID,:TYPE,weight:long,documents:string[]");
  std::string script =
      "import csv, sys\n"
      "n = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
      "e = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))\n"
      "ids = {r['id:ID'] for r in n}\n"
      "assert all(r[':START_ID'] in ids and r[':END_ID'] in ids for r in e), 'dangling'\n"
      "print(len(n), len(e))\n"
      "print([r['name'] for r in n if r['id:ID'] == 'urn:kg:entity:line'][0].replace('\\n', '|'))\n"
      "print([r[':LABEL'] for r in n if r['id:ID'] == 'urn:kg:entity:china'][0])\n";
  auto r =
      RunProgram({"/usr/bin/python3", "-c", script, dir / "out/nodes.csv", dir / "out/edges.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "9 10\nfirst line|second line\nEntity;Country\n");
}

TEST(CsvTest, UnwritableDirectoryIsAnError) {
  TempDir dir;
  WriteFile(dir / "file", "x");
  Status st = WriteCsv(SampleGraph(), dir / "file", {});
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("file"), std::string::npos);
}

TEST(NTriplesTest, OneStatementPerLineWithEscapes) {
  std::string nt = Render(SampleGraph(), "ntriples");
  std::regex line(
      R"(^(<[^<>"{}|^`\\ ]+>|_:\w+) <[^<> ]+> (<[^<> ]+>|_:\w+|"([^"\\\n]|\\.)*") \.$)");
  size_t n = 0;
  for (const std::string& l : Lines(nt)) {
    EXPECT_TRUE(std::regex_match(l, line)) << l;
    ++n;
  }
  // 8 types + 9 labels + 4 aliases + 10 edges.
  EXPECT_EQ(n, 31u);
  EXPECT_NE(nt.find("\"first line\\nsecond line\""), std::string::npos);
}

TEST(NTriplesTest, NQuadsNameTheSupportingDocument) {
  std::string nq = Render(SampleGraph(), "nquads");
  EXPECT_NE(nq.find("<urn:kg:entity:china> <urn:kg:pred:funds> <urn:kg:entity:a-b> "
                    "<urn:kg:doc:doc-2> ."),
            std::string::npos);
  // An edge per supporting document: 11 document links, 1 edge without any.
  EXPECT_EQ(Lines(nq).size(), 8u + 9u + 4u + 11u + 1u);
}

}  // namespace
}  // namespace kg::exporting::testing
