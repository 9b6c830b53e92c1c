#include "parsers/sentence_reading.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace kg::parsers {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsQuote(std::string_view w) { return w == "'" || w == "\"" || w == "`"; }

// "the term 'X' means", "'X' means", "X has the meaning given in": the
// defining verb at i, with the defined term quoted or announced before it.
bool DefinesAt(const std::vector<Token>& toks, size_t i) {
  const std::string_view w = toks[i].folded;
  auto at = [&](size_t k) -> std::string_view {
    return k < toks.size() ? std::string_view(toks[k].folded) : std::string_view();
  };
  bool verb = In(w, {"means", "mean", "refers", "includes"}) ||
              ((w == "has" || w == "have") && at(i + 1) == "the" &&
               (at(i + 2) == "meaning" || at(i + 2) == "meanings")) ||
              (w == "defined" && (at(i + 1) == "as" || at(i + 1) == "in") && i > 0 &&
               In(toks[i - 1].folded, {"is", "are"}));
  if (!verb) return false;
  // The term is quoted right before the verb ("'AI Office' means", "``STEM'' shall mean").
  size_t k = i;
  while (k > 0 && In(toks[k - 1].folded, {"shall", ")", ","})) --k;
  if (k > 0 && IsQuote(toks[k - 1].folded)) return true;
  // Or announced: "the term X means", "the terms X and Y mean".
  for (size_t j = i; j > 0 && i - j < 20; --j)
    if (toks[j - 1].Is("the") && j < toks.size() && (toks[j].Is("term") || toks[j].Is("terms")))
      return true;
  return false;
}

// "is amended", "are hereby amended", "by striking", "by inserting after".
bool AmendsAt(const std::vector<Token>& toks, size_t i) {
  const std::string_view w = toks[i].folded;
  if (w == "amended" && i > 0) {
    size_t k = i - 1;
    if (In(toks[k].folded, {"hereby", "further"}) && k > 0) --k;
    return In(toks[k].folded, {"is", "are"});
  }
  return w == "by" && i + 1 < toks.size() &&
         In(toks[i + 1].folded, {"striking", "inserting", "adding", "redesignating"});
}

// "not later than", "not more than", "not to exceed": limits, not negations.
bool IsNegation(const std::vector<Token>& toks, size_t i) {
  const std::string_view w = toks[i].folded;
  if (w == "not") {
    std::string_view next = i + 1 < toks.size() ? std::string_view(toks[i + 1].folded) : "";
    return !In(next, {"later", "earlier", "more", "less", "fewer", "to", "only", "exceeding"});
  }
  // "won't", but not "26 trillion won" (Korea's currency).
  if (w == "won")
    return i + 1 < toks.size() &&
           (toks[i + 1].folded == "'" || toks[i + 1].folded == "'t" || toks[i + 1].folded == "t");
  return In(w, {"never", "cannot", "neither", "nor", "doesn", "didn", "isn", "aren", "wasn",
                "weren", "hasn", "haven", "hadn", "shouldn", "couldn", "wouldn"});
}

// "May 1, 2001", "1 May 2001": the month, not the modal.
bool IsDate(const std::vector<Token>& toks, size_t k) {
  return (k + 1 < toks.size() && toks[k + 1].digit) || (k > 0 && toks[k - 1].digit);
}

// Predicates whose rules open with the subject (or, for directs, with the
// one directed): the first entity of the match is the actor.
bool LeadsWithSubject(std::string_view p) {
  return In(p, {"directs", "supports", "funds", "regulates", "restricts", "develops", "aims_for",
                "collaborates_with", "competes_with"});
}

}  // namespace

