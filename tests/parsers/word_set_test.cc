#include "parsers/word_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kg/open_hash_table.h"
#include "parsers/tokenizer.h"

namespace kg::parsers {
namespace {

TEST(WordSetTest, ContainsExactlyItsWords) {
  const WordSet set{"act", "plan", "'s", ",", "act"};
  EXPECT_TRUE(set.Contains("act"));
  EXPECT_TRUE(set.Contains("plan"));
  EXPECT_TRUE(set.Contains("'s"));
  EXPECT_TRUE(set.Contains(","));
  EXPECT_FALSE(set.Contains("acts"));
  EXPECT_FALSE(set.Contains("Act"));  // folded words only
  EXPECT_FALSE(set.Contains(""));
}

TEST(WordSetTest, TokensAreTestedByTheirFoldedForm) {
  const WordSet set{"ministry", "u"};
  std::vector<Token> toks;
  std::string text = "The MINISTRY of U.S. ministries";
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), &toks);
  ASSERT_EQ(toks.size(), 8u);  // the MINISTRY of u . s . ministries
  EXPECT_FALSE(set.Contains(toks[0]));
  EXPECT_TRUE(set.Contains(toks[1]));
  EXPECT_FALSE(set.Contains(toks[2]));
  EXPECT_TRUE(set.Contains(toks[3]));
  EXPECT_FALSE(set.Contains(toks[4]));
  EXPECT_FALSE(set.Contains(toks[7]));
}

// Slots that share one hash value still tell their keys apart.
struct Slot {
  uint64_t h = 0;
  uint32_t id = 0;  // 0: empty
  bool empty() const { return id == 0; }
  uint64_t hash() const { return h; }
};

TEST(OpenHashTableTest, FindsWhatWasInsertedThroughGrowthAndCollisions) {
  OpenHashTable<Slot> t;
  std::vector<uint64_t> keys;
  for (uint32_t i = 1; i <= 5000; ++i) {
    keys.push_back(i % 7 == 0 ? 42 : i * 2654435761u);  // every 7th key collides on hash 42
    t.Insert(Slot{keys.back(), i});
  }
  EXPECT_EQ(t.size(), 5000u);
  for (uint32_t i = 1; i <= 5000; ++i) {
    const Slot* s = t.Find(keys[i - 1], [&](const Slot& s) { return s.id == i; });
    ASSERT_NE(s, nullptr) << i;
    EXPECT_EQ(s->id, i);
  }
  EXPECT_EQ(t.Find(7, [](const Slot&) { return true; }), nullptr);
  t.Clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.Find(keys[0], [](const Slot&) { return true; }), nullptr);
  t.Insert(Slot{keys[0], 1});
  EXPECT_NE(t.Find(keys[0], [](const Slot&) { return true; }), nullptr);
}

}  // namespace
}  // namespace kg::parsers
