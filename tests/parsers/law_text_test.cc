// How laws and regulations speak of themselves and of who makes them: short
// title clauses, enacting clauses, "these measures", approval at a body's
// meeting; and how an apposition names an owner. Every text here is written
// for these tests.
#include <gtest/gtest.h>

#include "tests/parsers/extraction_fixture.h"

namespace kg::parsers {
namespace {

class LawTextTest : public ExtractionTest {};

TEST_F(LawTextTest, AShortTitleClauseNamesTheLaw) {
  auto x =
      Run("AN ACT to protect widgets.\n\n"
          "1. (1) This Act may be called the Widget Protection Act, 2031.\n\n"
          "2. The Secretary of Widgets shall publish a list of protected widgets.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Widget Protection Act directs Secretary of Widgets"}));
}

TEST_F(LawTextTest, TheEnactingClauseNamesTheLegislature) {
  auto x =
      Run("This Act may be cited as the Widget Safety Act of 2031.\n\n"
          "Be it enacted by the Senate and House of Delegates of the Republic of Freedonia in "
          "Congress assembled,\n\nSECTION 1. SHORT TITLE.\n");
  // The chamber names inside the clause are not the issuer: the assembly is.
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Widget Safety Act issued_by Widget Congress"}));

  auto y =
      Run("This Act may be cited as the Widget Safety Act of 2031.\n\n"
          "Be it enacted by the Sylvanian Widget Commission:\n");
  EXPECT_EQ(Triples(y),
            (std::vector<std::string>{"Widget Safety Act issued_by Sylvanian Widget Commission"}));
}

TEST_F(LawTextTest, TheseMeasuresAreTheRegulationItself) {
  const std::string title = "Interim Measures for the Management of Widget Robot Services";
  auto x = Run(title +
                   "\n\nArticle 1: These measures are established to promote the healthy "
                   "development and orderly application of artificial intelligence.\n\n"
                   "These measures have been reviewed and approved at the 3rd office meeting of "
                   "the Ministry of Widgets on May 2, 2031.\n",
               title);
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            title + " issued_by Ministry of Widgets",
                            title + " supports Artificial intelligence",
                        }));
}

TEST_F(LawTextTest, ADateEndsAnAgencyName) {
  auto x = Run("The Widget Standards Board of Sylvania on May 2 issued new rules.\n");
  ASSERT_FALSE(x.entities.empty());
  for (const auto& e : x.entities) EXPECT_EQ(e.label.find("May"), std::string::npos) << e.label;
}

TEST_F(LawTextTest, ACapitalHeadingEndsWhereCapitalsStop) {
  auto x =
      Run("NATIONAL WIDGET INSTITUTE OF\nSTANDARDS AND TECHNOLOGY\nU.S. DEPARTMENT OF WIDGETS\n"
          "Widget Risk Management Framework\n\nThe framework helps.\n");
  bool institute = false;
  for (const auto& e : x.entities) {
    EXPECT_EQ(e.label.find("Widget Risk"), e.label.rfind("Widget Risk", 0)) << e.label;
    EXPECT_NE(e.label.back(), 'U') << e.label;
    institute = institute || e.label == "NATIONAL WIDGET INSTITUTE OF STANDARDS AND TECHNOLOGY";
  }
  EXPECT_TRUE(institute);
}

TEST_F(LawTextTest, ALongTitleSaysWhatTheLawGoverns) {
  auto x =
      Run("AN ACT to provide for the use of robots in a manner that protects workers.\n\n"
          "1. This Act may be called the Robot Safety Act, 2031.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Robot Safety Act regulates Robotics"}));
  auto y =
      Run("Widget Bill No. 7\n\nAn act to add Chapter 4 to Division 2 of the Widget Code, and to "
          "amend Section 9 of the Trade Code, relating to artificial intelligence.\n\n"
          "This Act may be cited as the Widget Safety Act.\n");
  EXPECT_EQ(Triples(y),
            (std::vector<std::string>{"Widget Safety Act regulates Artificial intelligence"}));
}

TEST_F(LawTextTest, ABillsSubjectLineSaysWhatItRegulates) {
  auto x =
      Run("SENATE BILL 31-077\n\nCONCERNING SAFETY IN THE USE OF ROBOTS.\n\n"
          "This Act may be cited as the Widget Robot Act.\n\n"
          "The commission keeps records concerning artificial intelligence.\n");
  // Only the line that opens with "concerning": the records are no subject.
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Widget Robot Act regulates Robotics"}));
}

TEST_F(LawTextTest, WhatALawAppliesToItRegulates) {
  auto x =
      Run("Widget Measures for the Management of Robot Services\n\n"
          "Article 1: These Measures apply to services that use artificial intelligence to move "
          "widgets.\n\nArticle 2: These Measures shall apply to widget departments and "
          "agencies.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Widget Measures for the Management of Robot Services regulates "
                            "Artificial intelligence",
                        }));
}

