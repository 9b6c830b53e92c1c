// Relation rules compiled for matching: the rule files of data/rules plus a
// user's --rules files. Rules keep file order, which is their priority: when
// two rules relate the same pair in one sentence, the earlier one wins.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"

namespace kg::parsers::rules {

// Head terms that are not slots.
inline constexpr int kDocVar = -1;      // @doc: the document's own policy
inline constexpr int kCountryVar = -2;  // @country: the document's main country

struct PatternNode {
  enum class Kind : uint8_t { kSlot, kWords, kGap, kAlternatives };
  Kind kind = Kind::kWords;
  bool optional = false;
  bool negated = false;  // !element: succeeds, consuming nothing, where the element fails
  // kSlot
  uint32_t type_mask = 0;     // bit per EntityType
  bool demonym = false;       // accepts nationality adjectives ("Chinese")
  bool named_policy = false;  // accepts Policy mentions written as names
  bool own_policy = false;    // accepts mentions of the document's own policy
  bool list = false;
  int var = 0;
  // kWords: folded tokens matched in sequence, and their WordHash
  std::vector<std::string> words;
  std::vector<uint32_t> word_hashes;
  // kGap
  unsigned max_gap = 8;
  // A gap right after a slot does not skip another entity that slot would
  // accept, so the nearest candidate binds ("X said Y supports Z" -> Y).
  uint32_t stop_mask = 0;
  bool stop_demonym = false;
  // Only a gap with nothing between it and its slot stops at punctuation:
  // "X, a unit of Y" reads across the comma it was written with.
  bool stop_punctuation = false;
  // kAlternatives
  std::vector<std::vector<PatternNode>> alternatives;
  // Sorted WordHash of every alternative's first word; `open` when some
  // alternative may start otherwise (a slot, a gap, an optional word), so
  // the list cannot be ruled out by the item's first word alone.
  std::vector<uint32_t> first_word_hashes;
  bool open = true;
};

struct HeadSpec {
  int s = 0;
  std::string predicate;
  int o = 0;
  // The match opens with the actor: the pattern opens with the subject's
  // slot, or the subject is @doc/@country and the pattern opens with the
  // slot of the one the document acts through ("The Secretary shall ...").
  // Passives and appositions that open with the object ("Rapidus, a
  // chipmaker backed by ...") and patterns that open with words ("allow the
  // PRC to ...") do not.
  bool actor_leads = true;
};

struct CompiledRule {
  std::string name;
  std::string where;  // "FILE:LINE"
  std::vector<PatternNode> pattern;
  bool anchored = false;  // matches only at the sentence's first item
  std::vector<HeadSpec> heads;
  int vars = 0;
  float confidence = 0.8f;
  std::vector<std::string> required_words;  // a sentence without one of these cannot match
  // For each required group of alternatives, the words one of which must occur.
  std::vector<std::vector<std::string>> required_any;
  // WordHash of each of the above, in the same places.
  std::vector<uint32_t> required_hashes;
  std::vector<std::vector<uint32_t>> required_any_hashes;
};

// The schema's predicates; rule heads may use only these.
bool IsKnownPredicate(std::string_view p);

class RuleSet {
 public:
  // Loads every *.rules in `dir` in name order; missing dir is OK.
  Status LoadDirectory(const std::string& dir);
  Status LoadFile(const std::string& path);
  // Errors: InvalidInput "SOURCE:LINE:COL: message".
  Status LoadText(std::string_view text, const std::string& source);

  const std::vector<CompiledRule>& rules() const { return rules_; }

 private:
  std::vector<CompiledRule> rules_;
  std::map<std::string, std::vector<std::vector<PatternNode>>> macros_;
};

}  // namespace kg::parsers::rules
