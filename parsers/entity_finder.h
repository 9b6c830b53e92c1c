// Finds entity mentions in a sentence and resolves references within one
// document.
//
// Sources of mentions, longest first at each token: the lexicon (token trie),
// named-policy patterns ("Executive Order 14110", "the CHIPS and Science Act",
// "Regulation (EU) 2024/1689", "the 14th Five-Year Plan"), names typed by a
// cue word ("Ministry of X", "X University", "X Ltd.", "startup X"), and
// references ("the country", "the government", "this order", "the report",
// "the Secretary") that resolve to what they name in the document.
// Capitalised words without a cue are not entities: precision over recall.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parsers/entity_type.h"
#include "parsers/lexicon.h"
#include "parsers/tokenizer.h"

namespace kg::parsers {

struct DocEntity {
  std::string label;
  EntityType type = EntityType::kTechnology;
  int lex_id = -1;                   // lexicon entry, or -1 for names found by pattern
  std::vector<std::string> aliases;  // other names it has in this document
  int mentions = 0;
};

struct Mention {
  uint32_t first = 0, last = 0;  // token range [first, last)
  int entity = -1;               // index into DocState::entities
  EntityType type = EntityType::kTechnology;
  bool demonym = false;    // "Chinese" standing for China
  bool reference = false;  // "the country", "this order"
  bool named = false;      // written as a name: capitalised, a pattern or a reference
  std::string rule;        // how it was found ("lexicon", "pattern:act", ...)
};

// What the finder knows about one document while reading it in order.
struct DocState {
  std::vector<DocEntity> entities;
  std::unordered_map<std::string, int> by_key;  // FoldName(label) -> index
  int doc_policy = -1;  // the document's own identity ("Executive Order 13959")
  int last_country = -1;
  std::vector<int> recent;  // entity indices in mention order (most recent last)
  // Short names a text defines for an office: "the Secretary of the Treasury
  // (Secretary)" makes "the Secretary" that office. Folded word -> index.
  std::unordered_map<std::string, int> short_names;

  int Intern(const std::string& label, EntityType type, int lex_id);
};

class EntityFinder {
 public:
  explicit EntityFinder(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Mentions in toks (a sentence of `text`), left to right, not overlapping.
  // Updates `state` (recency, new entities).
  std::vector<Mention> Find(std::string_view text, const std::vector<Token>& toks,
                            DocState* state) const;

  // The policy a title names ("Executive Order 13959: ..." -> Executive Order
  // 13959), or -1; interned in `state`.
  int TitlePolicy(std::string_view title, DocState* state) const;
  // The short title a law gives itself ("This Act may be cited as the X"), or -1.
  int ShortTitle(std::string_view text, DocState* state) const;

 private:
  struct Candidate {
    size_t len = 0;
    std::string label;
    EntityType type = EntityType::kTechnology;
    int lex_id = -1;
    bool demonym = false;
    std::string_view rule;  // a literal: "lexicon", "pattern:..."
  };
  // `ids` are the trie's TokenIds(toks).
  Candidate FromLexicon(std::string_view text, const std::vector<Token>& toks,
                        const std::vector<uint32_t>& ids, size_t i) const;
  Candidate FromPattern(std::string_view text, const std::vector<Token>& toks, size_t i,
                        bool after_company_cue) const;
  // The name starting at toks[i] after the checks on the words around it
  // (entity_candidates.cc); len 0 for none.
  Candidate Choose(std::string_view text, const std::vector<Token>& toks,
                   const std::vector<uint32_t>& ids, size_t i, bool company_cue,
                   const std::vector<Mention>& out, const DocState& st) const;
  // The entity a reference at toks[i] names, or -1 (entity_references.cc).
  int Reference(const std::vector<Token>& toks, size_t i, const DocState& st) const;
  bool IsDemonymWord(const Token& t) const;
  void NoteLawCountry(std::string_view text, const std::vector<Token>& toks,
                      const std::vector<uint32_t>& ids, const Mention& m, DocState* st) const;

  const Lexicon& lexicon_;
};

}  // namespace kg::parsers
