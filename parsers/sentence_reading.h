// Which parts of a sentence state facts.
//
// Policy text says much that is not a fact about the entities it names:
// definitions ("the term 'AI Office' means ..."), amending instructions
// ("is amended by striking 'X' and inserting 'Y'"), negated or hypothetical
// clauses ("shall not", "could ban", "if ..., then"), and questions. The
// extractor reads each sentence once with ReadSentence and asks Asserts for
// every relation a rule found in it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parsers/tokenizer.h"

namespace kg::parsers {

enum class SentenceKind : uint8_t {
  kFact,        // an ordinary sentence
  kDefinition,  // defines a term: no relation holds between what it names
  kAmendment,   // amends a law: only amends/revokes hold, the quoted text is not asserted
  kQuestion,
};

struct SentenceReading {
  SentenceKind kind = SentenceKind::kFact;
  // Token ranges [first, last) of conditional clauses ("if ...", "unless ...",
  // "whether ...") up to the comma or "then" that closes them.
  std::vector<std::pair<uint32_t, uint32_t>> conditions;
};

SentenceReading ReadSentence(const std::vector<Token>& toks);

// Whether a relation `predicate` matched over tokens [first, last) is
// asserted: the sentence kind allows it, no negation or modal of possibility
// sits in or right around the match, and it is not inside a condition.
// `mention_spans` are the token ranges of the sentence's entity mentions;
// `actor_leads` says the match opens with its actor (not a passive).
bool Asserts(const SentenceReading& st, const std::vector<Token>& toks, uint32_t first,
             uint32_t last, const std::string& predicate,
             const std::vector<std::pair<uint32_t, uint32_t>>& mention_spans = {},
             bool actor_leads = true);

}  // namespace kg::parsers
