// kg stats, check, docs and forget: the real binary on real stores, built
// here through the kg/ API.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rocksdb/db.h>

#include "kg/key_codec.h"
#include "kg/store.h"
#include "kg/vocab.h"
#include "tests/tools/cli_runner.h"

namespace kg {
namespace {

using testing::RunKg;
using testing::TempDir;

Statement St(const std::string& s, const std::string& p, const Term& o) {
  Statement st{Term::Iri(s), Term::Iri(p), o, false, {}};
  return st;
}

const std::string kType(vocab::kRdfType), kLabel(vocab::kRdfsLabel);

class CliStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = tmp_ / "kg.db";
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const std::string bd = vocab::EntityIri("ByteDance"), tt = vocab::EntityIri("TikTok"),
                      cn = vocab::EntityIri("China");
    Statement owns = St(bd, vocab::PredicateIri("owns"), Term::Iri(tt));
    owns.has_evidence = true;
    owns.evidence.sentence = "ByteDance owns TikTok.";
    owns.evidence.rule = "owns-1";
    DocumentInfo a{"news-1", "TikTok \"owner\" named", "2024-03-01", "/corpus/news-1.txt", "h1", 0};
    DocumentInfo b{"news-2", "Beijing & chips", "2024-04-02", "https://example.org/2", "h2", 0};
    ASSERT_TRUE((*store)
                    ->PutDocument(a, {owns, St(bd, kType, Term::Iri(vocab::TypeIri("Company"))),
                                      St(tt, kType, Term::Iri(vocab::TypeIri("Product"))),
                                      St(bd, kLabel, Term::Literal("ByteDance"))})
                    .ok());
    ASSERT_TRUE((*store)
                    ->PutDocument(b, {owns, St(bd, vocab::PredicateIri("based_in"), Term::Iri(cn)),
                                      St(cn, kType, Term::Iri(vocab::TypeIri("Country")))})
                    .ok());
  }

  std::vector<std::string> Db() const { return {"--db", db_}; }
  std::vector<std::string> Args(std::vector<std::string> rest) const {
    std::vector<std::string> out = Db();
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
  }

  TempDir tmp_;
  std::string db_;
};

TEST_F(CliStoreTest, StatsTextAndJson) {
  auto r = RunKg(Args({"stats"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("triples    6\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("documents  2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entities   3\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("owns"), std::string::npos);
  EXPECT_NE(r.out.find("Company"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;

  r = RunKg(Args({"stats", "--json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(r.out.c_str()).HasParseError()) << r.out;
  EXPECT_EQ(d["triples"].GetUint64(), 6u);
  EXPECT_EQ(d["documents"].GetUint64(), 2u);
  EXPECT_EQ(d["entities"].GetUint64(), 3u);
  EXPECT_GT(d["disk_bytes"].GetUint64(), 0u);
  ASSERT_TRUE(d["predicates"].IsArray());
  EXPECT_EQ(d["predicates"].Size(), 4u);
  EXPECT_EQ(std::string(d["predicates"][0]["label"].GetString()), "type");
  EXPECT_EQ(d["predicates"][0]["triples"].GetUint64(), 3u);
  ASSERT_EQ(d["types"].Size(), 3u);
  bool company = false;
  for (auto& t : d["types"].GetArray()) {
    if (std::string(t["label"].GetString()) == "Company") company = t["entities"].GetUint64() == 1;
  }
  EXPECT_TRUE(company);
}

TEST_F(CliStoreTest, DocsTableAndJson) {
  auto r = RunKg(Args({"docs"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("news-1"), std::string::npos);
  EXPECT_NE(r.out.find("https://example.org/2"), std::string::npos);
  r = RunKg(Args({"docs", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(r.out.c_str()).HasParseError()) << r.out;
  ASSERT_TRUE(d.IsArray());
  ASSERT_EQ(d.Size(), 2u);
  EXPECT_EQ(std::string(d[0]["id"].GetString()), "news-1");
  EXPECT_EQ(std::string(d[0]["title"].GetString()), "TikTok \"owner\" named");
  EXPECT_EQ(std::string(d[0]["date"].GetString()), "2024-03-01");
  EXPECT_EQ(std::string(d[0]["source"].GetString()), "/corpus/news-1.txt");
  EXPECT_EQ(d[0]["triples"].GetUint64(), 4u);
  EXPECT_EQ(d[1]["triples"].GetUint64(), 3u);
  EXPECT_EQ(RunKg(Args({"docs", "--format", "xml"})).exit_code, 2);
}

TEST_F(CliStoreTest, ForgetRemovesOneDocument) {
  auto r = RunKg(Args({"forget", "news-1"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "forgot news-1 (4 triples)\n");
  r = RunKg(Args({"stats", "--json"}));
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(r.out.c_str()).HasParseError());
  EXPECT_EQ(d["triples"].GetUint64(), 3u);  // owns stays: news-2 supports it
  EXPECT_EQ(d["documents"].GetUint64(), 1u);
  EXPECT_EQ(RunKg(Args({"check"})).exit_code, 0);

  r = RunKg(Args({"forget", "news-1"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kg: no document news-1 in store " + db_ + "\n");
  EXPECT_EQ(RunKg(Args({"forget"})).exit_code, 2);
}

TEST_F(CliStoreTest, CheckCleanThenCorrupted) {
  auto r = RunKg(Args({"check"}));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "store " + db_ + " is consistent: 6 triples, 2 documents\n");
  {
    // A stray osp key written behind kg's back.
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), db_, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), db_, descs, &handles, &db).ok());
    size_t osp = std::find(names.begin(), names.end(), "osp") - names.begin();
    ASSERT_TRUE(
        db->Put({}, handles[osp], keys::TripleKey(keys::IndexOrder::kOsp, {1, 2, 99}), "").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  r = RunKg(Args({"check"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("osp: triple (1 2 99) missing from spo"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "kg: store " + db_ + " has 2 problem(s)\n");
}

TEST_F(CliStoreTest, ReadersWorkBesideAWriterAndASecondWriterIsBusy) {
  auto writer = Store::Open(db_);
  ASSERT_TRUE(writer.ok());
  auto r = RunKg(Args({"stats", "--json"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(RunKg(Args({"docs"})).exit_code, 0);
  EXPECT_EQ(RunKg(Args({"check"})).exit_code, 0);
  r = RunKg(Args({"forget", "news-1"}));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "kg: store " + db_ + " is in use by another kg process\n");
}

TEST(CliStoreErrorsTest, MissingAndForeignDirectories) {
  TempDir tmp;
  const std::string missing = tmp / "none.db";
  for (const char* cmd : {"stats", "check", "docs"}) {
    auto r = RunKg({"--db", missing, cmd});
    EXPECT_EQ(r.exit_code, 3) << cmd;
    EXPECT_NE(r.err.find("store " + missing + " does not exist"), std::string::npos) << r.err;
  }
  auto r = RunKg({"--db", missing, "forget", "x"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_FALSE(std::filesystem::exists(missing));  // nothing created
  testing::WriteFile(tmp / "notes.txt", "not a store\n");
  r = RunKg({"--db", tmp.path().string(), "stats"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "kg: store " + tmp.path().string() +
                       " is not a kg store (no kg format version found)\n");
  r = RunKg({"stats"}, "", {"KG_DB=" + missing});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(missing), std::string::npos);
}

}  // namespace
}  // namespace kg
