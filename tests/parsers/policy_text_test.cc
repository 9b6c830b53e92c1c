// How policy text is read: definitions, amending instructions, negations,
// hypotheses and questions state no facts; law names stay whole across
// citations and hard line breaks; "shall" directs only when its subject is
// to act. Every text here is written for these tests.
#include <gtest/gtest.h>

#include "tests/parsers/extraction_fixture.h"

namespace kg::parsers {
namespace {

class PolicyTextTest : public ExtractionTest {
 protected:
  static constexpr const char* kOrder = "Executive Order 99998: Widgets in Government";
  Extraction Order(const std::string& body) {
    return Run(std::string(kOrder) + "\n\n" + body, kOrder);
  }
};

TEST_F(PolicyTextTest, DefinitionsStateNoFacts) {
  auto x = Order(
      "Sec. 5. Definitions. (a) The term \"widget office\" means the office of the Ministry of "
      "Widgets that shall promote robots.\n\n"
      "(b) \"Zentrix\" means the company that Freedonia funds.\n\n"
      "(c) The Secretary of Widgets shall report on chips within 90 days.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Secretary of Widgets"}));
}

TEST_F(PolicyTextTest, AmendingInstructionsOnlyAmend) {
  auto x = Order(
      "Section 3 of the Widget Safety Act (12 U.S.C. 345) is amended by striking \"Freedonia "
      "supports robots\" and inserting \"Sylvania funds chips\".\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 amends Widget Safety Act"}));
  // The citation is part of the law's name: "U.S." in "U.S.C." is no country.
  for (const auto& e : x.entities) EXPECT_NE(e.label, "United States");
}

TEST_F(PolicyTextTest, CitationsStayWithTheLawTheyCite) {
  auto x = Order(
      "Section 9 of the Widget Trade Act, 2021 (Public Law 101-202) is hereby amended as "
      "follows.\n\n"
      "Section 2 of the National Widget Authorization Act for Fiscal Year 2021 (15 U.S.C. 4651) "
      "is amended by adding at the end the following.\n");
  EXPECT_EQ(
      Triples(x),
      (std::vector<std::string>{
          "Executive Order 99998 amends National Widget Authorization Act for Fiscal Year 2021",
          "Executive Order 99998 amends Widget Trade Act"}));
}

TEST_F(PolicyTextTest, NamesStayWholeAcrossAHardWrappedHeading) {
  auto x = Order(
      "    (b) Widget Fellowships.--\n"
      "        (1) In general.--The fellowships shall grow to 3,000 fellows.\n"
      "        (2) Program update.--Section 10 of the National Widget\n"
      "    Foundation Act of 1950 (42 U.S.C. 1869) is amended--\n"
      "            (A) in subsection (a), by inserting \"and robots\" after \"chips\".\n");
  EXPECT_TRUE(Has(x, "Executive Order 99998 amends National Widget Foundation Act"))
      << ::testing::PrintToString(Triples(x));
  EXPECT_FALSE(Has(x, "Executive Order 99998 amends Foundation Act"));
}

TEST_F(PolicyTextTest, NegationsStateNoFacts) {
  auto x = Run("Freedonia does not fund robots. Sylvania never restricted Zentrix.");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  x = Order(
      "The Secretary of Widgets shall not disclose the list.\n\n"
      "No Ministry of Widgets shall issue rules.\n");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, DeadlinesAreNotNegations) {
  auto x = Order(
      "Not later than 90 days after the date of this order, the Secretary of Widgets shall, not "
      "later than the following year, submit a report.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Secretary of Widgets"}));
}

TEST_F(PolicyTextTest, HypothesesAndQuestionsStateNoFacts) {
  auto x =
      Run("Freedonia could ban chips. Sylvania may invest in AI. Will Freedonia fund robots? "
          "The ministry said Sylvania should promote 6G.");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  // Only the clause a condition opens is hypothetical.
  x = Run("If Sylvania funds robots, Freedonia funds chips.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Freedonia funds Semiconductors"}));
}

TEST_F(PolicyTextTest, ShallDirectsOnlyASubjectThatActs) {
  auto x = Order(
      "The Ministry of Widgets shall be established within the government.\n\n"
      "The Ministry of Widgets shall consist of five members.\n\n"
      "The Secretary of Widgets, in consultation with the Ministry of Widgets, shall publish "
      "guidance.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Secretary of Widgets"}));
}

TEST_F(PolicyTextTest, AnOfficeNamedOnlyByItsKindIsNoName) {
  auto x = Order("The Director of the Office shall appoint a manager for robots.\n");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  for (const auto& e : x.entities) EXPECT_NE(e.label, "Director of the Office");
}

