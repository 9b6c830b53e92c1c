// How trade news states measures: an agreement's terms, a ministry telling
// makers to cut output, retaliation, an acronym in brackets after a name; and
// what it does not state (trade in a thing is not support for it, "a West
// German firm" names no company). Every text here is written for these tests.
#include <gtest/gtest.h>

#include "tests/parsers/extraction_fixture.h"

namespace kg::parsers {
namespace {

class TradeTextTest : public ExtractionTest {};

TEST_F(TradeTextTest, AnAgreementThatBindsAPartyOverAThingRegulatesIt) {
  auto x =
      Run("Freedonia is accused of breaking its widget pact with Sylvania.\n\n"
          "That pact, signed last year after long talks, calls on Freedonia to stop selling cheap "
          "chips abroad.\n");
  EXPECT_EQ(
      Triples(x),
      (std::vector<std::string>{"Freedonia-Sylvania Widget Agreement regulates Semiconductors"}));
}

TEST_F(TradeTextTest, AnAgreementNamedForATechnologyRegulatesIt) {
  auto x =
      Run("Sylvania urged sanctions against Freedonia for violating the U.S.-Freedonia Chip "
          "Agreement.\n\n"
          "Freedonia has failed to honour its widget pact.\n");
  // "the U.S." must not hide the longer name that starts at "U.S.".
  EXPECT_TRUE(Has(x, "U.S.-Freedonia Chip Agreement regulates Semiconductors"));
  // An agreement named for no technology regulates nothing by its name.
  EXPECT_FALSE(Has(x, "Freedonia-Sylvania Widget Agreement regulates Semiconductors"));
}

TEST_F(TradeTextTest, TellingMakersToCutOutputRestrictsTheirProduct) {
  auto x =
      Run("The Ministry of Trade (MOT) will ask Freedonian chip makers to further slash output.\n\n"
          "Yesterday the Ministry of Trade tried to save the pact by writing to foreign buyers and "
          "telling Freedonian robots makers to cut exports.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Ministry of Trade restricts Robotics",
                                                  "Ministry of Trade restricts Semiconductors"}));
}

TEST_F(TradeTextTest, AnAcronymInBracketsKeepsTheVerbWithItsName) {
  auto x = Run("The Ministry of Trade (MOT) acted to tighten restrictions on chip exports.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Ministry of Trade restricts Semiconductors"}));
}

TEST_F(TradeTextTest, RetaliationAgainstACountryRestrictsIt) {
  auto x = Run("Sylvania was ready to impose retaliatory trade action against Freedonia.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Sylvania restricts Freedonia"}));
}

TEST_F(TradeTextTest, TradeInAThingIsNotSupportForIt) {
  auto x = Run("Zentrix will boost chip imports next year.\n\nZentrix will boost robots.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Zentrix supports Robotics"}));
}

TEST_F(TradeTextTest, ACompassWordAndANationalityNameNoCompany) {
  auto x = Run("An adviser at a North Freedonian firm said the market was calm.\n");
  EXPECT_TRUE(x.triples.empty());
  for (const auto& e : x.entities) EXPECT_NE(e.type, EntityType::kCompany) << e.label;
}

TEST_F(TradeTextTest, ExamplesOfAListMemberAreMembers) {
  auto x = Run(
      "The Ministry of Trade said it would provide subsidies to robotics makers such as Widgetco "
      "and Zorb.\n\nSylvania will step up support for 6G, including quantum tech.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Ministry of Trade funds Robotics",
                            "Ministry of Trade funds Widgetco",
                            "Ministry of Trade funds Zorb",
                            "Sylvania supports 6G",
                            "Sylvania supports Quantum technology",
                        }));
}

TEST_F(TradeTextTest, PuttingAFirmOnTheEntityListRestrictsIt) {
  auto x = Run("The Ministry of Trade added Widgetco and Zorb to its Entity List on Tuesday.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Ministry of Trade restricts Widgetco",
                                                  "Ministry of Trade restricts Zorb"}));
}

