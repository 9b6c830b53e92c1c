#include "parsers/entity_finder.h"

#include <algorithm>
#include <cctype>

#include "parsers/name_words.h"

namespace kg::parsers {

using namespace name_words;  // NOLINT: the finder's own vocabulary

int DocState::Intern(const std::string& label, EntityType type, int lex_id) {
  std::string key = FoldName(label);
  auto it = by_key.find(key);
  if (it != by_key.end()) return it->second;
  int id = static_cast<int>(entities.size());
  entities.push_back(DocEntity{label, type, lex_id, {}, 0});
  by_key.emplace(std::move(key), id);
  return id;
}

bool EntityFinder::IsDemonymWord(const Token& t) const {
  if (!t.word || !t.cap) return false;
  for (const TrieEntry* h : lexicon_.trie().Single(t.folded))
    if (h->demonym && !h->exact_case) return true;
  return false;
}

// "Data Security Law of the People's Republic of China": the country whose
// law it is is the one its text speaks of, though the name holds it.
void EntityFinder::NoteLawCountry(std::string_view text, const std::vector<Token>& toks,
                                  const std::vector<uint32_t>& ids, const Mention& m,
                                  DocState* st) const {
  for (uint32_t k = m.first; k + 1 < m.last; ++k) {
    if (!toks[k].Is("of")) continue;
    Candidate c = FromLexicon(text, toks, ids, k + 1);
    if (c.type == EntityType::kCountry && !c.demonym && k + 1 + c.len == m.last) {
      st->last_country = st->Intern(c.label, c.type, c.lex_id);
      return;
    }
  }
}

EntityFinder::Candidate EntityFinder::FromLexicon(std::string_view text,
                                                  const std::vector<Token>& toks,
                                                  const std::vector<uint32_t>& ids,
                                                  size_t i) const {
  Candidate c;
  if (ids[i] == 0) return c;  // no alias starts with this word
  std::vector<const TrieEntry*> hits;
  size_t len = lexicon_.trie().LongestMatch(toks, ids, i, text, &hits);
  if (len == 0) return c;
  // A name entry beats an adjective reading of the same words.
  const TrieEntry* best = hits[0];
  for (auto* h : hits)
    if (!h->demonym) {
      best = h;
      break;
    }
  const LexEntity& e = lexicon_.entity(best->entity);
  // A lower-case alias inside a capitalised name ("chips" in "CHIPS Act") is
  // left to the patterns; the caller compares lengths.
  c.len = len;
  c.label = e.label;
  c.type = e.type;
  c.lex_id = static_cast<int>(best->entity);
  c.demonym = best->demonym;
  c.rule = "lexicon";
  return c;
}

std::vector<Mention> EntityFinder::Find(std::string_view text, const std::vector<Token>& toks,
                                        DocState* st) const {
  std::vector<Mention> out;
  std::vector<uint32_t> ids;
  lexicon_.trie().TokenIds(toks, &ids);
  bool company_cue = false;  // the previous words announce a company name
  for (size_t i = 0; i < toks.size();) {
    Candidate lex = FromLexicon(text, toks, ids, i);
    Candidate pat = FromPattern(text, toks, i, company_cue);
    // A name the lexicon knows is not re-read as an unknown company.
    Candidate best =
        pat.len > lex.len && !(lex.len && pat.rule == "pattern:company_cue") ? pat : lex;
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
        i + 1 < toks.size() && IsNameWord(toks[i + 1]) && toks[i + 1].cap &&
        !toks[i + 1].all_caps && !IsCompanySuffix(toks[i + 1]) && !IsAgencyHead(toks[i + 1]))
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
        auto it = st->by_key.find(FoldName(label));
        return it != st->by_key.end() && st->entities[it->second].mentions > 0;
      };
      bool known = named(le.label);
      for (const auto& parent : le.part_of) known = known || named(parent);
      // A body of the same parent named already: "of the European
      // Parliament and of the Council" is the EU's Council.
      for (size_t k = out.size(); !known && k-- > 0 && k + 4 > out.size();) {
        const DocEntity& prev = st->entities[out[k].entity];
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
    if (best.len == 1 && best.rule == "lexicon" && best.type == EntityType::kSector &&
        !toks[i].cap && !toks[i].all_caps && i + 1 < toks.size() && toks[i + 1].Is("of"))
      best = Candidate{};
    Mention m;
    m.first = static_cast<uint32_t>(i);
    if (best.len > 0) {
      m.last = static_cast<uint32_t>(i + best.len);
      m.type = best.type;
      m.demonym = best.demonym;
      m.rule = best.rule;
      m.entity = st->Intern(best.label, best.type, best.lex_id);
      DocEntity& de = st->entities[m.entity];
      std::string surface = Surface(text, toks, i, i + best.len);
      if (FoldName(surface) != FoldName(de.label) && !m.demonym &&
          std::find(de.aliases.begin(), de.aliases.end(), surface) == de.aliases.end() &&
          de.aliases.size() < 16)
        de.aliases.push_back(surface);
      // "the Foo Act (15 U.S.C. 123)", "the Bar Act (Public Law 116-283)": a
      // citation after a law's name belongs to the name.
      if (m.type == EntityType::kPolicy) {
        m.last = static_cast<uint32_t>(DatedTitleEnd(toks, m.last));
        m.last = static_cast<uint32_t>(CitationEnd(toks, m.last));
      }
      // "The Ministry of International Trade and Industry (MITI) acted to
      // ...": an acronym in brackets after a name is that name again, and
      // the verb after it is still the name's.
      if (m.type != EntityType::kPolicy && !m.demonym && m.last + 2 < toks.size() &&
          toks[m.last].Is("(") && toks[m.last + 1].all_caps && toks[m.last + 1].word &&
          toks[m.last + 1].folded.size() <= 8 && toks[m.last + 2].Is(")"))
        m.last += 3;
      // "the Secretary of the Treasury (Secretary)": a short name the text
      // defines for an office; the same brackets read as part of the mention.
      if (m.type == EntityType::kAgency && m.last + 2 < toks.size() && toks[m.last].Is("(") &&
          toks[m.last + 1].cap && !toks[m.last + 1].all_caps && toks[m.last + 1].word &&
          toks[m.last + 2].Is(")") && LabelHasWord(best.label, toks[m.last + 1].folded)) {
        st->short_names[std::string(toks[m.last + 1].folded)] = m.entity;
        m.last += 3;
      }
      // "the Biden administration": the government a leader heads is the
      // leader's country.
      // ("the Reagan administration's Economic Policy Council" says when
      // the council sat, not whose it is.)
      if (m.type == EntityType::kPerson && best.lex_id >= 0 && m.last < toks.size() &&
          In(toks[m.last], kGovernmentWords) &&
          !(m.last + 1 < toks.size() && toks[m.last + 1].Is("'s"))) {
        const LexEntity& le = lexicon_.entity(static_cast<uint32_t>(best.lex_id));
        auto country = le.based_in.empty() ? std::nullopt : lexicon_.FindLabel(le.based_in);
        if (country && lexicon_.entity(*country).type == EntityType::kCountry) {
          const LexEntity& ce = lexicon_.entity(*country);
          m.entity = st->Intern(ce.label, ce.type, static_cast<int>(*country));
          m.type = EntityType::kCountry;
        }
      }
      // "Chinese government", "U.S. government": the country itself.
      if (m.type == EntityType::kCountry && m.last < toks.size() &&
          In(toks[m.last], kGovernmentWords)) {
        ++m.last;
        m.demonym = false;
      }
    } else {
      // References: "the country", "this order", "the report", "the Secretary".
      const std::string_view w0 = toks[i].folded;
      const std::string_view w1 = i + 1 < toks.size() ? toks[i + 1].folded : std::string_view();
      const std::string_view w2 = i + 2 < toks.size() ? toks[i + 2].folded : std::string_view();
      int target = -1;
      if ((w0 == "the" || w0 == "this") &&
          (w1 == "country" || w1 == "nation" || (w1 == "government" && w2 != "of")) && w2 != "or") {
        // "against the country or region" is any country, not one named.
        target = st->last_country;
      } else if (w0 == "the" && w1 == "state" && toks[i + 1].cap && st->last_country >= 0 &&
                 !In(w2, kStateHeads) && !(i + 2 < toks.size() && toks[i + 2].cap)) {
        // A translated law's "The State encourages ..." is the country whose
        // law it is ("the State of X", "the State Council", "the State
        // Director of ..." are not).
        target = st->last_country;
      } else if ((w0 == "this" || w0 == "these" || w0 == "the" || w0 == "that") &&
                 IsPolicyNoun(w1) && w2 != "of") {
        // "These measures" is how a regulation named "... Measures for ..."
        // speaks of itself.
        if (w0 == "these" && st->doc_policy >= 0 &&
            LabelHasWord(st->entities[st->doc_policy].label, w1))
          target = st->doc_policy;
        if (w0 == "this" && st->doc_policy >= 0 &&
            (w1 == "order" || w1 == "act" || w1 == "regulation" || w1 == "memorandum" ||
             w1 == "directive" || w1 == "law" ||
             LabelHasWord(st->entities[st->doc_policy].label, w1)))
          target = st->doc_policy;
        for (auto it = st->recent.rbegin(); target < 0 && w0 != "these" && it != st->recent.rend();
             ++it) {
          // "its microchip pact with the U.S. ... That pact": the policy last
          // called so, by its name or by the words the text used for it.
          const DocEntity& e = st->entities[*it];
          if (e.type != EntityType::kPolicy) continue;
          bool called = w1 == "policy" || LabelHasWord(e.label, w1);
          for (const auto& alias : e.aliases) called = called || LabelHasWord(alias, w1);
          if (called) target = *it;
        }
      } else if (w0 == "the" && i + 1 < toks.size() && toks[i + 1].cap &&
                 st->short_names.count(std::string(w1)) &&
                 !(i + 2 < toks.size() && toks[i + 2].Is("of"))) {
        target = st->short_names[std::string(w1)];
      } else if (w0 == "the" &&
                 (w1 == "secretary" || w1 == "ministry" || w1 == "department" ||
                  w1 == "commission" || w1 == "agency") &&
                 w2 != "of" && i + 1 < toks.size() && (toks[i + 1].cap || w1 == "ministry")) {
        // Only when the document has named exactly one such office so far:
        // "the Secretary" after two Secretaries is ambiguous.
        for (size_t e = 0; e < st->entities.size(); ++e) {
          const DocEntity& de = st->entities[e];
          if (de.type != EntityType::kAgency || de.mentions == 0 ||
              FoldName(de.label).rfind(w1, 0) != 0)
            continue;
          if (target >= 0 && target != static_cast<int>(e)) {
            target = -1;
            break;
          }
          target = static_cast<int>(e);
        }
      }
      if (target >= 0) {
        m.last = static_cast<uint32_t>(i + 2);
        m.entity = target;
        m.type = st->entities[target].type;
        m.reference = true;
        m.rule = "reference";
      }
    }
    if (m.entity >= 0) {
      m.named = m.reference || m.rule != "lexicon" || toks[m.first].cap || toks[m.first].all_caps;
      company_cue = false;
      DocEntity& de = st->entities[m.entity];
      ++de.mentions;
      if (de.type == EntityType::kCountry) st->last_country = m.entity;
      if (de.type == EntityType::kPolicy && !m.reference) NoteLawCountry(text, toks, ids, m, st);
      st->recent.push_back(m.entity);
      if (st->recent.size() > 64) st->recent.erase(st->recent.begin(), st->recent.begin() + 32);
      i = m.last;
      out.push_back(std::move(m));
      // "X, Y and Z" after "companies such as": the list continues.
      if (out.back().rule == "pattern:company_cue" && i < toks.size() && In(toks[i], kListWords))
        company_cue = true;
      continue;
    }
    const std::string_view w = toks[i].folded;
    if (In(toks[i], kCompanyCues) ||
        (In(toks[i], kListIntroducers) && i > 0 &&
         (IsCompanyNoun(toks[i - 1]) ||
          (i > 1 && w == "as" && toks[i - 1].Is("such") && IsCompanyNoun(toks[i - 2]))))) {
      company_cue = true;
    } else if (!(company_cue && In(toks[i], kCueContinuations))) {
      company_cue = false;
    }
    ++i;
  }
  return out;
}

}  // namespace kg::parsers
