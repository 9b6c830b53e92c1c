#include <gtest/gtest.h>

#include "parsers/rules/grammar.h"
#include "parsers/rules/rule_set.h"

namespace kg::parsers::rules {
namespace {

TEST(RuleGrammarTest, ParsesRulesAndDefines) {
  auto file = Parse(R"(
    # comment
    define BE = "is" | "are";
    rule funds_investment: [Country|Agency]:s $BE? ... "investment in" [Technology|Sector]+:o
        => s funds o confidence 0.9;
    rule doc: "vested in me as" [Agency]:o => @doc issued_by o;
  )",
                    "t.rules");
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(file->size(), 3u);
  const auto& r = boost::get<ast::Rule>((*file)[1]);
  EXPECT_EQ(r.name, "funds_investment");
  EXPECT_EQ(r.line, 4);
  ASSERT_EQ(r.pattern.size(), 5u);
  const auto& slot = boost::get<ast::Slot>(r.pattern[0].primary);
  EXPECT_EQ(slot.types, (std::vector<std::string>{"Country", "Agency"}));
  EXPECT_FALSE(slot.list);
  EXPECT_TRUE(r.pattern[1].optional.has_value());
  EXPECT_TRUE(boost::get<ast::Slot>(r.pattern[4].primary).list);
  ASSERT_TRUE(r.confidence.has_value());
  EXPECT_DOUBLE_EQ(*r.confidence, 0.9);
  const auto& d = boost::get<ast::Rule>((*file)[2]);
  EXPECT_EQ(d.heads[0].s, "@doc");
  EXPECT_FALSE(r.anchored.has_value());
}

TEST(RuleGrammarTest, ACaretAnchorsARuleToTheSentencesStart) {
  auto file = Parse("rule a: ^ \"concerning\" [Technology]:o => @doc regulates o;\n", "t.rules");
  ASSERT_TRUE(file.ok()) << file.status().message();
  const auto& r = boost::get<ast::Rule>((*file)[0]);
  EXPECT_TRUE(r.anchored.has_value());
  EXPECT_EQ(r.pattern.size(), 2u);
  RuleSet set;
  ASSERT_TRUE(set.LoadText("rule a: ^ \"concerning\" [Technology]:o => @doc regulates o;\n"
                           "rule b: \"concerning\" [Technology]:o => @doc regulates o;\n",
                           "t.rules")
                  .ok());
  EXPECT_TRUE(set.rules()[0].anchored);
  EXPECT_FALSE(set.rules()[1].anchored);
  // A caret anywhere else is no pattern element.
  auto bad = Parse("rule a: \"x\" ^ [Technology]:o => @doc regulates o;\n", "bad.rules");
  EXPECT_FALSE(bad.ok());
}

TEST(RuleGrammarTest, SyntaxErrorsGiveLineAndColumn) {
  auto r = Parse("rule a: [Country]:s \"x\" => s funds o;\nrule b: [Country:s => s funds o;\n",
                 "bad.rules");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("bad.rules:2:17: expected ']'", 0), 0u)
      << r.status().message();
  r = Parse("rule a: [Country]:s \"x\" => s funds o", "bad.rules");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("bad.rules:1:37: expected ';'", 0), 0u)
      << r.status().message();
  r = Parse("rul a: x;", "bad.rules");
  EXPECT_EQ(r.status().message().rfind("bad.rules:1:1: expected rule or define", 0), 0u)
      << r.status().message();
}

TEST(RuleSetTest, SemanticErrorsGivePositions) {
  RuleSet rs;
  Status st = rs.LoadText("rule a:\n  [Planet]:s \"x\" [Country]:o => s funds o;", "u.rules");
  EXPECT_EQ(st.message().rfind("u.rules:2:3: unknown entity type Planet", 0), 0u) << st.message();
  st = rs.LoadText("rule a: [Country]:s \"x\" [Country]:o => s likes o;", "u.rules");
  EXPECT_NE(st.message().find("unknown predicate likes"), std::string::npos) << st.message();
  st = rs.LoadText("rule a: [Country]:s \"x\" => s funds z;", "u.rules");
  EXPECT_NE(st.message().find("\"z\" is not a slot"), std::string::npos) << st.message();
  st = rs.LoadText("rule a: [Country]:s $NOPE [Country]:o => s funds o;", "u.rules");
  EXPECT_NE(st.message().find("undefined word list $NOPE"), std::string::npos) << st.message();
}

TEST(RuleSetTest, CompilesMacrosGapsAndPrefilters) {
  RuleSet rs;
  ASSERT_TRUE(rs.LoadText("define V = \"funds\" | \"finances\";\n"
                          "rule r: [Country]:s ...3 $V \"heavily\"? [Technology]+:o => s funds o;",
                          "ok.rules")
                  .ok());
  ASSERT_EQ(rs.rules().size(), 1u);
  const auto& r = rs.rules()[0];
  EXPECT_EQ(r.vars, 2);
  EXPECT_EQ(r.pattern[1].max_gap, 3u);
  EXPECT_NE(r.pattern[1].stop_mask, 0u);  // the gap does not skip another Country
  ASSERT_EQ(r.required_any.size(), 1u);
  EXPECT_EQ(r.required_any[0], (std::vector<std::string>{"funds", "finances"}));
  EXPECT_FLOAT_EQ(r.confidence, 0.8f);
}

TEST(RuleSetTest, NegatedElementsAreChecks) {
  RuleSet rs;
  ASSERT_TRUE(
      rs.LoadText("rule r: [Agency]:o \"shall\" !(\"not\" | \"be\") => @doc directs o;", "ok.rules")
          .ok());
  const auto& r = rs.rules()[0];
  ASSERT_EQ(r.pattern.size(), 3u);
  EXPECT_TRUE(r.pattern[2].negated);
  EXPECT_EQ(r.required_words, (std::vector<std::string>{"shall"}));  // "not" is no requirement
  // A negated slot checks that no such entity stands here, and binds nothing.
  ASSERT_TRUE(
      rs.LoadText("rule b: [Agency]:o \"shall\" ![Country]:c => @doc directs o;", "ok.rules").ok());
  EXPECT_TRUE(rs.rules()[1].pattern[2].negated);
  EXPECT_EQ(rs.rules()[1].vars, 1);
  Status st =
      rs.LoadText("rule a: [Agency]:o\n  \"shall\" !(\"x\" ...2) => @doc directs o;", "u.rules");
  EXPECT_EQ(st.message().rfind("u.rules:2:17: ! applies to words and slots, not to a gap", 0), 0u)
      << st.message();
  st = rs.LoadText("rule a: [Agency]:o \"shall\" !\"not\"? => @doc directs o;", "u.rules");
  EXPECT_EQ(st.message().rfind("u.rules:1:28: an element cannot be both", 0), 0u) << st.message();
}

TEST(RuleSetTest, ShippedRulesLoad) {
  RuleSet rs;
  Status st = rs.LoadDirectory(KG_SOURCE_DIR "/data/rules");
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_GT(rs.rules().size(), 20u);
}

}  // namespace
}  // namespace kg::parsers::rules
