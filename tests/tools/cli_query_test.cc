// kg query and kg explain, run as real processes on a real store.
#include <gtest/gtest.h>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

class CliQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "kg.db";
    CliResult r = RunProgram({std::string(KG_BINARY_DIR) + "/tests/query/kg_query_fixture", db_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  CliResult Query(std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"--db", db_});
    return RunKg(args, in);
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(CliQueryTest, PipedOutputIsTsv) {
  CliResult r = Query({"query", "China funds ?tech order by ?tech"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "tech\n6G\nArtificial intelligence\nQuantum technology\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliQueryTest, EveryNormativeExampleRuns) {
  const char* examples[] = {
      "China funds ?tech",
      "?who funds \"quantum tech\"",
      "?c funds ?t, ?t type Technology, ?c type Country",
      "find ?c, ?t where ?c funds ?t order by ?c limit 20 offset 20",
      "find distinct ?t where ?c (funds|supports) ?t",
      "find ?t where ?t part_of+ \"Artificial intelligence\"",
      "find ?c where ?c funds ?t, not { ?c restricts ?t }",
      "find ?c, ?g where ?c type Country, optional { ?c aims_for ?g }",
      "find ?x where ?x develops ?t, filter(?t ~ \"AI\")",
      "find ?x where ?x funds ?t, since 2024-01-01",
      "find ?t, count(?c) as backers where ?c supports ?t group by ?t order by backers desc limit "
      "10",
      "count ?c funds ?t",
      "path China to \"Generative AI\" max 4",
      "neighbors DeepSeek depth 2",
      "describe DeepSeek",
      "why China funds \"quantum tech\"",
  };
  for (const char* q : examples) {
    CliResult r = Query({"query", q});
    EXPECT_EQ(r.exit_code, 0) << q << "\n" << r.err;
    EXPECT_NE(r.out, "") << q;
  }
}

TEST_F(CliQueryTest, Formats) {
  CliResult r = Query({"query", "--format", "json", "count ?c funds ?t"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[\n {\"count\": 5}\n]\n");
  r = Query({"query", "--format", "csv", "why China funds AI"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "document,date,sentence,rule\r\nchina-ai-push,2024-03-05,China funds AI "
            "research.,test-rule\r\n");
  r = Query({"query", "--format", "table", "China funds 6G"});
  EXPECT_EQ(r.out, " count\n-------\n     1\n(1 row)\n");
  r = Query({"query", "--format", "xml", "China funds 6G"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliQueryTest, EvidenceColumns) {
  CliResult r = Query({"query", "--evidence", "find ?t where Japan funds ?t"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "t\tdocument\tsentence\nQuantum technology\tjapan-quantum\tJapan invests in quantum "
            "technology.\n");
}

TEST_F(CliQueryTest, ScriptFromFileStopsAtFirstError) {
  std::string file = dir_ / "q.kgq";
  WriteFile(file,
            "count ?c funds ?t;\n-- a comment; not a query\nfind ?c where ?c fundz ?t;\ncount ?x "
            "type Country;\n");
  CliResult r = Query({"query", "-f", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "count\n5\n");
  EXPECT_EQ(r.err,
            "kg: " + file +
                ": unknown predicate \"fundz\" (did you mean \"funds\"?) at line 3, column 18\n"
                "LINE 3: find ?c where ?c fundz ?t;\n"
                "                         ^\n");
  r = Query({"query", "--keep-going", "-f", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "count\n5\ncount\n3\n");
}

TEST_F(CliQueryTest, StdinScriptAndSyntaxError) {
  CliResult r = Query({"query", "-"}, "describe DeepSeek;\nfind ?c where ?c funds\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("DeepSeek\tdevelops\tGenerative AI\t1"), std::string::npos) << r.out;
  EXPECT_EQ(
      r.err,
      "kg: syntax error: expected a term (a ?variable, a name or a literal) at line 2, column 23\n"
      "LINE 2: find ?c where ?c funds\n"
      "                              ^\n");
}

TEST_F(CliQueryTest, ExplainPrintsThePlan) {
  CliResult r = Query({"explain", "?c funds ?t, ?t type Technology, ?c type Country"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Project ?c, ?t\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("Scan "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("CrossProduct"), std::string::npos) << r.out;
  r = Query({"query", "explain find ?a, ?b where ?a type Country, ?b type Technology"});
  EXPECT_NE(r.out.find("CrossProduct"), std::string::npos) << r.out;
}

TEST_F(CliQueryTest, RowLimitStopsWithAClearMessage) {
  CliResult r =
      Query({"query", "--max-rows", "3", "find ?a, ?b where ?a type Country, ?b type Technology"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kg: query stopped at 3 rows (--max-rows); add a limit or raise --max-rows\n");
}

TEST_F(CliQueryTest, RunawayCartesianProductTimesOut) {
  CliResult r = Query({"query", "--timeout", "0.5",
                       "count ?a label ?x, ?b label ?y, ?c label ?z, ?d label ?w, ?e label ?v, ?f "
                       "label ?u, ?g label ?s"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "kg: query stopped after 0.5 s (--timeout): it joins patterns that share no variable "
            "(a cartesian product)\n");
}

TEST_F(CliQueryTest, MissingStoreIsAStoreError) {
  CliResult r = RunKg({"--db", dir_ / "nope", "query", "count ?a funds ?b"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace kg::testing
