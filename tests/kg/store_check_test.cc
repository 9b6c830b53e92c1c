// Store::Check against stores damaged on purpose through raw RocksDB.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "kg/key_codec.h"
#include "kg/row_codec.h"
#include "kg/store.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::ScratchDir;
using testing::St;

// Applies `fn(db, handle_of)` to the store in `dir` opened as plain RocksDB.
template <typename Fn>
void Tamper(const std::string& dir, Fn fn) {
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir, descs, &handles, &db).ok());
  auto handle_of = [&](const std::string& name) {
    return handles[std::find(names.begin(), names.end(), name) - names.begin()];
  };
  fn(db, handle_of);
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
}

void Fill(const std::string& dir) {
  auto store = OpenOrDie(dir);
  Statement ev = St("urn:a", "urn:p", "urn:b");
  ev.has_evidence = true;
  ev.evidence.sentence = "A p B.";
  ASSERT_TRUE(store->PutDocument(Doc("d1"), {ev, St("urn:a", "urn:q", "urn:c")}).ok());
  ASSERT_TRUE(store->PutDocument(Doc("d2"), {St("urn:a", "urn:p", "urn:b")}).ok());
  std::vector<std::string> problems;
  ASSERT_KG_OK(store->Check(&problems));
  ASSERT_TRUE(problems.empty());
}

std::vector<std::string> CheckProblems(const std::string& dir) {
  auto store = OpenOrDie(dir, /*read_only=*/true);
  std::vector<std::string> problems;
  Status s = store->Check(&problems);
  EXPECT_EQ(s.code(), problems.empty() ? Status::Code::kOk : Status::Code::kCorruption);
  return problems;
}

bool Mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(StoreCheckTest, StrayIndexKeyIsFound) {
  ScratchDir dir;
  Fill(dir.path());
  Tamper(dir.path(), [](rocksdb::DB* db, auto handle_of) {
    std::string key = keys::TripleKey(keys::IndexOrder::kPos, Triple{1, 2, 777});
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handle_of("pos"), key, "").ok());
  });
  auto problems = CheckProblems(dir.path());
  EXPECT_TRUE(Mentions(problems, "pos: triple (1 2 777) missing from spo")) << problems.size();
  EXPECT_TRUE(Mentions(problems, "pos holds 3 triples, spo 2"));
}

TEST(StoreCheckTest, MissingTwinSupportAndCountsAreFound) {
  ScratchDir dir;
  Fill(dir.path());
  Tamper(dir.path(), [](rocksdb::DB* db, auto handle_of) {
    // Drop one triple from osp, empty its support list, and skew a predicate count.
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), handle_of("spo")));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    Triple t = keys::DecodeTripleKey(keys::IndexOrder::kSpo, it->key().ToStringView());
    ASSERT_TRUE(db->Delete({}, handle_of("osp"), keys::TripleKey(keys::IndexOrder::kOsp, t)).ok());
    ASSERT_TRUE(db->Put({}, handle_of("spo"), keys::TripleKey(keys::IndexOrder::kSpo, t), "").ok());
    PredicateStats ps{t.p, 9, 9, 9};
    ASSERT_TRUE(db->Put({}, handle_of("stats"), keys::PredicateStatsKey(t.p),
                        rows::EncodePredicateStats(ps))
                    .ok());
  });
  auto problems = CheckProblems(dir.path());
  EXPECT_TRUE(Mentions(problems, "osp: missing twin of spo triple"));
  EXPECT_TRUE(Mentions(problems, "spo: no supporting document for triple"));
  EXPECT_TRUE(Mentions(problems, "stats: predicate"));
  EXPECT_TRUE(Mentions(problems, "records 2 triples but supports 1") ||
              Mentions(problems, "records 1 triples but supports 0"));
}

TEST(StoreCheckTest, EvidenceForAbsentTripleIsFound) {
  ScratchDir dir;
  Fill(dir.path());
  Tamper(dir.path(), [](rocksdb::DB* db, auto handle_of) {
    Evidence e;
    e.sentence = "stray";
    ASSERT_TRUE(db->Put({}, handle_of("evidence"), keys::EvidenceKey(Triple{5, 6, 7}, 1, 0),
                        rows::EncodeEvidence(e))
                    .ok());
  });
  auto problems = CheckProblems(dir.path());
  EXPECT_TRUE(Mentions(problems, "evidence: row for absent triple (5 6 7)"));
}

}  // namespace
}  // namespace kg
