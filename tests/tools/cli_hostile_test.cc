// Hostile input: each row of docs/reliability.md has a test here. Every case
// must end with one clear line on stderr, a documented exit code, and the
// store as it was (kg check clean, earlier documents intact).
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = tmp_ / "kg.db";
    WriteFile(tmp_ / "good.txt", "China is ramping up investment in artificial intelligence.\n");
    CliResult r = RunKg({"--db", db_, "ingest", tmp_ / "good.txt"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    baseline_ = Dump();
    ASSERT_FALSE(baseline_.empty());
  }

  std::string Dump() {
    CliResult r = RunKg({"--db", db_, "dump", "--format", "nquads"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  // The store holds exactly what it held before the hostile input.
  void ExpectStoreUnchanged() {
    EXPECT_EQ(Dump(), baseline_);
    CliResult check = RunKg({"--db", db_, "check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }

  static void ExpectOneLine(const std::string& err, const std::string& pattern) {
    EXPECT_TRUE(std::regex_search(err, std::regex(pattern))) << "stderr: " << err;
  }

  TempDir tmp_;
  std::string db_;
  std::string baseline_;
};

TEST_F(HostileInputTest, InvalidUtf8NamesFileLineAndColumn) {
  WriteFile(tmp_ / "bad.txt", "First line is fine.\nChina funds \xff\xfe AI.\n");
  CliResult r = RunKg({"--db", db_, "ingest", tmp_ / "bad.txt"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(bad\.txt:2:13: invalid UTF-8)");
  WriteFile(tmp_ / "bad.nt", "<http://a/s> <http://a/p> \"x\xff\" .\n");
  r = RunKg({"--db", db_, "load", tmp_ / "bad.nt"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(bad\.nt:1:\d+: .*UTF-8)");
  ExpectStoreUnchanged();
}

TEST_F(HostileInputTest, OverlongUtf8IsRefused) {
  WriteFile(tmp_ / "over.txt", "China funds \xc0\xaf AI.\n");
  CliResult r = RunKg({"--db", db_, "ingest", tmp_ / "over.txt"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(over\.txt:1:13: invalid UTF-8)");
  WriteFile(tmp_ / "over.nt", "<http://a/s> <http://a/p> \"\xc0\xaf\" .\n");
  r = RunKg({"--db", db_, "load", tmp_ / "over.nt"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(over\.nt:1:28: overlong UTF-8)");
  ExpectStoreUnchanged();
}

TEST_F(HostileInputTest, ByteOrderMarkIsSkipped) {
  WriteFile(tmp_ / "bom.txt", "\xef\xbb\xbfJapan supports research on quantum computing.\n");
  CliResult r = RunKg({"extract", "--format", "jsonl", tmp_ / "bom.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\xef\xbb\xbf"), std::string::npos);
  WriteFile(tmp_ / "bom.nt", "\xef\xbb\xbf<http://a/s> <http://a/p> \"x\" .\n");
  r = RunKg({"load", "--check", tmp_ / "bom.nt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(HostileInputTest, NulBytesAreRefused) {
  WriteFile(tmp_ / "nul.txt", std::string("China \0 funds AI.\n", 18));
  CliResult r = RunKg({"--db", db_, "ingest", tmp_ / "nul.txt"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(nul\.txt.*(binary|NUL))");
  WriteFile(tmp_ / "nul.nt", std::string("<http://a/s> \0<http://a/p> \"x\" .\n", 34));
  r = RunKg({"--db", db_, "load", tmp_ / "nul.nt"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(nul\.nt:1:14: .*NUL)");
  ExpectStoreUnchanged();
}

TEST_F(HostileInputTest, HundredMegabyteLineEndsCleanly) {
  std::string path = tmp_ / "long.nt";
  {
    std::ofstream f(path, std::ios::binary);
    f << "<http://a/s> <http://a/p> \"";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) f << chunk;
    f << "\n";  // the literal never closes
  }
  auto start = std::chrono::steady_clock::now();
  CliResult r = RunKg({"--db", db_, "load", path});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(long\.nt:1:\d+: )");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  ExpectStoreUnchanged();
}

TEST_F(HostileInputTest, DeeplyNestedQueryIsAnErrorNotACrash) {
  WriteFile(tmp_ / "deep.q", std::string(1000000, '(') + "\n");
  CliResult r = RunKg({"--db", db_, "query", "-f", tmp_ / "deep.q"});
  EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 300);
  ExpectOneLine(r.err, R"(LINE 1:)");
  std::string nested = "find ?x where ";
  for (int i = 0; i < 1000000; ++i) nested += "optional { ";
  WriteFile(tmp_ / "deep2.q", nested + "\n");
  r = RunKg({"--db", db_, "query", "-f", tmp_ / "deep2.q"});
  EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 300);
}

TEST_F(HostileInputTest, HugeIntegers) {
  CliResult r =
      RunKg({"--db", db_, "query", "find ?x where ?x funds ?t limit 99999999999999999999999"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(LINE 1:)");
  // In RDF a huge integer is just a lexical form: it loads and dumps unchanged.
  std::string big =
      "<http://a/s> <http://a/p> \"123456789012345678901234567890\"^^"
      "<http://www.w3.org/2001/XMLSchema#integer> .\n";
  WriteFile(tmp_ / "big.nt", big);
  TempDir other;
  ASSERT_EQ(RunKg({"--db", other / "db", "load", tmp_ / "big.nt"}).exit_code, 0);
  EXPECT_EQ(RunKg({"--db", other / "db", "dump"}).out, big);
}

TEST_F(HostileInputTest, SymlinkLoopIsSkippedWithAWarning) {
  std::filesystem::create_directories(tmp_ / "dir/sub");
  std::filesystem::create_directory_symlink("..", tmp_ / "dir/sub/up");
  WriteFile(tmp_ / "dir/sub/doc.txt", "Japan supports research on quantum computing.\n");
  CliResult r = RunKg({"--db", db_, "ingest", tmp_ / "dir"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectOneLine(r.err, R"(symlink loop)");
  CliResult docs = RunKg({"--db", db_, "docs", "--format", "json"});
  EXPECT_NE(docs.out.find("\"doc\""), std::string::npos) << docs.out;
}

TEST_F(HostileInputTest, DevZeroIsRefusedQuickly) {
  auto start = std::chrono::steady_clock::now();
  CliResult r = RunKg({"--db", db_, "ingest", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(/dev/zero)");
  r = RunKg({"--db", db_, "load", "--format", "ntriples", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r.err, R"(/dev/zero)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ExpectStoreUnchanged();
}

TEST_F(HostileInputTest, FileVanishingMidRunLosesNothingElse) {
  std::filesystem::create_directories(tmp_ / "many");
  for (int i = 0; i < 300; ++i)
    WriteFile(tmp_ / ("many/d" + std::to_string(i) + ".txt"),
              "The United States restricts exports of advanced chips to China.\n");
  Child ingest = Child::StartKg({"--db", db_, "ingest", tmp_ / "many"}, "", tmp_ / "err");
  for (int i = 299; i >= 0 && ingest.Running(); i -= 7)
    std::filesystem::remove(tmp_ / ("many/d" + std::to_string(i) + ".txt"));
  int rc = ingest.Wait();
  std::string err = ReadFile(tmp_ / "err");
  EXPECT_TRUE(rc == 0 || rc == 1) << rc << " " << err;
  if (rc == 1) ExpectOneLine(err, R"(many/d\d+\.txt: )");
  CliResult check = RunKg({"--db", db_, "check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_F(HostileInputTest, FullDiskIsAStoreErrorAndLosesNothing) {
  std::string path = tmp_ / "big.nt";
  {
    std::ofstream f(path);
    for (int i = 0; i < 300000; ++i)
      f << "<http://example.org/s" << i << "> <http://example.org/p" << (i % 7)
        << "> \"value number " << i << " with some padding text\" .\n";
  }
  // RLIMIT_FSIZE stands in for a full disk: writes past 2 MB fail with EFBIG.
  CliResult r = RunProgram({"/bin/sh", "-c", "ulimit -f 4096; exec \"$0\" --db \"$1\" load \"$2\"",
                            KgBinary(), db_, path});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(r.err.empty());
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  ExpectStoreUnchanged();
}

TEST_F(HostileInputTest, StoreDeletedUnderARunningWriter) {
  std::filesystem::create_directories(tmp_ / "many");
  // Enough work that the writer is still storing documents, in groups, long
  // after the first group is visible, even on a fast machine.
  for (int i = 0; i < 4000; ++i)
    WriteFile(tmp_ / ("many/d" + std::to_string(i) + ".txt"),
              "China is ramping up investment in quantum computing and 6G. The United States "
              "restricts exports of advanced chips to China. Japan supports research on "
              "robotics.\n");
  // Small groups: the first is visible long before the last is written.
  Child ingest =
      Child::StartKg({"--db", db_, "ingest", "--batch", "100", tmp_ / "many"}, "", tmp_ / "err");
  // Delete the store once the writer has stored something, so the deletion
  // lands under a running writer rather than before it opened the store.
  for (int i = 0; i < 600 && ingest.Running(); ++i) {
    CliResult docs = RunKg({"--db", db_, "docs", "--format", "json"});
    if (docs.exit_code == 0 && std::regex_search(docs.out, std::regex(R"("id": ?"d[0-9]+")")))
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Paused, the writer cannot finish while the tree goes, however fast it is.
  bool was_running = ingest.Running();
  if (was_running) ingest.Kill(SIGSTOP);
  std::error_code ec;
  for (int i = 0; i < 50 && std::filesystem::exists(db_); ++i) std::filesystem::remove_all(db_, ec);
  if (was_running) ingest.Kill(SIGCONT);
  ASSERT_FALSE(std::filesystem::exists(db_)) << ec.message();
  int rc = ingest.Wait();
  if (!was_running) GTEST_SKIP() << "the ingest finished before the store could be deleted";
  EXPECT_EQ(rc, 3) << ReadFile(tmp_ / "err");
  ExpectOneLine(ReadFile(tmp_ / "err"), R"(was deleted)");
}

}  // namespace
}  // namespace kg::testing
