#include "parsers/sentence_reading.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg::parsers {
namespace {

std::vector<Token> Toks(const std::string& s) {
  std::vector<Token> t;
  Tokenize(s, 0, static_cast<uint32_t>(s.size()), &t);
  return t;
}

SentenceKind Kind(const std::string& s) { return ReadSentence(Toks(s)).kind; }

TEST(SentenceReadingTest, Definitions) {
  EXPECT_EQ(Kind("(4) The term ``widget'' means a small device."), SentenceKind::kDefinition);
  EXPECT_EQ(Kind("(12) \xE2\x80\x98Widget Office\xE2\x80\x99 means the office of the Union."),
            SentenceKind::kDefinition);
  EXPECT_EQ(Kind("(b) The terms \"gadget\" and \"gizmo\" have the meaning given in section 2."),
            SentenceKind::kDefinition);
  EXPECT_EQ(Kind("(7) \"DEVELOPER\" MEANS A PERSON DOING BUSINESS IN THIS STATE."),
            SentenceKind::kDefinition);
  // "means" without a defined term is an ordinary verb.
  EXPECT_EQ(Kind("This means Freedonia will fund robots."), SentenceKind::kFact);
}

TEST(SentenceReadingTest, Amendments) {
  EXPECT_EQ(Kind("Section 4 of the Widget Act is amended by striking \"a\" and inserting \"b\"."),
            SentenceKind::kAmendment);
  EXPECT_EQ(Kind("Executive Order 11111 is hereby amended as follows:"), SentenceKind::kAmendment);
  EXPECT_EQ(Kind("(2) by redesignating paragraph (3) as paragraph (4)."), SentenceKind::kAmendment);
  EXPECT_EQ(Kind("The law was amended in 2019 to add robots."), SentenceKind::kFact);
}

TEST(SentenceReadingTest, Questions) {
  EXPECT_EQ(Kind("Will Freedonia fund robots?"), SentenceKind::kQuestion);
}

bool AssertsAll(const std::string& s, const std::string& pred = "funds") {
  auto t = Toks(s);
  return Asserts(ReadSentence(t), t, 0, static_cast<uint32_t>(t.size()), pred);
}

TEST(SentenceReadingTest, NegationsAndModals) {
  EXPECT_TRUE(AssertsAll("Freedonia funds robots"));
  EXPECT_FALSE(AssertsAll("Freedonia does not fund robots"));
  EXPECT_FALSE(AssertsAll("Freedonia doesn't fund robots"));
  EXPECT_FALSE(AssertsAll("Freedonia could fund robots"));
  EXPECT_FALSE(AssertsAll("Freedonia should fund robots"));
  // Limits are not negations; "shall" is what a directive says.
  EXPECT_TRUE(AssertsAll("the Secretary shall, not later than 90 days", "directs"));
  EXPECT_TRUE(AssertsAll("Freedonia will fund not more than 3 labs"));
}

TEST(SentenceReadingTest, NegationRightAfterTheMatch) {
  auto t = Toks("The Secretary shall not disclose the list.");
  auto r = ReadSentence(t);
  EXPECT_FALSE(Asserts(r, t, 1, 3, "directs"));  // "Secretary shall" + "not"
  t = Toks("The Secretary shall disclose the list.");
  EXPECT_TRUE(Asserts(ReadSentence(t), t, 1, 3, "directs"));
}

TEST(SentenceReadingTest, FormerOwnershipIsNoOwnership) {
  // Widgetco was formerly owned by Zorb .
  auto t = Toks("Widgetco was formerly owned by Zorb.");
  EXPECT_FALSE(Asserts(ReadSentence(t), t, 0, 6, "owns"));
  t = Toks("Widgetco was owned by Zorb.");
  EXPECT_TRUE(Asserts(ReadSentence(t), t, 0, 5, "owns"));
  // Other relations keep their past: "previously funded" still funded.
  t = Toks("Zorb previously funded robots.");
  EXPECT_TRUE(Asserts(ReadSentence(t), t, 0, 4, "funds"));
}

TEST(SentenceReadingTest, ConditionsCoverTheirClauseOnly) {
  auto t = Toks("If Sylvania funds robots, Freedonia funds chips.");
  auto r = ReadSentence(t);
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_FALSE(Asserts(r, t, 1, 4, "funds"));  // Sylvania funds robots
  EXPECT_TRUE(Asserts(r, t, 5, 8, "funds"));   // Freedonia funds chips
}

}  // namespace
}  // namespace kg::parsers
