// Each relation construction on small sentences written for these tests,
// with a tiny lexicon (data/lexicon/test.json) and the shipped rules.
#include "parsers/extractor.h"

#include <gtest/gtest.h>

#include "parsers/text.h"
#include "tests/parsers/extraction_fixture.h"

namespace kg::parsers {
namespace {

class ExtractorTest : public ExtractionTest {};

TEST_F(ExtractorTest, CoordinationGivesOneTriplePerMember) {
  auto x = Run("Freedonia is ramping up investment in AI, quantum tech, and 6G.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Freedonia funds 6G",
                                                  "Freedonia funds Artificial intelligence",
                                                  "Freedonia funds Quantum technology"}));
}

TEST_F(ExtractorTest, PassiveVoice) {
  auto x = Run("Robots were first mentioned in the Freedonia Digital Plan last year.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Freedonia Digital Plan mentions Robotics"}));
  x = Run("The Glimmer app is owned by Zentrix.");
  EXPECT_TRUE(Has(x, "Zentrix owns Glimmer")) << ::testing::PrintToString(Triples(x));
}

TEST_F(ExtractorTest, Apposition) {
  auto x = Run("Glimmer, a photo-sharing application owned by Zentrix, is popular.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Zentrix owns Glimmer"}));
}

TEST_F(ExtractorTest, NationalityAdjectives) {
  auto x = Run("Officials met the Sylvanian company Zentrix on Monday.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Zentrix based_in Sylvania"}));
  x =
      Run("Freedonia backs robots. Investors praised local AI startups like Zentrix. "
          "Freedonia wants more.");
  EXPECT_TRUE(Has(x, "Zentrix based_in Freedonia")) << ::testing::PrintToString(Triples(x));
}

TEST_F(ExtractorTest, PolicyDocumentIsTheSubjectOfWhatItDoes) {
  auto x =
      Run("Executive Order 99999: Testing Things\n\n"
          "By the authority vested in me as President by the Constitution, I hereby order:\n\n"
          "Sec. 2. Duties. The Secretary of Widgets shall report on chips within 90 days.\n\n"
          "Sec. 3. Executive Order 11111 of May 1, 2001, is hereby revoked.\n\n"
          "Sec. 4. This order supports robots and financial technology.\n",
          "Executive Order 99999: Testing Things");
  EXPECT_TRUE(Has(x, "Executive Order 99999 issued_by President of the United States"));
  EXPECT_TRUE(Has(x, "Executive Order 99999 directs Secretary of Widgets"));
  EXPECT_TRUE(Has(x, "Executive Order 99999 revokes Executive Order 11111"));
  EXPECT_TRUE(Has(x, "Executive Order 99999 supports Robotics"));
  EXPECT_TRUE(Has(x, "Executive Order 99999 supports Fintech"));
  EXPECT_EQ(x.triples.size(), 5u) << ::testing::PrintToString(Triples(x));
}

TEST_F(ExtractorTest, ReferencesResolveWithinTheDocument) {
  auto x =
      Run("Sylvania announced a new plan on Monday. The country is boosting investment in "
          "chips. The government also plans to promote robots.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Sylvania funds Semiconductors",
                                                  "Sylvania supports Robotics"}));
}

TEST_F(ExtractorTest, UnknownNamesTypedByCueWords) {
  auto x = Run("The Ministry of Gadgets supports robots. The startup Blorbo develops AI.");
  EXPECT_EQ(Triples(x), (std::vector<std::string>{"Blorbo develops Artificial intelligence",
                                                  "Ministry of Gadgets supports Robotics"}));
  ASSERT_FALSE(x.entities.empty());
  auto it = std::find_if(x.entities.begin(), x.entities.end(),
                         [](const ExtractedEntity& e) { return e.label == "Ministry of Gadgets"; });
  ASSERT_NE(it, x.entities.end());
  EXPECT_EQ(it->type, EntityType::kAgency);
}

TEST_F(ExtractorTest, RandomCapitalisedWordsAreNotEntities) {
  auto x = Run("Yesterday Bob Smith Said Many Things About Nothing. Blue Horizon Partners waved.");
  EXPECT_TRUE(x.triples.empty()) << ::testing::PrintToString(Triples(x));
  EXPECT_TRUE(x.entities.empty());
}

TEST_F(ExtractorTest, NamedPolicyPatterns) {
  auto x =
      Run("E.O. 14110 and EO 14111 and Executive Order No. 14112 were mentioned in "
          "Regulation (EU) 2024/1689. The 14th Five-Year Plan supports robots. "
          "The CHIPS and Science Act of 2022 funds chips.");
  std::vector<std::string> labels;
  for (const auto& e : x.entities) labels.push_back(e.label);
  for (const char* want :
       {"Executive Order 14110", "Executive Order 14111", "Executive Order 14112",
        "Regulation (EU) 2024/1689", "14th Five-Year Plan", "CHIPS and Science Act"})
    EXPECT_NE(std::find(labels.begin(), labels.end(), want), labels.end()) << want;
  EXPECT_TRUE(Has(x, "Regulation (EU) 2024/1689 mentions Executive Order 14110"));
  EXPECT_TRUE(Has(x, "14th Five-Year Plan supports Robotics"));
  EXPECT_TRUE(Has(x, "CHIPS and Science Act funds Semiconductors"));
}

TEST_F(ExtractorTest, CompanyNamesEndAtTheirSuffix) {
  auto x =
      Run("Boston-based Widget Holdings Corp and Gizmo International Ltd bought robots. Alpha "
          "Robotics Corp, a unit of Pesch and Co, makes chips.");
  std::vector<std::string> labels;
  for (const auto& e : x.entities) labels.push_back(e.label);
  for (const char* want : {"Widget Holdings", "Gizmo International", "Alpha Robotics", "Pesch"})
    EXPECT_NE(std::find(labels.begin(), labels.end(), want), labels.end())
        << want << " in " << ::testing::PrintToString(labels);
  for (const auto& l : labels) EXPECT_EQ(l.find(" and"), std::string::npos) << l;
  EXPECT_TRUE(Has(x, "Pesch owns Alpha Robotics"));
}

TEST_F(ExtractorTest, EvidencePointsIntoTheText) {
  auto x = Run("Intro line here.\n\nFreedonia is boosting\ninvestment in robots.");
  ASSERT_EQ(x.triples.size(), 1u);
  const auto& t = x.triples[0];
  EXPECT_EQ(t.sentence_index, 1u);
  EXPECT_EQ(CollapseSpace(last_text_.substr(t.begin, t.end - t.begin)), t.sentence);
  EXPECT_EQ(t.sentence, "Freedonia is boosting investment in robots.");
  EXPECT_EQ(t.rule, "funds_investment");
  EXPECT_GT(t.confidence, 0.5f);
}

TEST_F(ExtractorTest, OneTriplePerSubjectPredicateObject) {
  auto x = Run("Freedonia funds robots. Later, Freedonia funds robots again.");
  EXPECT_EQ(x.triples.size(), 1u);
}

}  // namespace
}  // namespace kg::parsers
