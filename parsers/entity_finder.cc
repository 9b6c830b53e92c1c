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

namespace {

// The quoted, capitalised word a definition defines when what it means
// starts at token `at` ('"Board" means the ...', "``Secretary'' shall mean"),
// or -1.
int DefinedWord(const std::vector<Token>& toks, size_t at) {
  static const WordSet kQuotes{"\"", "'", "`", "''", "``"};
  auto quote = [&](size_t k) { return In(toks[k], kQuotes); };
  size_t k = at;
  if (k > 0 && toks[k - 1].Is("the")) --k;
  if (k == 0) return -1;
  if (toks[k - 1].Is("means")) {
    --k;
  } else if (k >= 2 && toks[k - 1].Is("mean") && toks[k - 2].Is("shall")) {
    k -= 2;
  } else {
    return -1;
  }
  size_t quotes = 0;
  while (k > 0 && quotes < 2 && quote(k - 1)) --k, ++quotes;
  if (quotes == 0 || k < 2 || !toks[k - 1].word || !toks[k - 1].cap || toks[k - 1].all_caps ||
      !quote(k - 2))
    return -1;
  return static_cast<int>(k - 1);
}

}  // namespace

std::vector<Mention> EntityFinder::Find(std::string_view text, const std::vector<Token>& toks,
                                        DocState* st) const {
  std::vector<Mention> out;
  std::vector<uint32_t> ids;
  lexicon_.trie().TokenIds(toks, &ids);
  bool company_cue = false;  // the previous words announce a company name
  for (size_t i = 0; i < toks.size();) {
    const Candidate best = Choose(text, toks, ids, i, company_cue, out, *st);
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
        // An undated order's title in brackets is its title too: "Executive
        // Order 13318 (Presidential Management Fellows Program)".
        if (best.rule == "pattern:executive_order" && m.last == i + best.len &&
            m.last + 1 < toks.size() && toks[m.last].Is("(") && toks[m.last + 1].cap &&
            !toks[m.last + 1].all_caps)
          m.last = static_cast<uint32_t>(BracketEnd(toks, m.last));
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
      // A law's definition gives an office its short name too: '"Board"
      // means the Data Protection Board of India', "the term ``Secretary''
      // means the Secretary of Commerce".
      if (m.type == EntityType::kAgency) {
        if (int word = DefinedWord(toks, m.first);
            word >= 0 && LabelHasWord(best.label, toks[static_cast<size_t>(word)].folded))
          st->short_names[std::string(toks[static_cast<size_t>(word)].folded)] = m.entity;
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
      const int target = Reference(toks, i, *st);
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
