// Applies compiled relation rules to one sentence whose entities are found.
//
// The sentence is a sequence of items: each entity mention is one item, every
// other token is one item. A rule is tried at every item; the first way it
// matches there (lazy gaps, longest lists) binds its slots, and each head
// yields one relation per (subject, object) pair of the bound lists.
#pragma once

#include <string>
#include <vector>

#include "parsers/entity_finder.h"
#include "parsers/rules/rule_set.h"
#include "parsers/tokenizer.h"

namespace kg::parsers {

struct RelationMatch {
  int s = -1, o = -1;  // DocState entity indices
  std::string predicate;
  const rules::CompiledRule* rule = nullptr;
  uint32_t first_token = 0, last_token = 0;  // the tokens the match covers, [first, last)
  bool actor_leads = true;                   // see rules::HeadSpec
};

// Document-level head terms: -1 when the document has none.
struct HeadContext {
  int doc_policy = -1;
  int main_country = -1;
};

class RelationMatcher {
 public:
  explicit RelationMatcher(const rules::RuleSet& rules) : rules_(rules) {}

  // Matches every rule against the sentence; at most one predicate per
  // (subject, object) pair, from the earliest rule.
  std::vector<RelationMatch> Match(const std::vector<Token>& toks,
                                   const std::vector<Mention>& mentions,
                                   const HeadContext& ctx) const;

 private:
  const rules::RuleSet& rules_;
};

}  // namespace kg::parsers
