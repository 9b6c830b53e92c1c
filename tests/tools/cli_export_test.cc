// kg export from the command line: usage errors, store errors, --query and
// --around, and the progress bar staying out of pipes.
#include <gtest/gtest.h>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

const char kGraph[] =
    "<urn:kg:entity:china> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:kg:type:Country> "
    ".\n"
    "<urn:kg:entity:china> <http://www.w3.org/2000/01/rdf-schema#label> \"China\" .\n"
    "<urn:kg:entity:china> <http://www.w3.org/2004/02/skos/core#altLabel> \"PRC\" .\n"
    "<urn:kg:entity:quantum> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<urn:kg:type:Technology> .\n"
    "<urn:kg:entity:quantum> <http://www.w3.org/2000/01/rdf-schema#label> \"Quantum \\\"tech\\\" "
    "<q> & co\" .\n"
    "<urn:kg:entity:end> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<urn:kg:type:Technology> .\n"
    "<urn:kg:entity:end> <http://www.w3.org/2000/01/rdf-schema#label> \"end\" .\n"
    "<urn:kg:entity:eu> <http://www.w3.org/2000/01/rdf-schema#label> \"European Union\" .\n"
    "<urn:kg:entity:china> <urn:kg:pred:funds> <urn:kg:entity:quantum> .\n"
    "<urn:kg:entity:china> <urn:kg:pred:funds> <urn:kg:entity:end> .\n"
    "<urn:kg:entity:quantum> <urn:kg:pred:part_of> <urn:kg:entity:end> .\n"
    "<urn:kg:entity:eu> <urn:kg:pred:restricts> <urn:kg:entity:quantum> .\n";

class CliExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "graph.nt", kGraph);
    CliResult r = RunKg({"--db", db(), "load", dir_ / "graph.nt"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_ / "db"; }
  CliResult Export(std::vector<std::string> args) {
    std::vector<std::string> argv{"--db", db(), "export"};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunKg(argv);
  }
  static size_t Count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
  }
  TempDir dir_;
};

TEST_F(CliExportTest, WholeGraphToStdoutQuietInAPipe) {
  CliResult r = Export({"--format", "d3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Count(r.out, "\"predicate\""), 4u);
  EXPECT_NE(r.out.find("\"label\":\"Quantum \\\"tech\\\" <q> & co\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"aliases\":[\"PRC\"]"), std::string::npos);
}

TEST_F(CliExportTest, QueryExportsTheTriplesItsPatternsMatched) {
  CliResult r = Export({"--format", "ntriples", "--query", "China funds ?t"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "<urn:kg:pred:funds>"), 2u) << r.out;
  EXPECT_EQ(Count(r.out, "<urn:kg:pred:part_of>"), 0u);  // between matched entities, not matched
  EXPECT_EQ(Count(r.out, "<urn:kg:pred:restricts>"), 0u);
  r = Export({"--format", "d3", "--query", "find ?t where ?t type Technology"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "\"predicate\""), 0u);
  EXPECT_EQ(Count(r.out, "\"id\":\"urn:kg:entity:"), 2u) << r.out;
}

TEST_F(CliExportTest, BadQueryNamesThePosition) {
  CliResult r = Export({"--format", "dot", "--query", "China funds"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("line 1, column"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliExportTest, AroundWithDepth) {
  CliResult r = Export({"--format", "mermaid", "--around", "european union", "--depth", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, " -->|"), 1u) << r.out;
  r = Export({"--format", "mermaid", "--around", "European Union", "--depth", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, " -->|"), 3u) << r.out;  // restricts, then funds and part_of
}

TEST_F(CliExportTest, UnknownEntityIsExitOne) {
  CliResult r = Export({"--format", "dot", "--around", "Atlantis"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kg: no entity named 'Atlantis'"), std::string::npos) << r.err;
}

TEST_F(CliExportTest, UsageErrorsAreExitTwo) {
  EXPECT_EQ(Export({"--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(Export({}).exit_code, 2);                                   // --format is required
  EXPECT_EQ(Export({"--format", "dot", "--depth", "2"}).exit_code, 2);  // needs --around
  EXPECT_EQ(Export({"--format", "dot", "--around", "China", "--query", "China funds ?t"}).exit_code,
            2);
  EXPECT_EQ(Export({"--format", "gexf", "--gexf-version", "1.1"}).exit_code, 2);
}

TEST_F(CliExportTest, OutputProblemsAreExitOne) {
  CliResult r = Export({"--format", "csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("-o"), std::string::npos) << r.err;
  r = Export({"--format", "dot", "-o", dir_ / "missing/dir/g.dot"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing/dir/g.dot"), std::string::npos) << r.err;
}

TEST_F(CliExportTest, CsvWritesBothFiles) {
  CliResult r = Export({"--format", "csv", "-o", dir_ / "neo4j"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string nodes = ReadFile(dir_ / "neo4j/nodes.csv");
  std::string edges = ReadFile(dir_ / "neo4j/edges.csv");
  EXPECT_EQ(nodes.substr(0, nodes.find('\n')),
            "id:ID,name,type,aliases:string[],degree:long,first_date,last_date,:LABEL");
  EXPECT_EQ(Count(edges, "\n"), 5u);  // header + 4 relations
}

TEST_F(CliExportTest, MissingStoreIsExitThree) {
  CliResult r = RunKg({"--db", dir_ / "nowhere", "export", "--format", "dot"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nowhere"), std::string::npos);
}

}  // namespace
}  // namespace kg::testing
