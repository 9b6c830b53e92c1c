// LabelCache on its own (versions, the memory bound) and the view version
// every Store moves on a write, a bulk load and a reader's Refresh().
#include "kg/label_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "kg/vocab.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

TEST(LabelCacheTest, AnswersWithinOneVersion) {
  LabelCache cache;
  std::string label;
  EXPECT_FALSE(cache.Get(7, 1, &label));
  cache.Put(7, 1, "Acme");
  cache.Put(7, 2, "");  // an empty label is a label too
  ASSERT_TRUE(cache.Get(7, 1, &label));
  EXPECT_EQ(label, "Acme");
  ASSERT_TRUE(cache.Get(7, 2, &label));
  EXPECT_EQ(label, "");
  EXPECT_EQ(cache.size(), 2u);
}

TEST(LabelCacheTest, ANewerVersionEmptiesItAndAnOlderOneIsIgnored) {
  LabelCache cache;
  std::string label;
  cache.Put(7, 1, "Acme");
  // A reader still at version 6 neither sees nor adds anything.
  EXPECT_FALSE(cache.Get(6, 1, &label));
  cache.Put(6, 2, "Old");
  EXPECT_FALSE(cache.Get(7, 2, &label));
  // The first look at version 8 drops what version 7 knew.
  EXPECT_FALSE(cache.Get(8, 1, &label));
  EXPECT_EQ(cache.size(), 0u);
  cache.Put(7, 1, "Stale");  // worked out before the change: dropped
  EXPECT_FALSE(cache.Get(8, 1, &label));
  cache.Put(8, 1, "Acme Corp");
  ASSERT_TRUE(cache.Get(8, 1, &label));
  EXPECT_EQ(label, "Acme Corp");
}

TEST(LabelCacheTest, MemoryStaysWithinItsBudget) {
  constexpr size_t kBudget = 64 * 1024;
  LabelCache cache(kBudget);
  const std::string text(40, 'x');
  for (TermId id = 1; id <= 100000; ++id) {
    cache.Put(1, id, text + std::to_string(id));
    ASSERT_LE(cache.bytes(), kBudget) << id;
  }
  // Entries cost what the estimate says, and at least a quarter of the
  // budget is in use: the newest entries are kept.
  EXPECT_GE(cache.bytes(), kBudget / 4);
  std::string label;
  ASSERT_TRUE(cache.Get(1, 100000, &label));
  EXPECT_EQ(label, text + "100000");
  EXPECT_FALSE(cache.Get(1, 1, &label));
  // A label larger than half the budget is not kept at all.
  cache.Put(1, 0, std::string(kBudget, 'y'));
  EXPECT_FALSE(cache.Get(1, 0, &label));
  EXPECT_LE(cache.bytes(), kBudget);
}

TEST(LabelCacheTest, AHitInTheOlderHalfSurvivesTheNextTurnOver) {
  LabelCache cache(20 * (LabelCache::kEntryOverhead + sizeof(std::string)));  // 10 per half
  for (TermId id = 1; id <= 10; ++id) cache.Put(1, id, "");
  cache.Put(1, 11, "");  // 1..10 become the older half
  std::string label;
  ASSERT_TRUE(cache.Get(1, 3, &label));  // moves 3 forward
  for (TermId id = 12; id <= 20; ++id) cache.Put(1, id, "");
  cache.Put(1, 21, "");  // the older half (without 3) is dropped
  EXPECT_TRUE(cache.Get(1, 3, &label));
  EXPECT_FALSE(cache.Get(1, 4, &label));
}

TEST(StoreViewVersionTest, MovesOnEveryWriteAndOnAReadersRefresh) {
  testing::ScratchDir dir;
  auto writer = testing::OpenOrDie(dir.path());
  ASSERT_TRUE(writer);
  ASSERT_NE(writer->label_cache(), nullptr);
  ASSERT_TRUE(
      writer->PutDocument(testing::Doc("d1"), {testing::St("urn:a", "urn:p", "urn:b")}).ok());
  auto reader = testing::OpenOrDie(dir.path(), /*read_only=*/true);
  ASSERT_TRUE(reader);
  ASSERT_NE(reader->label_cache(), writer->label_cache());

  uint64_t w = writer->ViewVersion(), r = reader->ViewVersion();
  ASSERT_TRUE(writer->Count({}).ok());
  EXPECT_EQ(writer->ViewVersion(), w);  // reads leave it alone

  ASSERT_TRUE(
      writer->PutDocument(testing::Doc("d2"), {testing::St("urn:c", "urn:p", "urn:d")}).ok());
  EXPECT_GT(writer->ViewVersion(), w);
  w = writer->ViewVersion();
  EXPECT_EQ(reader->ViewVersion(), r);  // until it catches up
  ASSERT_KG_OK(reader->Refresh());
  EXPECT_GT(reader->ViewVersion(), r);
  r = reader->ViewVersion();
  ASSERT_KG_OK(reader->Refresh());
  EXPECT_EQ(reader->ViewVersion(), r);  // nothing new, no new version

  ASSERT_KG_OK(writer->RemoveDocument("d2"));
  EXPECT_GT(writer->ViewVersion(), w);
  w = writer->ViewVersion();

  // A bulk load writes no batch, only files: the version moves all the same.
  auto loader = writer->NewBulkLoader(testing::Doc("bulk"));
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  ASSERT_KG_OK((*loader)->Add(Term::Iri("urn:a"), Term::Iri(std::string(vocab::kRdfsLabel)),
                              Term::Literal("A"), nullptr));
  ASSERT_KG_OK((*loader)->Finish());
  loader->reset();
  EXPECT_GT(writer->ViewVersion(), w);
  ASSERT_KG_OK(reader->Refresh());
  EXPECT_GT(reader->ViewVersion(), r);
}

}  // namespace
}  // namespace kg
