// kg extract, kg ingest and kg eval, run as the real binary on real files.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {
namespace fs = std::filesystem;

const char* kDoc =
    "Japan Pushes Robots\n\n"
    "Japan is ramping up investment in robotics, semiconductors and 6G.\n"
    "The country also plans to promote quantum computing.\n";

TEST(CliExtractTest, JsonlHasOneTriplePerLineWithEvidence) {
  TempDir dir;
  WriteFile(dir / "japan.txt", kDoc);
  auto r = RunKg({"extract", "--format", "jsonl", dir / "japan.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find(
          R"({"doc":"japan","s":"Japan","p":"funds","o":"Robotics","s_type":"Country","o_type":"Technology","sentence":"Japan is ramping up investment in robotics, semiconductors and 6G.")"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("p":"supports","o":"Quantum computing")"), std::string::npos) << r.out;
  for (const char* field : {"\"begin\":", "\"end\":", "\"rule\":", "\"confidence\":"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  EXPECT_EQ(r.err, "");
}

TEST(CliExtractTest, NquadsAndTableFormats) {
  TempDir dir;
  WriteFile(dir / "japan.md", kDoc);
  auto nq = RunKg({"extract", "--format", "nquads", dir / "japan.md"});
  ASSERT_EQ(nq.exit_code, 0) << nq.err;
  EXPECT_NE(nq.out.find("<urn:kg:entity:japan> <urn:kg:pred:funds> <urn:kg:entity:robotics> "
                        "<urn:kg:doc:japan> ."),
            std::string::npos)
      << nq.out;
  auto table = RunKg({"extract", "--format", "table", dir / "japan.md"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("# japan:"), std::string::npos);
  EXPECT_TRUE(std::regex_search(table.out, std::regex("Japan +funds +Robotics")));
  auto bad = RunKg({"extract", "--format", "xml", dir / "japan.md"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(CliExtractTest, BadInputsGetClearMessagesAndExitOne) {
  TempDir dir;
  WriteFile(dir / "good.txt", kDoc);
  WriteFile(dir / "binary.txt", std::string("\x7f"
                                            "ELF\0\0\0",
                                            7));
  WriteFile(dir / "latin1.txt", "Caf\xe9 society.");
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "broken.pdf", "%PDF-1.7 not really");
  auto r = RunKg({"extract", dir.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir / "binary.txt" + ":1:5: binary file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir / "latin1.txt" + ":1:4: invalid UTF-8"), std::string::npos);
  EXPECT_NE(r.err.find(dir / "empty.txt" + ": empty file"), std::string::npos);
  EXPECT_NE(r.err.find(dir / "broken.pdf" + ": unreadable PDF"), std::string::npos);
  EXPECT_NE(r.out.find("\"doc\":\"good\""), std::string::npos);  // the rest goes on
  auto missing = RunKg({"extract", dir / "nope.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.txt: no such file or directory"), std::string::npos);
}

TEST(CliExtractTest, MalformedJsonlLineIsAWarning) {
  TempDir dir;
  WriteFile(dir / "news.jsonl",
            "{\"id\": \"n1\", \"title\": \"t\", \"text\": \"Japan funds robotics.\"}\n"
            "{\"id\": \"n2\", \"text\": oops}\n"
            "{\"id\": \"n3\", \"text\": \"Japan funds semiconductors.\"}\n");
  auto r = RunKg({"extract", dir / "news.jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("kg: warning: " + dir / "news.jsonl" + ":2: malformed JSON"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"doc\":\"n1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc\":\"n3\""), std::string::npos);
}

// Warnings come from the thread that reads while results are printed: every
// document is printed exactly once, and every warning too, however they
// interleave (printing from the reader once lost and repeated output).
TEST(CliExtractTest, WarningsWhileExtractingLoseNoOutput) {
  TempDir dir;
  std::string records;
  int good = 0, bad = 0;
  for (int i = 0; i < 30000; ++i) {
    if (i % 200 == 199) {
      records += "{\"id\": \"bad" + std::to_string(i) + "\", \"text\": \n";
      ++bad;
    } else {
      records += "{\"id\": \"d" + std::to_string(i) +
                 "\", \"text\": \"China supports research on quantum computing.\"}\n";
      ++good;
    }
  }
  WriteFile(dir / "many.jsonl", records);
  for (const char* jobs : {"1", "2", "4"}) {
    auto r = RunKg({"extract", "--jobs", jobs, "--format", "table", dir / "many.jsonl"});
    EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 300);
    std::regex heading(R"(^# d(\d+): 1 triples from 1 sentences$)", std::regex::multiline);
    std::vector<bool> seen(30000, false);
    int printed = 0, repeated = 0;
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), heading), end; it != end; ++it) {
      size_t id = std::stoul((*it)[1]);
      ASSERT_LT(id, seen.size());
      repeated += seen[id];
      seen[id] = true;
      ++printed;
    }
    EXPECT_EQ(printed, good) << "--jobs " << jobs;
    EXPECT_EQ(repeated, 0) << "--jobs " << jobs;
    size_t warnings = 0;
    for (size_t p = 0; (p = r.err.find("kg: warning: ", p)) != std::string::npos; ++p) ++warnings;
    EXPECT_EQ(warnings, static_cast<size_t>(bad)) << "--jobs " << jobs;
  }
}

TEST(CliExtractTest, SymlinkLoopIsSkippedWithAWarning) {
  TempDir dir;
  fs::create_directories(dir.path() / "docs");
  WriteFile(dir / "docs/a.txt", kDoc);
  fs::create_directory_symlink(dir.path() / "docs", dir.path() / "docs" / "again");
  auto r = RunKg({"extract", dir / "docs"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("symlink loop"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"doc\":\"a\""), std::string::npos);
}

TEST(CliExtractTest, UserRulesAndLexiconErrorsNamePositions) {
  TempDir dir;
  WriteFile(dir / "a.txt", kDoc);
  WriteFile(dir / "bad.rules",
            "rule ok: [Country]:s \"x\" [Country]:o => s funds o;\n"
            "rule broken: [Country]:s =>\n");
  auto r = RunKg({"extract", "--rules", dir / "bad.rules", dir / "a.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir / "bad.rules" + ":2:28: expected triple (subject predicate object)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  WriteFile(dir / "bad.json", "{\"entities\": [\n  {\"label\": \"X\" \"type\": \"Company\"}]}");
  r = RunKg({"extract", "--lexicon", dir / "bad.json", dir / "a.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir / "bad.json" + ":2:17: "), std::string::npos) << r.err;
}

TEST(CliExtractTest, UserLexiconAndRulesAddToTheShippedOnes) {
  TempDir dir;
  WriteFile(dir / "a.txt", "Blorbonia befriends Zentrix Dynamics.\n");
  WriteFile(dir / "lex.json", R"({"entities": [
      {"label": "Blorbonia", "type": "Country"},
      {"label": "Zentrix Dynamics", "type": "Company"}]})");
  WriteFile(dir / "my.rules",
            "rule befriends: [Country]:s \"befriends\" [Company]:o "
            "=> s collaborates_with o;\n");
  auto r =
      RunKg({"extract", "--lexicon", dir / "lex.json", "--rules", dir / "my.rules", dir / "a.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(R"("s":"Blorbonia","p":"collaborates_with","o":"Zentrix Dynamics")"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("rule":"befriends")"), std::string::npos);
}

TEST(CliExtractTest, IngestStoresReingestsUnchangedAndReplacesChanged) {
  TempDir dir;
  std::string db = dir / "kg.db";
  WriteFile(dir / "a.txt", kDoc);
  auto r = RunKg({"--db", db, "ingest", "--jobs", "2", dir / "a.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 new, 0 replaced, 0 unchanged"), std::string::npos) << r.err;
  auto docs = RunKg({"--db", db, "docs"});
  EXPECT_NE(docs.out.find("a "), std::string::npos) << docs.out;
  r = RunKg({"--db", db, "ingest", dir / "a.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 new, 0 replaced, 1 unchanged"), std::string::npos) << r.err;
  WriteFile(dir / "a.txt", "Japan funds robotics.\n");
  r = RunKg({"--db", db, "ingest", dir / "a.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 new, 1 replaced, 0 unchanged"), std::string::npos) << r.err;
}

TEST(CliExtractTest, IngestWithABadFileStoresNothing) {
  TempDir dir;
  std::string db = dir / "kg.db";
  fs::create_directories(dir.path() / "in");
  WriteFile(dir / "in/a.txt", kDoc);
  ASSERT_EQ(RunKg({"--db", db, "ingest", dir / "in"}).exit_code, 0);
  auto before = RunKg({"--db", db, "docs"});
  WriteFile(dir / "in/b.txt", "Japan funds robotics.\n");
  WriteFile(dir / "in/c.txt", std::string("bin\0ary", 7));
  auto r = RunKg({"--db", db, "ingest", dir / "in"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("c.txt:1:4: binary file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing stored"), std::string::npos);
  EXPECT_EQ(RunKg({"--db", db, "docs"}).out, before.out);
}

TEST(CliExtractTest, EvalMatchesTheReferenceScorerOnTheDevGold) {
  std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  std::vector<std::string> inputs = {shared + "/corpus/seed/china-ai-push.txt",
                                     shared + "/gold/dev-news.jsonl"};
  for (const auto& e : fs::directory_iterator(shared + "/corpus/policy"))
    if (e.path().filename().string().rfind("us_eo13959_", 0) == 0)
      inputs.push_back(e.path().string());
  std::vector<std::string> eval = {"eval", shared + "/gold/dev.jsonl"};
  eval.insert(eval.end(), inputs.begin(), inputs.end());
  auto r = RunKg(eval);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.out, m, std::regex("relations: precision ([0-9.]+) recall ([0-9.]+) F1 ([0-9.]+)")))
      << r.out;
  EXPECT_GE(std::stod(m[3]), 0.85) << r.out;

  TempDir dir;
  std::vector<std::string> extract = {"extract", "--format", "jsonl"};
  extract.insert(extract.end(), inputs.begin(), inputs.end());
  auto pred = RunKg(extract);
  ASSERT_EQ(pred.exit_code, 0) << pred.err;
  WriteFile(dir / "pred.jsonl", pred.out);
  auto py = RunProgram(
      {"python3", shared + "/tools/kgscore.py", shared + "/gold/dev.jsonl", dir / "pred.jsonl"});
  if (py.exit_code == 127) GTEST_SKIP() << "python3 is absent";
  ASSERT_EQ(py.exit_code, 0) << py.err;
  // Same per-document lines and the same total.
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    std::regex re("[^\n]*(P [0-9]+/[0-9]+  R [0-9]+/[0-9]+  F1 [0-9.]+|relations: [^\n]*)");
    for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end; ++it)
      out.push_back((*it)[0]);
    return out;
  };
  EXPECT_EQ(lines(r.out), lines(py.out)) << r.out << "\n---\n" << py.out;
}

// On a terminal ingest draws a bar with a known total and erases it before
// its summary; in a pipe stderr holds the summary alone. `script` (util-linux,
// always on Debian) gives the child a real pseudo-terminal.
TEST(CliExtractTest, IngestDrawsAProgressBarOnATerminalOnly) {
  TempDir dir;
  WriteFile(dir / "japan.txt", kDoc);
  WriteFile(dir / "korea.txt",
            "Korea Funds Chips\n\nKorea is ramping up investment in semiconductors.\n");
  std::string cmd = KgBinary() + " --db " + (dir / "tty.db") + " ingest " + (dir / "japan.txt") +
                    " " + (dir / "korea.txt");
  auto tty = RunProgram({"script", "-qec", cmd, "/dev/null"});
  ASSERT_EQ(tty.exit_code, 0) << tty.out << tty.err;
  EXPECT_NE(tty.out.find("ingesting ["), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("100%  2/2 documents"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("\r\033[Kingested 2 documents"), std::string::npos) << tty.out;

  auto piped = RunKg({"--db", dir / "pipe.db", "ingest", dir / "japan.txt", dir / "korea.txt"});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.err.rfind("ingested 2 documents", 0), 0u) << piped.err;
  EXPECT_EQ(piped.err.find('\r'), std::string::npos) << piped.err;
  EXPECT_EQ(piped.err.find("ingesting"), std::string::npos) << piped.err;
}

}  // namespace
}  // namespace kg::testing
