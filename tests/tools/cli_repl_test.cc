// kg repl with piped input (no prompts) and under a pseudo-terminal.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

class CliReplTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "kg.db";
    CliResult r = RunProgram({std::string(KG_BINARY_DIR) + "/tests/query/kg_query_fixture", db_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(CliReplTest, PipedInputRunsWithoutPrompts) {
  CliResult r = RunKg({"--db", db_, "repl"},
                      "China funds\n  ?tech\n  order by ?tech;\n.mode json\ncount ?c funds ?t;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "tech\n6G\nArtificial intelligence\nQuantum technology\n[\n {\"count\": 5}\n]\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliReplTest, BadQueriesDoNotEndTheRepl) {
  CliResult r =
      RunKg({"--db", db_, "repl"},
            "find ?c where ?c fundz ?t;\n.nope\nfind ?c where;\ncount ?c type Country;\n");
  EXPECT_EQ(r.exit_code, 1);  // piped input reports that something failed
  EXPECT_EQ(r.out, "count\n3\n");
  EXPECT_NE(r.err.find("unknown predicate \"fundz\" (did you mean \"funds\"?)"), std::string::npos);
  EXPECT_NE(r.err.find("unknown command .nope"), std::string::npos);
  EXPECT_NE(r.err.find("LINE 1: find ?c where;"), std::string::npos) << r.err;
}

TEST_F(CliReplTest, DotCommands) {
  std::string script = dir_ / "s.kgq";
  WriteFile(script, "describe \"AI Act\";\n");
  std::string dot = dir_ / "g.dot";
  CliResult r =
      RunKg({"--db", db_, "repl"}, ".help\n.schema\n.docs\n.read " + script +
                                       "\n.timer on\ncount ?a funds ?b;\n" + ".export dot " + dot +
                                       " China funds ?t\n.quit\ncount ?a funds ?b;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(".export FORMAT FILE [QUERY]"), std::string::npos);
  EXPECT_NE(r.out.find("predicate\tfunds\t5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("type\tCountry\t3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("china-ai-push\t2024-03-05"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AI Act\tissued_by\tEuropean Union\t1"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("Time: "), std::string::npos) << r.err;
  EXPECT_NE(ReadFile(dot).find("Quantum technology"), std::string::npos);
  // .quit stops before the last query.
  EXPECT_EQ(r.out.find("count\n5\n"), r.out.rfind("count\n5\n"));
}

// Reads from `fd` until `want` appears or `seconds` pass.
std::string ReadUntil(int fd, const std::string& want, double seconds) {
  std::string got;
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(int(seconds * 1000));
  while (std::chrono::steady_clock::now() < end && got.find(want) == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) > 0) {
      char buf[4096];
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
    }
  }
  return got;
}

TEST_F(CliReplTest, TerminalCompletionAndCtrlC) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    setenv("HOME", dir_.path().c_str(), 1);
    setenv("TERM", "xterm", 1);
    execl(KgBinary().c_str(), "kg", "--db", db_.c_str(), "repl", static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_NE(ReadUntil(master, "kg> ", 10).find("kg> "), std::string::npos);
  // Tab completes "fund" to the predicate "funds" (else the query would fail).
  ASSERT_EQ(write(master, "China fund\t", 11), 11);
  ReadUntil(master, "s", 2);
  ASSERT_EQ(write(master, " ?t;\r", 5), 5);
  std::string out = ReadUntil(master, "(3 rows)", 10);
  EXPECT_NE(out.find("Quantum technology"), std::string::npos) << out;
  // A runaway query, stopped by Ctrl-C; the prompt comes back.
  std::string runaway =
      "count ?a label ?x, ?b label ?y, ?c label ?z, ?d label ?w, ?e label ?v, ?f label ?u, ?g "
      "label ?s;\r";
  ASSERT_EQ(write(master, runaway.data(), runaway.size()), static_cast<ssize_t>(runaway.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGINT);
  out = ReadUntil(master, "query cancelled", 10);
  EXPECT_NE(out.find("query cancelled"), std::string::npos) << out;
  ASSERT_EQ(write(master, "count ?c type Country;\r", 23), 23);
  out = ReadUntil(master, "(1 row)", 10);
  EXPECT_NE(out.find("3"), std::string::npos) << out;
  ASSERT_EQ(write(master, ".quit\r", 6), 6);
  int status = 0;
  for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  close(master);
  // libedit's history file escapes blanks (\\040); the entry is there all the same.
  EXPECT_NE(ReadFile(dir_ / ".kg_history").find("Country;"), std::string::npos);
}

}  // namespace
}  // namespace kg::testing
