// Concurrent use: readers (query, stats, docs, check, export) run while a real
// `kg ingest` writes in another process. They never fail for the writer's
// sake and each sees a consistent snapshot; a second writer is turned away
// with a clear message.
#include <rapidjson/document.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

void WriteCorpus(const std::string& dir, int count) {
  std::filesystem::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    std::string text = "Brief " + std::to_string(i) + "\n\n";
    for (int k = 0; k < 20; ++k) {
      text += (k % 2) ? "China is ramping up investment in artificial intelligence and 6G. "
                      : "The United States restricts exports of advanced chips to China. ";
    }
    WriteFile(dir + "/doc-" + std::to_string(i) + ".txt", text);
  }
}

TEST(ConcurrencyTest, ReadersWorkBesideALiveWriter) {
  TempDir tmp;
  std::string db = tmp / "kg.db";
  std::string corpus = tmp / "corpus";
  // Thirty groups of 100 documents: the first is committed long before the
  // last, so the writer is seen holding the store.
  constexpr int kDocs = 3000;
  WriteCorpus(corpus, kDocs);
  WriteFile(tmp / "seed.txt", "Japan supports research on quantum technology.\n");
  // The store exists before the readers start.
  ASSERT_EQ(RunKg({"--db", db, "ingest", tmp / "seed.txt"}).exit_code, 0);
  CliResult before = RunKg({"--db", db, "docs", "--format", "json"});
  rapidjson::Document seeded;
  seeded.Parse(before.out.c_str());
  ASSERT_TRUE(seeded.IsArray()) << before.out;

  // Small groups, so the writer commits its first documents early and then
  // keeps the store open for many more.
  Child writer =
      Child::StartKg({"--db", db, "ingest", "--batch", "100", corpus}, "", tmp / "writer.err");
  size_t last_docs = seeded.Size();
  auto read_round = [&] {
    CliResult docs = RunKg({"--db", db, "docs", "--format", "json"});
    ASSERT_EQ(docs.exit_code, 0) << docs.err;
    rapidjson::Document d;
    d.Parse(docs.out.c_str());
    ASSERT_TRUE(d.IsArray()) << docs.out.substr(0, 200);
    // Documents only ever arrive: a later snapshot never has fewer.
    EXPECT_GE(d.Size(), last_docs);
    last_docs = d.Size();

    CliResult q = RunKg({"--db", db, "query", "--format", "json", "count ?c funds ?t"});
    EXPECT_EQ(q.exit_code, 0) << q.err;
    CliResult stats = RunKg({"--db", db, "stats", "--json"});
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    CliResult check = RunKg({"--db", db, "check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  };

  // Once the first group is visible the writer certainly holds the store.
  // Pausing it there makes one round of reads overlap a live writer however
  // fast the machine is; the rounds after it overlap a running one.
  while (writer.Running() && last_docs == seeded.Size()) {
    CliResult docs = RunKg({"--db", db, "docs", "--format", "json"});
    ASSERT_EQ(docs.exit_code, 0) << docs.err;
    rapidjson::Document d;
    d.Parse(docs.out.c_str());
    ASSERT_TRUE(d.IsArray()) << docs.out.substr(0, 200);
    last_docs = d.Size();
  }
  ASSERT_TRUE(writer.Running()) << "the writer finished before its first group was seen";
  ASSERT_LT(last_docs, seeded.Size() + kDocs);
  writer.Kill(SIGSTOP);
  read_round();
  CliResult second = RunKg({"--db", db, "ingest", tmp / "seed.txt"});
  EXPECT_EQ(second.exit_code, 3) << second.err;
  EXPECT_NE(second.err.find("is in use by another kg process"), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find('\n'), second.err.size() - 1) << "one line: " << second.err;
  writer.Kill(SIGCONT);

  while (writer.Running()) read_round();
  ASSERT_EQ(writer.Wait(), 0) << ReadFile(tmp / "writer.err");

  CliResult docs = RunKg({"--db", db, "docs", "--format", "json"});
  rapidjson::Document d;
  d.Parse(docs.out.c_str());
  ASSERT_TRUE(d.IsArray());
  EXPECT_EQ(d.Size(), seeded.Size() + kDocs);
}

}  // namespace
}  // namespace kg::testing
