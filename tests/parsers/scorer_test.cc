#include "parsers/scorer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace kg::parsers {
namespace {

TEST(ScorerTest, MatchesAliasesListsAndFolding) {
  auto path = std::filesystem::temp_directory_path() / "kg_scorer_test_gold.jsonl";
  std::ofstream(path)
      << R"({"doc": "d", "entities": [{"label": "China", "type": "Country", "aliases": ["the country", "PRC"]}, {"label": "Quantum technology", "type": "Technology", "aliases": ["quantum tech"]}, {"label": "6G", "type": "Technology"}], "relations": [{"s": "China", "p": "funds", "o": "Quantum technology"}, {"s": ["Report", "China"], "p": "supports", "o": "6G"}]})"
      << "\n";
  auto gold = LoadGold(path.string());
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  Score s = ScoreTriples(*gold, {{"d", "PRC", "funds", "Quantum Tech"},
                                 {"d", "the  China", "supports", "6g"},
                                 {"d", "China", "funds", "quantum tech"},  // same triple again
                                 {"d", "China", "funds", "Robots"},
                                 {"other", "X", "funds", "Y"}});
  EXPECT_EQ(s.pred, 3u);
  EXPECT_EQ(s.tp_pred, 2u);
  EXPECT_EQ(s.tp_gold, 2u);
  EXPECT_EQ(s.gold, 2u);
  EXPECT_NEAR(s.f1(), 2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1.0), 1e-9);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kg::parsers
