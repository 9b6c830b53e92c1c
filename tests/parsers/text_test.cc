#include "parsers/text.h"

#include <gtest/gtest.h>

#include "parsers/html.h"

namespace kg::parsers {
namespace {

TEST(TextTest, FindsInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("curly \xE2\x80\x9Cquotes\xE2\x80\x9D"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("bad \xFF byte"), 4u);
  EXPECT_EQ(FindInvalidUtf8("overlong \xC0\xAF"), 9u);
  EXPECT_EQ(FindInvalidUtf8("surrogate \xED\xA0\x80"), 10u);
  EXPECT_EQ(FindInvalidUtf8("cut \xE2\x80"), 4u);
}

// Long ASCII runs are checked eight bytes at a time: bad bytes inside,
// just after and across such runs are still found where they are.
TEST(TextTest, FindsInvalidUtf8AfterLongAsciiRuns) {
  const std::string run(16, 'a');
  EXPECT_EQ(FindInvalidUtf8(run + "\xE2\x80\x9C" + run), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(run + "\xFF"), 16u);
  EXPECT_EQ(FindInvalidUtf8(run + "bc\xC3"), 18u);  // cut short at the end
  EXPECT_EQ(FindInvalidUtf8(run + "\xC3\xA9" + run + "\xED\xA0\x80" + run), 34u);
  EXPECT_EQ(FindInvalidUtf8("abcdefghijk\x80lmnop"), 11u);
}

TEST(TextTest, FoldsNamesLikeTheScorer) {
  EXPECT_EQ(FoldName("The  People\xE2\x80\x99s Republic"), "people's republic");
  EXPECT_EQ(FoldName("Large\xE2\x80\x93scale AI"), "large-scale ai");
  EXPECT_EQ(FoldName("an apple"), "apple");
  EXPECT_EQ(FoldName("Theory"), "theory");
}

TEST(TextTest, NormalizesDates) {
  EXPECT_EQ(NormalizeDate("2020-11-12"), "2020-11-12");
  EXPECT_EQ(NormalizeDate("November 12, 2020"), "2020-11-12");
  EXPECT_EQ(NormalizeDate("12 November 2020"), "2020-11-12");
  EXPECT_EQ(NormalizeDate("24-MAR-1987 02:28:25.81"), "1987-03-24");
  EXPECT_EQ(NormalizeDate("7/14/2025"), "2025-07-14");
  EXPECT_EQ(NormalizeDate("sometime"), "sometime");
}

TEST(TextTest, HashIsStableAndHex) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("").size(), 16u);
}

TEST(HtmlTest, StripsTagsScriptsAndDecodesEntities) {
  std::string title;
  std::string text = HtmlToText(
      "<html><head><title>A &amp; B</title><style>p{color:red}</style></head>"
      "<body><script>var x = '<p>not text</p>';</script><p>Caf&eacute; &#8220;AI&#x201D; "
      "policy.</p><p>Second<br>line &lt;ok&gt;</p><!-- hidden --></body></html>",
      &title);
  EXPECT_EQ(title, "A & B");
  EXPECT_EQ(text.find("not text"), std::string::npos);
  EXPECT_EQ(text.find("color"), std::string::npos);
  EXPECT_EQ(text.find("hidden"), std::string::npos);
  EXPECT_NE(text.find("Caf\xC3\xA9 \xE2\x80\x9C"
                      "AI\xE2\x80\x9D policy."),
            std::string::npos);
  EXPECT_NE(text.find("line <ok>"), std::string::npos);
  EXPECT_NE(text.find("\n\n"), std::string::npos);  // paragraphs stay apart
}

TEST(HtmlTest, LeavesUnknownEntitiesAlone) {
  EXPECT_EQ(DecodeEntities("AT&T &bogus; &#65;"), "AT&T &bogus; A");
}

}  // namespace
}  // namespace kg::parsers