TEST_F(TradeTextTest, MoneyAnnouncedForAThingFundsIt) {
  auto x = Run(
      "The Freedonian government on Tuesday announced 500 million pounds for robotics research.\n\n"
      "The Ministry of Trade approved subsidies of up to 90 billion yen for Widgetco, a chipmaker "
      "backed by Zorb.\n\n"
      "Sylvania will invest 26 trillion won in quantum tech.\n\n"
      "Zentrix announced a 3 billion dollar cut in robotics spending.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Freedonia funds Robotics",
                            "Ministry of Trade funds Widgetco",
                            "Sylvania funds Quantum technology",
                            "Zorb funds Widgetco",
                        }));
}

TEST_F(TradeTextTest, ALeadersAdministrationIsTheCountry) {
  auto x =
      Run("The Doe administration on Monday imposed chip export curbs on Sylvania.\n\n"
          "President Smith signed the Widget Safety Act.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Freedonia restricts Semiconductors",
                            "Freedonia restricts Sylvania",
                            "Widget Safety Act issued_by President Smith",
                        }));
}

TEST_F(TradeTextTest, WireStoryWordingOfPlaceOwnershipAndPartnership) {
  auto x =
      Run("Freedonia's Widgetco and Sylvania's Zorb announced a partnership to build robots.\n\n"
          "Zentrix, the Fredville-based startup, released a new 6G chip.\n\n"
          "Sylvania has restricted exports of Widgetco's most advanced chips to Freedonia.\n");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{
                            "Sylvania restricts Semiconductors",
                            "Widgetco based_in Freedonia",
                            "Widgetco collaborates_with Zorb",
                            "Zentrix based_in Freedonia",
                            "Zentrix develops 6G",
                            "Zorb based_in Sylvania",
                        }));
}

TEST_F(TradeTextTest, ACountryBeforeBasedIsWhereTheOwnerIs) {
  // Headline case: "Based" starts no name, and the country before it owns
  // nothing.
  auto x =
      Run("Widgetco Corp said it signed an accord with a unit of Freedonia Based Zorb Inc to "
          "build robots.\n\nHertz Corp, a unit of Zentrix Inc, builds robots.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Hertz develops Robotics", "Zentrix owns Hertz"}));
}

TEST_F(TradeTextTest, ANameKeepsItsApostrophe) {
  // "O'Keefe" (straight or curly) is one name word, not "Keefe".
  for (const char* mark : {"'", "\u2019"}) {
    auto x = Run(std::string("Robots are sold in Freedonia by Carling O") + mark +
                 "Keefe Ltd, wholly owned by Zentrix Inc.\n");
    EXPECT_EQ(Triples(x),
              (std::vector<std::string>{std::string("Zentrix owns Carling O") + mark + "Keefe"}));
  }
}

TEST_F(TradeTextTest, AnotherCountrysNamesakeIsNotTheLexiconsEntity) {
  // The lexicon's Widget Bank is Freedonia's; Sylvania's is another bank.
  auto x = Run("Sylvania's Widget Bank announced a credit on Monday.\n");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  x = Run("Freedonia's Widget Bank announced a credit on Monday.\n");
  EXPECT_EQ(Triples(x),
            (std::vector<std::string>{"Widget Export Bank of Freedonia part_of Freedonia"}));
}

TEST_F(TradeTextTest, ANamedInitiativeFundsWhatItsMoneyIsFor) {
  auto x =
      Run("The Ministry of Trade on Tuesday announced the Widget Investment Plan, an initiative to "
          "mobilise 200 billion euros for investment in robotics.\n");
  EXPECT_TRUE(Has(x, "Widget Investment Plan funds Robotics"))
      << ::testing::PrintToString(Triples(x));
}

}  // namespace
}  // namespace kg::parsers
