#include "query/parser.h"

#include <gtest/gtest.h>

namespace kg::query {
namespace {

// Every example of spec/query.md, as written there.
const char* const kNormative[] = {
    "China funds ?tech",
    "?who funds \"quantum tech\"",
    "?c funds ?t, ?t type Technology, ?c type Country",
    "find ?c, ?t where ?c funds ?t order by ?c limit 20 offset 20",
    "find distinct ?t where ?c (funds|supports) ?t",
    "find ?t where ?t part_of+ \"Artificial intelligence\"",
    "find ?c where ?c funds ?t, not { ?c restricts ?t }",
    "find ?c, ?g where ?c type Country, optional { ?c aims_for ?g }",
    "find ?x where ?x develops ?t, filter(?t ~ \"AI\")",
    "find ?x where ?x funds ?t, since 2024-01-01",
    "find ?t, count(?c) as backers where ?c supports ?t group by ?t order by backers desc limit 10",
    "count ?c funds ?t",
    "path China to \"Generative AI\" max 4",
    "neighbors DeepSeek depth 2",
    "describe DeepSeek",
    "why China funds \"quantum tech\"",
};

TEST(ParserTest, NormativeExamplesRoundTrip) {
  for (const char* text : kNormative) {
    auto script = Parse(text);
    ASSERT_TRUE(script.ok()) << text << "\n" << script.status().ToString();
    ASSERT_EQ(script->queries.size(), 1u);
    EXPECT_EQ(script->queries[0].ToString(), text);
  }
}

TEST(ParserTest, KeywordsAreCaseInsensitiveAndCommentsSkipped) {
  auto script = Parse("FIND ?x WHERE ?x Funds ?y -- a comment\n ORDER BY ?x DESC LIMIT 3;");
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  EXPECT_EQ(script->queries[0].ToString(), "find ?x where ?x Funds ?y order by ?x desc limit 3");
}

TEST(ParserTest, ScriptsSplitAtSemicolonsOutsideQuotes) {
  auto script = Parse("describe \"a;b\"; -- c; d\ncount ?x funds ?y;\n;");
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  ASSERT_EQ(script->queries.size(), 2u);
  EXPECT_EQ(script->queries[0].from.text, "a;b");
}

TEST(ParserTest, LiteralsAndFilters) {
  auto script = Parse(
      "find ?x where ?x funds ?y, filter(?y in (a, \"b c\") and ?y != 5 or ?y >= 2024-01-01 or "
      "?y < 2.5)");
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  const ast::Element& f = script->queries[0].body[1];
  ASSERT_EQ(f.kind, ast::Element::Kind::kFilter);
  ASSERT_EQ(f.filter.any_of.size(), 3u);
  EXPECT_EQ(f.filter.any_of[1][0].comparison.rhs[0].kind, ast::Term::Kind::kDate);
  EXPECT_EQ(f.filter.any_of[2][0].comparison.rhs[0].kind, ast::Term::Kind::kDecimal);
  EXPECT_EQ(f.filter.any_of[0][1].comparison.rhs[0].kind, ast::Term::Kind::kInteger);
}

TEST(ParserTest, FiltersNestParentheses) {
  auto script = Parse(
      "find ?d where ?d issued_by ?x, filter ((?d > \"2020\") and (?x != ?y or (?x ~ \"EU\")))");
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  const ast::FilterExpr& f = script->queries[0].body[1].filter;
  ASSERT_EQ(f.any_of.size(), 1u);
  ASSERT_EQ(f.any_of[0].size(), 2u);
  ASSERT_EQ(f.any_of[0][0].nested.size(), 1u);
  EXPECT_EQ(f.any_of[0][0].nested[0].any_of[0][0].comparison.op, ">");
  const ast::FilterExpr& inner = f.any_of[0][1].nested.at(0);
  ASSERT_EQ(inner.any_of.size(), 2u);
  EXPECT_EQ(inner.any_of[1][0].nested.at(0).any_of[0][0].comparison.op, "~");
  EXPECT_EQ(f.ToString(), "(?d > \"2020\") and (?x != ?y or (?x ~ \"EU\"))");
}

TEST(ParserTest, NodesCarryTheirPositions) {
  std::string text = "count ?a funds ?b;\n  find ?c where ?c  supports DeepSeek-R1";
  auto script = Parse(text);
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  const ast::Query& q = script->queries[1];
  EXPECT_EQ(q.offset, text.find("find"));
  const ast::TriplePattern& t = q.body[0].triple;
  EXPECT_EQ(t.o.offset, text.find("DeepSeek-R1"));
  EXPECT_EQ(t.o.length, 11u);
  EXPECT_EQ(t.p.offset, text.find("supports"));
}

TEST(ParserTest, SyntaxErrorShowsLineCaretAndExpectation) {
  auto script = Parse("count ?a funds ?b;\nfind ?c where ?c funds");
  ASSERT_FALSE(script.ok());
  EXPECT_EQ(
      script.status().message(),
      "syntax error: expected a term (a ?variable, a name or a literal) at line 2, column 23\n"
      "LINE 2: find ?c where ?c funds\n"
      "                              ^");
}

TEST(ParserTest, SyntaxErrorsNameWhatWasExpected) {
  struct {
    const char* text;
    const char* expected;
  } cases[] = {
      {"find ?c ?t where ?c funds ?t", "expected 'where'"},
      {"find ?c where ?c funds ?t limit x", "expected an integer"},
      {"find ?c where ?c funds ?t, filter(?t ~ )", "expected a term"},
      {"path China max 3", "expected 'to'"},
      {"describe \"unclosed", "expected '\"'"},
      {"find ?c where ?c \"funds\" ?t", "expected a predicate"},
      {"China funds ?t foo", "expected ',', a clause"},
      {"find ?c where not { ?c funds ?t", "expected '}'"},
  };
  for (const auto& c : cases) {
    auto script = Parse(c.text);
    ASSERT_FALSE(script.ok()) << c.text;
    EXPECT_NE(script.status().message().find(c.expected), std::string::npos)
        << c.text << "\n"
        << script.status().message();
  }
}

TEST(ParserTest, EndsStatement) {
  EXPECT_TRUE(EndsStatement("find ?x where ?x funds ?y;"));
  EXPECT_TRUE(EndsStatement("describe China; -- done\n"));
  EXPECT_FALSE(EndsStatement("describe \"a;"));
  EXPECT_FALSE(EndsStatement("find ?x -- ;"));
}

}  // namespace
}  // namespace kg::query