SentenceReading ReadSentence(const std::vector<Token>& toks) {
  SentenceReading r;
  if (!toks.empty() && toks.back().folded == "?") r.kind = SentenceKind::kQuestion;
  for (size_t i = 0; i < toks.size() && r.kind == SentenceKind::kFact; ++i) {
    if (DefinesAt(toks, i))
      r.kind = SentenceKind::kDefinition;
    else if (AmendsAt(toks, i))
      r.kind = SentenceKind::kAmendment;
  }
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!In(toks[i].folded, {"if", "unless", "whether"})) continue;
    size_t j = i + 1;
    while (j < toks.size() && !In(toks[j].folded, {",", ";", ":", "then"})) ++j;
    r.conditions.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    i = j;
  }
  return r;
}

bool Asserts(const SentenceReading& r, const std::vector<Token>& toks, uint32_t first,
             uint32_t last, const std::string& predicate,
             const std::vector<std::pair<uint32_t, uint32_t>>& mention_spans, bool actor_leads) {
  switch (r.kind) {
    case SentenceKind::kQuestion:
    case SentenceKind::kDefinition:
      return false;
    case SentenceKind::kAmendment:
      if (predicate != "amends" && predicate != "revokes") return false;
      break;
    case SentenceKind::kFact:
      break;
  }
  for (const auto& [a, b] : r.conditions)
    if (first >= a && first < b) return false;
  // "the membership of the Board shall", "the Office, within OMB, shall":
  // an entity after a preposition is not the subject of the verb that follows.
  // A possessive stays the actor of its noun ("aligns with China's plan to").
  bool possessive = false;
  for (uint32_t k = first; k < last && !possessive; ++k) possessive = toks[k].Is("'s");
  if (actor_leads && LeadsWithSubject(predicate) && first > 0 && !possessive) {
    uint32_t k = first;
    if (toks[k - 1].Is("the") && k > 1) --k;
    if (In(toks[k - 1].folded,
           {"of", "within", "with", "through", "by", "to", "from", "for", "under", "at", "in", "on",
            "into", "than", "via", "among", "between", "against", "about"}))
      return false;
    // The last member of a list inside such a phrase: "in consultation with
    // the heads of agencies and the Director of OMB, as appropriate, shall".
    if (k > 1 && (toks[k - 1].Is("and") || toks[k - 1].Is("or"))) {
      for (int j = static_cast<int>(k) - 2, steps = 0; j >= 0 && steps < 40; ++steps) {
        const Token& t = toks[j];
        auto in = std::find_if(mention_spans.begin(), mention_spans.end(), [&](const auto& m) {
          return m.first <= static_cast<uint32_t>(j) && static_cast<uint32_t>(j) < m.second;
        });
        if (in != mention_spans.end()) {  // names may hold "to", "for": skip them whole
          j = static_cast<int>(in->first) - 1;
          continue;
        }
        if (In(t.folded, {",", ";", ":", "(", ")"})) break;
        if (In(t.folded, {"with", "through", "by", "to", "from", "including", "via", "among"}))
          return false;
        --j;
      }
    }
  }
  // "No agency shall", "X does not fund Y", "X shall not": the negation sits
  // before, inside or right after the words that matched.
  if (first > 0 && In(toks[first - 1].folded, {"no", "not", "never"})) return false;
  uint32_t end = std::min<uint32_t>(last + 2, static_cast<uint32_t>(toks.size()));
  for (uint32_t k = first; k < end; ++k)
    if (IsNegation(toks, k)) return false;
  // Ownership is a state: "formerly owned by Y", "X, previously a unit of
  // Y" say Y owns X no longer.
  if (predicate == "owns")
    for (uint32_t k = first; k < last; ++k)
      if (In(toks[k].folded, {"formerly", "previously"})) return false;
  // A directive's own verb is "shall" or "must"; elsewhere a modal of
  // possibility or advice makes the relation a possibility, not a fact
  // ("could ban", "may fund", "should cooperate").
  if (predicate != "directs")
    for (uint32_t k = first; k < last; ++k)
      if (In(toks[k].folded, {"could", "might", "should", "if", "unless", "whether"}) ||
          (toks[k].Is("may") && !IsDate(toks, k)))
        return false;
  return true;
}

}  // namespace kg::parsers