TEST_F(LawTextTest, AnArticleInTheImperativeIsTheDocumentSpeaking) {
  auto x =
      Run("Widget Measures for the Management of Robot Services\n\n"
          "Article 5: Promote the innovative application of robots in industry.\n\n"
          "Encourage the adoption of secure and trusted chips.\n\n"
          "The board shall do the following. Promote programs on quantum computing.\n\n"
          "Support for artificial intelligence grew.\n");
  // Other verbs than "encourage" need an article's number before them: the
  // board's duty and the noun "support" give nothing.
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Widget Measures for the Management of Robot Services supports "
                            "Robotics",
                            "Widget Measures for the Management of Robot Services supports "
                            "Semiconductors",
                        }));
}

TEST_F(LawTextTest, AChapterKnownAsALawNamesTheBill) {
  auto x =
      Run("Senate Bill No. 77\n\nA fund to be known as the Widget Fund is created.\n\n"
          "10.1. This chapter shall be known as the Widget Transparency Act.\n\n"
          "10.2. The Ministry of Widgets shall publish a list of robots.\n\n"
          "Senate Bill 77 regulates robots.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Widget Transparency Act directs Ministry of Widgets",
                            "Widget Transparency Act regulates Robotics",
                        }));
}

TEST_F(LawTextTest, BanningTheUseOfAThingRestrictsIt) {
  auto x = Run("Freedonia recently banned the use of the Glimmer app on government phones.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Freedonia restricts Glimmer"}));
}

TEST_F(LawTextTest, AnAppositionNamesTheOwnerOfTheNearestCompany) {
  auto x =
      Run("Glimmer, a video-sharing application owned by the Freedonian company Zentrix, is "
          "popular.\n\n"
          "Ministers questioned a proposed takeover by Zorb of Freedonia-based Zentrix, a unit of "
          "Widgetco, last week.\n");
  EXPECT_TRUE(Has(x, "Zentrix owns Glimmer"));
  EXPECT_TRUE(Has(x, "Widgetco owns Zentrix"));
  // The gap after Zorb may not skip Zentrix to reach the apposition.
  EXPECT_FALSE(Has(x, "Widgetco owns Zorb"));
}

TEST_F(LawTextTest, TheStateInACountrysLawIsThatCountry) {
  const std::string title = "Widget Law of the Republic of Freedonia";
  auto x = Run(title +
                   "\n\n(Adopted at the 9th Meeting of the Widget Congress on May 2, 2031)\n\n"
                   "Article 3 The State protects the rights of users, encourages the lawful use of "
                   "data, and promotes the development of artificial intelligence.\n\n"
                   "Article 4 The State supports research on quantum tech.\n\n"
                   "Article 5 The State Director of Widgets shall keep a register of robots.\n\n"
                   "Article 6 Where any country or region restricts robots, the State may act "
                   "against the country or region.\n",
               title);
  EXPECT_TRUE(Has(x, "Freedonia supports Artificial intelligence"))
      << ::testing::PrintToString(Triples(x));
  EXPECT_TRUE(Has(x, "Freedonia supports Quantum technology"));
  EXPECT_TRUE(Has(x, "Widget Law issued_by Widget Congress"));
  // "The State Director of ..." is an office, not the country.
  for (const auto& t : Triples(x)) EXPECT_EQ(t.find("Freedonia directs"), std::string::npos) << t;
  for (const auto& t : Triples(x)) EXPECT_EQ(t.find("restricts"), std::string::npos) << t;
}

TEST_F(LawTextTest, AnIndustryWordBeforeOfIsAnActivity) {
  auto x =
      Run("Freedonia promotes the mining of widgets.\n\nSylvania promotes the mining industry.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Sylvania supports Mining"}));
}

TEST_F(LawTextTest, AnEuRegulationsTitleNamesItsMakers) {
  const std::string title =
      "REGULATION (EU) 2031/77 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 2 May 2031 on "
      "widget safety";
  auto x = Run(title +
                   "\n\nThis Regulation lays down rules for the use of robots and supports the "
                   "development of 6G.\n\n"
                   "Regulation (EU) 2030/12 of the European Parliament and of the Council shall "
                   "apply to widgets.\n",
               title);
  // A regulation it only cites is not the document: its makers are not read.
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Regulation (EU) 2031/77 issued_by Council of the European Union",
                            "Regulation (EU) 2031/77 issued_by European Parliament",
                            "Regulation (EU) 2031/77 regulates Robotics",
                            "Regulation (EU) 2031/77 supports 6G",
                        }));
}

TEST_F(LawTextTest, AShortNameInBracketsNamesTheOfficeLater) {
  auto x =
      Run("Executive Order 99001: Widgets\n\n"
          "Sec. 1. The Secretary of Widgets (Secretary) leads the widget office.\n\n"
          "Sec. 2. The Secretary of Trade shall report.\n\n"
          "Sec. 3. The Secretary shall, as appropriate, publish a list of robots.\n",
          "Executive Order 99001: Widgets");
  // "The Secretary" after two Secretaries is the one the order called so.
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Executive Order 99001 directs Secretary of Trade",
                            "Executive Order 99001 directs Secretary of Widgets",
                        }));
}

}  // namespace
}  // namespace kg::parsers
