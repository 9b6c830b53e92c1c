#include "parsers/token_trie.h"

#include <gtest/gtest.h>

#include <chrono>

#include "parsers/lexicon.h"

namespace kg::parsers {
namespace {

std::vector<Token> Toks(std::string_view text) {
  std::vector<Token> t;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), &t);
  return t;
}

TEST(TokenTrieTest, LongestMatchWins) {
  Lexicon lex;
  ASSERT_TRUE(lex.LoadJson(R"({"entities": [
    {"label": "Artificial intelligence", "type": "Technology", "aliases": ["AI"]},
    {"label": "Generative AI", "type": "Technology", "aliases": ["generative AI models"]}]})",
                           "mem")
                  .ok());
  std::string text = "New generative AI models arrive";
  auto toks = Toks(text);
  std::vector<const TrieEntry*> hits;
  EXPECT_EQ(lex.trie().LongestMatch(toks, 1, text, &hits), 3u);
  EXPECT_EQ(lex.entity(hits[0]->entity).label, "Generative AI");
}

TEST(TokenTrieTest, ShortAllCapsAliasesMatchOnlyInUpperCase) {
  Lexicon lex;
  ASSERT_TRUE(lex.LoadJson(R"({"entities": [
    {"label": "United States", "type": "Country", "aliases": ["US", "U.S."]},
    {"label": "Information technology", "type": "Technology", "aliases": ["IT"]}]})",
                           "mem")
                  .ok());
  std::vector<const TrieEntry*> hits;
  std::string a = "Let us see it";
  auto ta = Toks(a);
  EXPECT_EQ(lex.trie().LongestMatch(ta, 1, a, &hits), 0u);
  EXPECT_EQ(lex.trie().LongestMatch(ta, 3, a, &hits), 0u);
  std::string b = "The US and IT and the u.s. market";
  auto tb = Toks(b);
  EXPECT_EQ(lex.trie().LongestMatch(tb, 1, b, &hits), 1u);
  EXPECT_EQ(lex.trie().LongestMatch(tb, 3, b, &hits), 1u);
  EXPECT_EQ(lex.trie().LongestMatch(tb, 6, b, &hits), 4u);  // u . s . folds to U.S.
}

TEST(TokenTrieTest, HundredThousandAliasesStayFast) {
  Lexicon lex;
  for (int i = 0; i < 100000; ++i) {
    LexEntity e;
    e.label = "Entity number " + std::to_string(i);
    e.type = EntityType::kCompany;
    e.aliases = {"Alias " + std::to_string(i) + " corp", "Widget" + std::to_string(i)};
    lex.Add(std::move(e));
  }
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += "The firm alias " + std::to_string(i * 5) + " corp met entity number " +
            std::to_string(i) + " and Widget" + std::to_string(i) + " today. ";
  auto toks = Toks(text);
  auto start = std::chrono::steady_clock::now();
  size_t found = 0;
  std::vector<const TrieEntry*> hits;
  // As the entity finder does: the tokens' ids once, then a match per start.
  std::vector<uint32_t> ids;
  lex.trie().TokenIds(toks, &ids);
  for (size_t i = 0; i < toks.size();) {
    size_t len = lex.trie().LongestMatch(toks, ids, i, text, &hits);
    EXPECT_EQ(len, lex.trie().LongestMatch(toks, i, text, &hits));
    if (len) {
      ++found;
      i += len;
    } else {
      ++i;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(found, 60000u);
  // About 1.6 MB of text; well under a second even on a loaded machine.
  EXPECT_LT(secs, 2.0) << toks.size() << " tokens";
}

TEST(LexiconTest, ErrorsNameFileLineAndColumn) {
  Lexicon lex;
  Status st = lex.LoadJson("{\"entities\": [\n  {\"label\": \"X\", \"type\": }\n]}", "user.json");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message().rfind("user.json:2:", 0), 0u) << st.message();
  st = lex.LoadJson(R"({"entities": [{"label": "X", "type": "Planet"}]})", "user.json");
  EXPECT_NE(st.message().find("unknown type \"Planet\""), std::string::npos) << st.message();
}

TEST(LexiconTest, SameLabelMergesAliases) {
  Lexicon lex;
  ASSERT_TRUE(lex.LoadJson(R"({"entities": [{"label": "Zentrix", "type": "Company"}]})", "a").ok());
  ASSERT_TRUE(
      lex.LoadJson(
             R"({"entities": [{"label": "zentrix", "type": "Company", "aliases": ["ZTX Group"]}]})",
             "b")
          .ok());
  EXPECT_EQ(lex.size(), 1u);
  EXPECT_EQ(lex.entity(0).aliases.size(), 1u);
}

}  // namespace
}  // namespace kg::parsers