TEST_F(PolicyTextTest, SupportsBelongsToTheSubjectOfItsVerb) {
  // A purpose clause or an object that is helped is not the supporter.
  auto x = Order(
      "To support robots, the Secretary of Widgets shall report to the President.\n\n"
      "Agencies shall help the Ministry of Widgets in promoting AI.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Secretary of Widgets"}));
  // Auxiliaries and words of intent may stand between them.
  x = Run("Freedonia also plans to promote robots. Sylvania is committed to boosting 6G.");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Freedonia supports Robotics", "Sylvania supports 6G"}));
  x = Run("Sylvania unveiled new measures to accelerate AI adoption.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Sylvania supports Artificial intelligence"}));
}

TEST_F(PolicyTextTest, NationalityInAFirmsOwnNameIsNotItsBase) {
  auto x = Run("Investors bought shares of American Widget Corp on Monday.");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  x = Run("Funds may not buy securities of any Communist Sylvanian military company.");
  EXPECT_TRUE(Has(x, "Communist Sylvanian military company based_in Sylvania"))
      << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, AnEntityAfterAPrepositionIsNotTheOneDirected) {
  auto x = Order(
      "The membership of the Ministry of Widgets shall include five experts.\n\n"
      "The Widget Office, within the Ministry of Widgets, shall publish guidance.\n");
  for (const auto& t : Triples(x))
    EXPECT_NE(t, "Executive Order 99998 directs Ministry of Widgets");
}

TEST_F(PolicyTextTest, ANewsHeadlineIsNotThePolicyOfItsStory) {
  auto x = Run("Officials said the Ministry of Widgets must act soon.",
               "SENATOR ASKS FAST ACTION ON WIDGET BILL");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, WhoImposesAMeasureIsItsSubject) {
  auto x = Run("Freedonia imposed tariffs on Sylvanian chips.");
  EXPECT_TRUE(Has(x, "Freedonia restricts Sylvania")) << ::testing::PrintToString(Triples(x));
  // Reported, weighed or undone measures are not imposed by the speaker.
  x = Run("Freedonia agreed to forego duties on Sylvanian chips.");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  x = Run("Zentrix also said the Freedonia sanctions against Sylvanian chips hurt.");
  EXPECT_FALSE(Has(x, "Zentrix restricts Sylvania")) << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, AOneWordCompanyNameInsideALongerNameIsNotThatCompany) {
  auto x = Run("Freedonia partnered with Zentrix Power and Associates on robots.");
  for (const auto& e : x.entities) EXPECT_NE(e.label, "Zentrix");
  x = Run("Freedonia partnered with Sylvania's widget board and with Zentrix Corp.");
  EXPECT_FALSE(Has(x, "Freedonia collaborates_with Sylvania"))
      << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, AMonthIsNoModal) {
  auto x = Order("Executive Order 11111 of May 1, 2001, is hereby revoked.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 revokes Executive Order 11111"}));
}

TEST_F(PolicyTextTest, AnOrdersDateAndTitleArePartOfItsMention) {
  auto x = Order(
      "Executive Order 11111 of May 1, 2001 (Widget Safety Plan for Freedonia), is hereby "
      "revoked.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 revokes Executive Order 11111"}));
}

TEST_F(PolicyTextTest, AnOfficeNamedByItsKindIsTheLexiconsOnlyInItsContext) {
  // "the Commission" is the Sylvanian one only in a text about Sylvania.
  auto x = Order("The Commission shall report on robots.\n");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  x = Order("Sylvania builds widgets.\n\nThe Commission shall report on robots.\n");
  EXPECT_TRUE(Has(x, "Executive Order 99998 directs Sylvanian Widget Commission"))
      << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, AnOrderDoesNotDirectItsOwnAuthor) {
  // An executive order is the President's whether or not it says so.
  auto x =
      Order("The President shall designate a Chairman. The Secretary of Widgets shall report.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Secretary of Widgets"}));
  // Any policy: not the issuer its text names.
  const std::string plan = "National Widget Strategy";
  x = Run(plan +
              "\n\nBy the authority vested in me as Secretary of Widgets, the Secretary of "
              "Widgets shall publish guidance.\n",
          plan);
  EXPECT_TRUE(Has(x, "National Widget Strategy issued_by Secretary of Widgets"))
      << ::testing::PrintToString(Triples(x));
  EXPECT_FALSE(Has(x, "National Widget Strategy directs Secretary of Widgets"));
  // An act's "The President shall" directs him.
  const std::string act = "Widget Safety Act";
  x = Run(act + "\n\nThe President shall report on widgets to the Congress.\n", act);
  EXPECT_TRUE(Has(x, "Widget Safety Act directs President of the United States"))
      << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, ALawsDefinitionNamesTheOfficeItsDutiesGoTo) {
  const std::string act = "Widget Safety Act";
  for (const std::string definition :
       {"(1) \"Board\" means the Widget Safety Board of Freedonia established under section 5.",
        "(1) the term ``Board'' means the Widget Safety Board of Freedonia.",
        "(1) 'Board' shall mean the Widget Safety Board of Freedonia."}) {
    auto x = Run(act + "\n\nSec. 2. Definitions. In this Act:\n\n" + definition +
                     "\n\nSec. 3. The Board shall publish guidance on robots.\n",
                 act);
    EXPECT_EQ(
        Triples(x),
        (std::vector<std::string>{"Widget Safety Act directs Widget Safety Board of Freedonia"}))
        << definition;
  }
  // A defined word the office's name lacks names nothing.
  auto x = Run(act +
                   "\n\n(1) \"Panel\" means the Widget Safety Board of Freedonia.\n\nThe Panel "
                   "shall publish guidance on robots.\n",
               act);
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
}

