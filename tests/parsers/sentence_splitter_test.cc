#include "parsers/sentence_splitter.h"

#include <gtest/gtest.h>

#include "parsers/text.h"

namespace kg::parsers {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (auto s : SplitSentences(text))
    out.push_back(CollapseSpace(text.substr(s.begin, s.end - s.begin)));
  return out;
}

TEST(SentenceSplitterTest, AbbreviationsDoNotEndSentences) {
  auto s = Split(
      "The U.S. Department of Commerce met Acme Ltd. and Widget Inc. on Jan. 5. See Sec. 3 and "
      "No. 5 of 50 U.S.C. 1701 et seq. for details. Dr. Smith, e.g. the chair, i.e. Mr. Jones, "
      "agreed. Zentrix Corp. said so.");
  ASSERT_EQ(s.size(), 4u) << ::testing::PrintToString(s);
  EXPECT_EQ(s[0], "The U.S. Department of Commerce met Acme Ltd. and Widget Inc. on Jan. 5.");
  EXPECT_EQ(s[1], "See Sec. 3 and No. 5 of 50 U.S.C. 1701 et seq. for details.");
  EXPECT_EQ(s[3], "Zentrix Corp. said so.");
}

TEST(SentenceSplitterTest, HardWrappedLinesJoinBlankLinesAndHeadingsSplit) {
  auto s = Split(
      "Market Overview\n"
      "Freedonia is ramping up investment in\n"
      "quantum tech and robots, officials\n"
      "said on Monday.\n"
      "\n"
      "A second paragraph without a stop\n"
      "\n"
      "Third one.");
  ASSERT_EQ(s.size(), 4u) << ::testing::PrintToString(s);
  EXPECT_EQ(s[0], "Market Overview");
  EXPECT_EQ(
      s[1],
      "Freedonia is ramping up investment in quantum tech and robots, officials said on Monday.");
  EXPECT_EQ(s[2], "A second paragraph without a stop");
}

TEST(SentenceSplitterTest, CurlyQuotesAndOffsets) {
  std::string text = "He said \xE2\x80\x9CYes.\xE2\x80\x9D Then he left!  Why?";
  auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "He said \xE2\x80\x9CYes.\xE2\x80\x9D");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "Why?");
}

TEST(SentenceSplitterTest, InitialsAndLowercaseContinuations) {
  auto s = Split("I, DONALD J. TRUMP, find that it is so. Trading starts 9:30 a.m. eastern time.");
  ASSERT_EQ(s.size(), 2u) << ::testing::PrintToString(s);
}

}  // namespace
}  // namespace kg::parsers
