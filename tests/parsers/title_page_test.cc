// A title page names the bodies that made the document, each alone on its
// line; the same lines elsewhere, or a long list of bodies, do not. Every
// text here is written for these tests.
#include <gtest/gtest.h>

#include "tests/parsers/extraction_fixture.h"

namespace kg::parsers {
namespace {

class TitlePageTest : public ExtractionTest {};

const char* kTitle = "Interim Measures for the Management of Widget Robot Services";

TEST_F(TitlePageTest, BodiesOnTheirOwnLinesAfterTheTitleMadeIt) {
  auto x = Run(std::string("A Translation\n\n") + kTitle +
                   "1 May 2, 2031\n\nMinistry of Trade\n\n"
                   "Ministry of Widgets of the Republic of Freedonia\n\n"
                   "THE SYLVANIAN WIDGET COMMISSION AND THE WIDGET CONGRESS,\n\nOrder Number 7\n\n"
                   "Article 1: These measures take effect on 2 May 2031.\n",
               kTitle);
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            std::string(kTitle) + " issued_by Ministry of Trade",
                            std::string(kTitle) + " issued_by Ministry of Widgets",
                            std::string(kTitle) + " issued_by Sylvanian Widget Commission",
                            std::string(kTitle) + " issued_by Widget Congress",
                        }))
      << "a footnote mark glued to the title's last word on the page is the same title";
}

TEST_F(TitlePageTest, ABodyAfterProseOrASignatureIsNoMaker) {
  auto x = Run(std::string(kTitle) +
                   "\n\nBy the authority vested in the council, the widget office designates a "
                   "widget register for every robot made or sold in the country from this day.\n\n"
                   "Ministry of Trade\n\nDirector of the Ministry of Widgets Jane Roe\n",
               kTitle);
  EXPECT_TRUE(Triples(x).empty()) << ::testing::PrintToString(Triples(x));
}

TEST_F(TitlePageTest, AListOfManyBodiesIsNoListOfMakers) {
  std::string text = std::string(kTitle) + "\n\n";
  for (const char* body : {"Ministry of Trade", "Ministry of Widgets", "Widget Congress",
                           "Sylvanian Widget Commission", "Ministry of Robots", "Ministry of Gears",
                           "Ministry of Springs", "Ministry of Levers", "Ministry of Wheels"})
    text += std::string(body) + "\n";
  auto x = Run(text + "\nThese measures take effect on 2 May 2031.\n", kTitle);
  EXPECT_TRUE(Triples(x).empty()) << ::testing::PrintToString(Triples(x));
}

TEST_F(TitlePageTest, AHeadingRunIntoTheNextLineNamesNoBody) {
  auto x = Run(std::string(kTitle) +
                   "\n\nCommittee on Widget Policy\nAuthority\n\n"
                   "By the authority vested in me, it is ordered.\n",
               kTitle);
  EXPECT_TRUE(Triples(x).empty()) << ::testing::PrintToString(Triples(x));
}

TEST_F(TitlePageTest, AFootnoteMarkGluedToTheTitleIsDropped) {
  const std::string marked = std::string(kTitle) + "ii";
  auto x = Run(marked + "\n\nMinistry of Trade\n\nThe \"" + kTitle +
                   "\" have been approved by the Ministry of Trade.\n",
               "");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{std::string(kTitle) + " issued_by Ministry of Trade"}));
  // Without the unmarked title in the text, the name stays as written.
  auto y = Run(std::string(kTitle) + "x\n\nMinistry of Trade\n\nThese measures apply.\n", "");
  EXPECT_EQ(Triples(y),
            (std::vector<std::string>{std::string(kTitle) + "x issued_by Ministry of Trade"}));
}

}  // namespace
}  // namespace kg::parsers
