// References: "the country", "The State", "this order", "these measures",
// "that pact", "the Secretary", resolved to what they name in the document.
#include "parsers/entity_finder.h"
#include "parsers/name_words.h"
#include "parsers/text.h"

namespace kg::parsers {

using namespace name_words;  // NOLINT: the finder's own vocabulary

int EntityFinder::Reference(const std::vector<Token>& toks, size_t i, const DocState& st) const {
  const std::string_view w0 = toks[i].folded;
  const std::string_view w1 = i + 1 < toks.size() ? toks[i + 1].folded : std::string_view();
  const std::string_view w2 = i + 2 < toks.size() ? toks[i + 2].folded : std::string_view();
  int target = -1;
  if ((w0 == "the" || w0 == "this") &&
      (w1 == "country" || w1 == "nation" || (w1 == "government" && w2 != "of")) && w2 != "or") {
    // "against the country or region" is any country, not one named.
    target = st.last_country;
  } else if (w0 == "the" && w1 == "state" && toks[i + 1].cap && st.last_country >= 0 &&
             !In(w2, kStateHeads) && !(i + 2 < toks.size() && toks[i + 2].cap)) {
    // A translated law's "The State encourages ..." is the country whose
    // law it is ("the State of X", "the State Council", "the State
    // Director of ..." are not).
    target = st.last_country;
  } else if ((w0 == "this" || w0 == "these" || w0 == "the" || w0 == "that") && IsPolicyNoun(w1) &&
             w2 != "of") {
    // "These measures" is how a regulation named "... Measures for ..."
    // speaks of itself.
    if (w0 == "these" && st.doc_policy >= 0 && LabelHasWord(st.entities[st.doc_policy].label, w1))
      target = st.doc_policy;
    if (w0 == "this" && st.doc_policy >= 0 &&
        (w1 == "order" || w1 == "act" || w1 == "regulation" || w1 == "memorandum" ||
         w1 == "directive" || w1 == "law" || LabelHasWord(st.entities[st.doc_policy].label, w1)))
      target = st.doc_policy;
    for (auto it = st.recent.rbegin(); target < 0 && w0 != "these" && it != st.recent.rend();
         ++it) {
      // "its microchip pact with the U.S. ... That pact": the policy last
      // called so, by its name or by the words the text used for it.
      const DocEntity& e = st.entities[*it];
      if (e.type != EntityType::kPolicy) continue;
      bool called = w1 == "policy" || LabelHasWord(e.label, w1);
      for (const auto& alias : e.aliases) called = called || LabelHasWord(alias, w1);
      if (called) target = *it;
    }
  } else if (w0 == "the" && i + 1 < toks.size() && toks[i + 1].cap &&
             st.short_names.count(std::string(w1)) &&
             !(i + 2 < toks.size() && toks[i + 2].Is("of"))) {
    target = st.short_names.at(std::string(w1));
  } else if (w0 == "the" &&
             (w1 == "secretary" || w1 == "ministry" || w1 == "department" || w1 == "commission" ||
              w1 == "agency") &&
             w2 != "of" && i + 1 < toks.size() && (toks[i + 1].cap || w1 == "ministry")) {
    // Only when the document has named exactly one such office so far:
    // "the Secretary" after two Secretaries is ambiguous.
    for (size_t e = 0; e < st.entities.size(); ++e) {
      const DocEntity& de = st.entities[e];
      // "the Commission" is also "the President's Commission on ...".
      std::string folded = FoldName(de.label);
      if (folded.starts_with("president's ")) folded.erase(0, 12);
      if (de.type != EntityType::kAgency || de.mentions == 0 || !folded.starts_with(w1)) continue;
      if (target >= 0 && target != static_cast<int>(e)) {
        target = -1;
        break;
      }
      target = static_cast<int>(e);
    }
  }
  return target;
}

}  // namespace kg::parsers
