// Which name, if any, starts at a token: the lexicon's or a pattern's, then
// checked against the words around it (a part of a longer name, an office
// named only by its kind, a title before a person, a word that only
// qualifies the next).
#include <algorithm>

#include "parsers/entity_finder.h"
#include "parsers/name_words.h"
#include "parsers/text.h"

namespace kg::parsers {

using namespace name_words;  // NOLINT: the finder's own vocabulary

EntityFinder::Candidate EntityFinder::Choose(std::string_view text, const std::vector<Token>& toks,
                                             const std::vector<uint32_t>& ids, size_t i,
                                             bool company_cue, const std::vector<Mention>& out,
                                             const DocState& st) const {
  Candidate lex = FromLexicon(text, toks, ids, i);
  Candidate pat = FromPattern(text, toks, i, company_cue);
  // A name the lexicon knows is not re-read as an unknown company.
  Candidate best = pat.len > lex.len && !(lex.len && pat.rule == "pattern:company_cue") ? pat : lex;
  // A lower-case common word from the lexicon ("chips") inside a longer
  // capitalised name loses to the name; otherwise the lexicon wins ties.
  // An alias ending in "." with more glued on: "U.S." inside "U.S.C." is
  // no name; "the U.S." before "-Japan Semiconductor Trade Agreement" may
  // hide a longer name that starts at the next word, so look again there
  // ("U.S.-made" itself keeps its "U.S.").
  const size_t after = i + best.len;
  if (best.len > 0 && best.rule == "lexicon" && toks[after - 1].Is(".") && after < toks.size() &&
      !toks[after].space_before &&
      (toks[after].word || (toks[after].Is("-") && toks[i].Is("the") && after + 1 < toks.size())))
    best = Candidate{};
  // "JD Power and Associates" is not the company "JD": a one-word company
  // or product name that runs on into more capitalised words starts an
  // unknown name ("Nvidia Corp" keeps its suffix).
  if (best.len == 1 && best.rule == "lexicon" &&
      (best.type == EntityType::kCompany || best.type == EntityType::kProduct) &&
      i + 1 < toks.size() && IsNameWord(toks[i + 1]) && toks[i + 1].cap && !toks[i + 1].all_caps &&
      !IsCompanySuffix(toks[i + 1]) && !IsAgencyHead(toks[i + 1]))
    best = Candidate{};
  // "the Commission", "Commission": a lexicon alias that is only an
  // office's kind names that office only where the text has already
  // named it or the body it belongs to (a US order's "Commission" is not
  // the European Commission).
  size_t head = toks[i].Is("the") ? i + 1 : i;
  if (best.rule == "lexicon" && best.lex_id >= 0 && head + 1 == i + best.len &&
      In(toks[head], kOfficeKinds)) {
    const LexEntity& le = lexicon_.entity(static_cast<uint32_t>(best.lex_id));
    auto named = [&](const std::string& label) {
      auto it = st.by_key.find(FoldName(label));
      return it != st.by_key.end() && st.entities[it->second].mentions > 0;
    };
    bool known = named(le.label);
    for (const auto& parent : le.part_of) known = known || named(parent);
    // A body of the same parent named already: "of the European
    // Parliament and of the Council" is the EU's Council.
    for (size_t k = out.size(); !known && k-- > 0 && k + 4 > out.size();) {
      const DocEntity& prev = st.entities[out[k].entity];
      if (prev.lex_id < 0) continue;
      for (const auto& p : lexicon_.entity(static_cast<uint32_t>(prev.lex_id)).part_of)
        known = known || std::find(le.part_of.begin(), le.part_of.end(), p) != le.part_of.end();
    }
    if (!known) best = Candidate{};
  }
  // "President Yoon Suk Yeol": a bare title before a name is that
  // person's, not the office the lexicon knows by it ("President").
  // A name the lexicon does not know is a person named with the title
  // ("President Wilson signed ...").
  if (best.len == 1 && best.rule == "lexicon" && best.type == EntityType::kAgency &&
      In(toks[i], kPersonTitles) && i + 1 < toks.size() && toks[i + 1].cap &&
      IsNameWord(toks[i + 1]) && !IsConnector(toks[i + 1])) {
    best = Candidate{};
    if (FromLexicon(text, toks, ids, i + 1).len == 0) {
      size_t end = i + 1;
      while (end < toks.size() && end < i + 4 && toks[end].cap && IsNameWord(toks[end]) &&
             !IsConnector(toks[end]) && !IsAgencyHead(toks[end]))
        ++end;
      best.len = end - i;
      best.label = Surface(text, toks, i, end);
      best.type = EntityType::kPerson;
      best.rule = "pattern:titled_person";
    }
  }
  // "the President's Export Council": a body named for the President the
  // lexicon does not know is named so whole (its official name), not the
  // President and an "Export Council".
  if (best.len == 1 && best.rule == "lexicon" && best.type == EntityType::kAgency &&
      toks[i].Is("president") && toks[i].cap && i + 2 < toks.size() && toks[i + 1].Is("'s")) {
    Candidate body = FromPattern(text, toks, i + 2, false);
    if (body.len > 0 && body.type == EntityType::kAgency && body.rule != "lexicon" &&
        FromLexicon(text, toks, ids, i + 2).len < body.len) {
      best = body;
      best.len += 2;
      best.label = Surface(text, toks, i, i + best.len);
    }
  }
  // A heading's "Establishment of Emergency Board" names the board, not an
  // "Establishment": the name starts after "of".
  if (best.len > 0 && best.rule != "lexicon" && toks[i].Is("establishment") &&
      i + 1 < toks.size() && toks[i + 1].Is("of"))
    best = Candidate{};
  // "Section 301 of the National Quantum Initiative Act" is a section of
  // that act, not the law the lexicon knows as "Section 301".
  if (best.len > 0 && best.rule == "lexicon" && (toks[i].Is("section") || toks[i].Is("sec")) &&
      i + best.len < toks.size() && toks[i + best.len].Is("of"))
    best = Candidate{};
  // "malicious cyber-enabled actions", "chip-related disputes": a lower-case
  // word that only qualifies what follows names no technology.
  if (best.len == 1 && best.rule == "lexicon" && !toks[i].cap && !toks[i].all_caps &&
      i + 2 < toks.size() && toks[i + 1].Is("-") && !toks[i + 1].space_before &&
      !toks[i + 2].space_before && In(toks[i + 2], kQualifyingSuffixes))
    best = Candidate{};
  // "the construction of data infrastructure", "manufacturing of chips":
  // an industry's one lower-case word before "of" names an activity on
  // the thing after it, not the industry.
  if (best.len == 1 && best.rule == "lexicon" && best.type == EntityType::kSector && !toks[i].cap &&
      !toks[i].all_caps && i + 1 < toks.size() && toks[i + 1].Is("of"))
    best = Candidate{};
  return best;
}

}  // namespace kg::parsers