TEST_F(PolicyTextTest, AnOrderNumberMayFollowNoWithoutAPeriod) {
  auto x = Order("Executive Order No 11111 of May 1, 1981, is hereby revoked.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 revokes Executive Order 11111"}));
}

TEST_F(PolicyTextTest, WhatIsRevokedIsAnInstrumentTheTextNames) {
  // The policy named inside the order's relative clause describes the order.
  auto x = Order(
      "Executive Order No 11111 of May 1, 1981, which carried out the widget pact, is hereby "
      "revoked.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 revokes Executive Order 11111"}));
}

TEST_F(PolicyTextTest, AnUndatedOrdersTitleInBracketsIsItsOwn) {
  auto x = Order(
      "Executive Order 11111 (Widget Safety Plan for Freedonia), as amended, is superseded.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 amends Executive Order 11111"}));
}

TEST_F(PolicyTextTest, ABodyNamedForThePresidentKeepsItsWholeName) {
  auto x = Order("The President's Widget Advisory Board shall report on robots.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Executive Order 99998 directs President's Widget Advisory Board"}));
  // "The Commission" still refers to it.
  x = Order(
      "There is established the President's Commission on Widget Enforcement and Administration "
      "of Justice. The Commission shall report on robots.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Executive Order 99998 directs President's "
                                                  "Commission on Widget Enforcement and "
                                                  "Administration of Justice"}));
}

TEST_F(PolicyTextTest, APanelsNameTakesWhatItDeliberatesOn) {
  auto x = Order(
      "The Widget Council on Robot Safety shall report on robots. The Widget Council on Monday "
      "approved it.\n\nExecutive Order No. 11111, entitled \"Pay of Laborers Employed by the "
      "Widget Department on Public Works\", is hereby superseded.\n");
  EXPECT_TRUE(Has(x, "Executive Order 99998 directs Widget Council on Robot Safety"))
      << ::testing::PrintToString(Triples(x));
  for (const auto& e : x.entities) {
    EXPECT_NE(e.label, "Widget Council on Monday");
    EXPECT_NE(e.label, "Widget Department on Public Works");
  }
}

TEST_F(PolicyTextTest, AHeadingsEstablishmentIsNotPartOfTheName) {
  auto x = Order(
      "Section 1. Establishment of Emergency Widget Board. There is established a board.\n\nSec. "
      "2. The Emergency Widget Board shall report on robots.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Emergency Widget Board"}));
  for (const auto& e : x.entities) EXPECT_FALSE(e.label.starts_with("Establishment")) << e.label;
}

TEST_F(PolicyTextTest, OnlyABodyHasParts) {
  // "The President's X Council" advises the President; the Director's title
  // is not the ministry the bureau belongs to.
  auto x = Run(
      "The President's Widget Advisory Council met on Monday. Jane Smith, Deputy Director of the "
      "Ministry of Widgets's Robot Bureau, said so.\n");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  x = Run("The Ministry of Widgets's Robot Bureau met on Tuesday.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Robot Bureau part_of Ministry of Widgets"}));
}

TEST_F(PolicyTextTest, AnOfficeConsultedInAnAsideIsNotDirected) {
  auto x = Order(
      "The Secretary of Widgets, in consultation with the heads of agencies and the Ministry of "
      "Widgets, as appropriate, shall publish guidance.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 directs Secretary of Widgets"}));
}

TEST_F(PolicyTextTest, RepealingASectionAmendsTheLawAndMarginNotesAreReadThrough) {
  auto x = Order("Section 7 <<NOTE: Repeal.>> of the Widget Safety Act is repealed.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 amends Widget Safety Act"}));
  x = Order("The Widget Safety Act is hereby repealed.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Executive Order 99998 revokes Widget Safety Act"}));
}

TEST_F(PolicyTextTest, TheOneEnabledDevelopsWhatItDevelopsBy) {
  auto x =
      Run("Widget Order\n\nSuch capital continues to allow Sylvania to threaten Freedonia and its "
          "allies, including by developing and deploying robots, 6G, and malicious cyber-enabled "
          "tools.\n");
  // "cyber-enabled" qualifies the tools: no cybersecurity is developed.
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Sylvania develops 6G", "Sylvania develops Robotics"}));
}

}  // namespace
}  // namespace kg::parsers
