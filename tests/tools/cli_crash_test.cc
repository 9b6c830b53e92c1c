// Crash safety: a real `kg ingest` is killed with SIGKILL at random moments;
// after each kill every document is either fully stored (all its triples and
// evidence, as an uninterrupted ingest stores it) or absent, and `kg check`
// finds nothing wrong.
#include <rapidjson/document.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

// id -> stored triple count, from `kg docs --format json`.
std::map<std::string, uint64_t> StoredDocuments(const std::string& db) {
  CliResult r = RunKg({"--db", db, "docs", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  std::map<std::string, uint64_t> docs;
  if (d.HasParseError() || !d.IsArray()) {
    ADD_FAILURE() << "kg docs --format json is not a JSON array: " << r.out.substr(0, 200);
    return docs;
  }
  for (const auto& v : d.GetArray()) docs[v["id"].GetString()] = v["triples"].GetUint64();
  return docs;
}

// Writes `count` documents; `version` changes every document's text so a
// re-ingest replaces them (the replace path must be atomic too).
void WriteCorpus(const std::string& dir, int count, int version) {
  static const char* kSentences[] = {
      "China is ramping up investment in artificial intelligence, quantum computing and 6G.",
      "The Chinese company Huawei develops semiconductors and 5G equipment.",
      "The United States restricts exports of advanced chips to China.",
      "The European Union regulates artificial intelligence through the AI Act.",
      "Japan supports research on quantum technology and robotics.",
      "The Department of Commerce added SMIC to the Entity List.",
      "Nvidia competes with AMD in the market for AI chips.",
      "ByteDance owns TikTok, a video-sharing application.",
  };
  std::filesystem::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    std::string text =
        "Policy brief " + std::to_string(i) + " (revision " + std::to_string(version) + ")\n\n";
    for (int k = 0; k < 12; ++k) {
      text += kSentences[(i + k * (version + 1)) % 8];
      text += ' ';
      if (k % 4 == 3) text += "\n\n";
    }
    WriteFile(dir + "/brief-" + std::to_string(i) + ".txt", text);
  }
}

TEST(CrashSafetyTest, SigkillDuringIngestLeavesWholeDocumentsOnly) {
  constexpr int kDocs = 150;
  constexpr int kKills = 20;
  TempDir tmp;

  // Reference: each version ingested without interruption.
  std::map<std::string, uint64_t> expected[2];
  for (int version = 0; version < 2; ++version) {
    std::string corpus = tmp / ("corpus-" + std::to_string(version));
    WriteCorpus(corpus, kDocs, version);
    std::string ref = tmp / ("ref-" + std::to_string(version));
    CliResult r = RunKg({"--db", ref, "ingest", corpus});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expected[version] = StoredDocuments(ref);
    // Every brief, plus the document holding the lexicon's own links.
    ASSERT_GE(expected[version].size(), static_cast<size_t>(kDocs));
  }

  // How long an uninterrupted ingest takes, to spread the kills over it. The
  // victims' runs find an existing store and replace documents, so the timed
  // run does too: creating a store costs more than a run's writes.
  std::string db = tmp / "victim.db";
  ASSERT_EQ(
      RunKg({"--db", tmp / "timing.db", "ingest", "--batch", "16", tmp / "corpus-1"}).exit_code, 0);
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(
      RunKg({"--db", tmp / "timing.db", "ingest", "--batch", "16", tmp / "corpus-0"}).exit_code, 0);
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  std::mt19937 rng(20261128);
  int killed_mid_run = 0;
  // Kill until kKills kills have landed mid-run. A victim that finished
  // first says the runs are faster than the timed one (the machine's load
  // moves): the kills then come sooner.
  for (int trial = 0; killed_mid_run < kKills && trial < 3 * kKills; ++trial) {
    int version = trial % 2;  // alternate so kills also land in replacements
    // Small groups, so kills also land between two groups' writes.
    Child child = Child::StartKg(
        {"--db", db, "ingest", "--batch", "16", tmp / ("corpus-" + std::to_string(version))});
    std::uniform_int_distribution<long> when(0, full);
    std::this_thread::sleep_for(std::chrono::microseconds(when(rng)));
    if (child.Running()) {
      ++killed_mid_run;
    } else {
      full = full * 3 / 4;
    }
    child.Kill(SIGKILL);
    child.Wait();

    CliResult check = RunKg({"--db", db, "check"});
    ASSERT_EQ(check.exit_code, 0) << "after kill " << trial << ":\n" << check.out << check.err;
    for (const auto& [id, triples] : StoredDocuments(db)) {
      ASSERT_TRUE(expected[0].count(id)) << "unknown document " << id;
      EXPECT_TRUE(triples == expected[0][id] || triples == expected[1][id])
          << "document " << id << " is half-stored after kill " << trial << ": " << triples
          << " triples, whole versions have " << expected[0][id] << " or " << expected[1][id];
    }
  }
  // The kills must really interrupt work, or the test proves nothing.
  EXPECT_GE(killed_mid_run, kKills / 2);

  // And the store recovers completely.
  ASSERT_EQ(RunKg({"--db", db, "ingest", tmp / "corpus-1"}).exit_code, 0);
  EXPECT_EQ(StoredDocuments(db), expected[1]);
  EXPECT_EQ(RunKg({"--db", db, "check"}).exit_code, 0);
}

}  // namespace
}  // namespace kg::testing
