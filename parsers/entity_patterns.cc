// Entities named by pattern: policies ("Executive Order 14110", "the CHIPS
// and Science Act", "Regulation (EU) 2024/1689", "the 14th Five-Year Plan"),
// names typed by a cue word ("Ministry of X", "X Ltd.", "startup X"), and the
// policy a document's title or short-title clause names.
#include <algorithm>
#include <cctype>

#include "parsers/entity_finder.h"
#include "parsers/name_words.h"

namespace kg::parsers {

using namespace name_words;  // NOLINT: the finder's own vocabulary

EntityFinder::Candidate EntityFinder::FromPattern(std::string_view text,
                                                  const std::vector<Token>& toks, size_t i,
                                                  bool after_company_cue) const {
  Candidate c;
  const Token& t = toks[i];
  auto at = [&](size_t k) -> std::string_view {
    return k < toks.size() ? std::string_view(toks[k].folded) : std::string_view();
  };
  // Executive Order 14110, E.O. 14110, EO 14110, Executive Order No. 14110 (or No 14110).
  {
    size_t k = i;
    bool eo = false;
    if (at(k) == "executive" && at(k + 1) == "order") {
      k += 2, eo = true;
    } else if (at(k) == "e" && at(k + 1) == "." && at(k + 2) == "o" && at(k + 3) == ".") {
      k += 4, eo = true;
    } else if (toks[i].Is("eo") && toks[i].all_caps) {
      k += 1, eo = true;
    }
    if (eo) {
      // "No." or, in older transcriptions, "No" alone.
      if (at(k) == "no") k += at(k + 1) == "." ? 2 : 1;
      if (k < toks.size() && toks[k].digit && toks[k].folded.size() >= 3 &&
          std::all_of(toks[k].folded.begin(), toks[k].folded.end(), ::isdigit)) {
        c.len = k + 1 - i;
        c.label = "Executive Order " + toks[k].folded;
        c.type = EntityType::kPolicy;
        c.rule = "pattern:executive_order";
        return c;
      }
    }
  }
  // Regulation (EU) 2024/1689, Directive (EU) 2016/680.
  if ((t.Is("regulation") || t.Is("directive") || t.Is("decision")) && t.cap && at(i + 1) == "(" &&
      at(i + 3) == ")" && i + 6 < toks.size() + 2 && i + 4 < toks.size() && toks[i + 4].digit) {
    size_t k = i + 5;
    if (at(k) == "/" && k + 1 < toks.size() && toks[k + 1].digit) {
      c.len = k + 2 - i;
      std::string kind = t.folded;
      kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
      c.label = kind + " (" + Surface(text, toks, i + 2, i + 3) + ") " +
                Surface(text, toks, i + 4, k + 2);
      c.type = EntityType::kPolicy;
      c.rule = "pattern:eu_act";
      return c;
    }
  }
  if (!IsNameWord(t)) return c;
  // "Ministry of X", "Secretary of the Treasury", "University of X".
  if (In(t, kOfNameHeads) && at(i + 1) == "of") {
    size_t k = i + 2;
    if (at(k) == "the") ++k;
    // "the Council of 13 June 2024" is a date, not a name.
    const bool date = k + 1 < toks.size() && toks[k].digit && In(toks[k + 1], kMonths);
    size_t end = k < toks.size() && IsNameWord(toks[k]) && !date ? NameRun(toks, k, 8, true) : k;
    // "the Director of the Office", "the Director of the Foundation": an office
    // the text named before, not a name of its own.
    if (end == k + 1 && at(k - 1) == "the" &&
        (IsAgencyHead(toks[k]) || IsInstituteHead(toks[k]) || In(toks[k], kNamedOffices)))
      return c;
    if (end > k) {
      c.len = end - i;
      c.label = Surface(text, toks, i, end);
      c.type = IsInstituteHead(t) ? EntityType::kInstitute : EntityType::kAgency;
      c.rule = "pattern:of_name";
      return c;
    }
  }
  // "Senate Bill No. 53", "SENATE BILL 24-205", "House Bill 1234"
  if ((t.Is("senate") || t.Is("house") || t.Is("assembly")) && at(i + 1) == "bill") {
    size_t k = i + 2;
    if (at(k) == "no") k += at(k + 1) == "." ? 2 : 1;
    if (k < toks.size() && toks[k].digit) {
      std::string num = toks[k].folded;
      ++k;
      if (at(k) == "-" && k + 1 < toks.size() && toks[k + 1].digit)
        num += "-" + toks[k + 1].folded, k += 2;
      c.len = k - i;
      c.label = std::string(t.Is("senate")  ? "Senate"
                            : t.Is("house") ? "House"
                                            : "Assembly") +
                " Bill " + num;
      c.type = EntityType::kPolicy;
      c.rule = "pattern:bill";
      return c;
    }
  }
  // "Public Law 117-167"
  if (t.Is("public") && at(i + 1) == "law" && i + 2 < toks.size() && toks[i + 2].digit) {
    size_t k = i + 3;
    if (at(k) == "-" && k + 1 < toks.size() && toks[k + 1].digit) k += 2;
    c.len = k - i;
    c.label = Surface(text, toks, i, k);
    c.type = EntityType::kPolicy;
    c.rule = "pattern:public_law";
    return c;
  }
  // A name starts with a word, not a bare number ("1237 of Public Law").
  if (t.digit && std::all_of(t.folded.begin(), t.folded.end(), ::isdigit)) return c;
  size_t end = NameRun(toks, i);
  if (end == i) return c;
  // The name from i to stop, of this type, found by this rule.
  auto name = [&](size_t stop, EntityType type, const char* rule) {
    c.len = stop - i;
    c.label = Surface(text, toks, i, stop);
    c.type = type;
    c.rule = rule;
    return c;
  };
  // "the United States of America in Congress assembled": a place and the
  // body meeting in it are two names, so no agency, institute or company
  // name runs across "in".
  size_t first_in = i + 1;
  while (first_in < end && !toks[first_in].Is("in")) ++first_in;
  // A company named up to its suffix at `suffix` ("Nvidia Corp", "Pesch and
  // Co"); the label leaves the suffix out. Two firms joined by "and" are
  // two names: "FMR Corp and Fidelity International Ltd" ends at "Corp".
  auto company = [&](size_t suffix) {
    for (size_t j = i + 1; j < suffix; ++j)
      if (IsCompanySuffix(toks[j]) && toks[j].cap && (at(j + 1) == "and" || at(j + 1) == "&")) {
        suffix = j;
        break;
      }
    size_t stop = suffix + 1;
    if (at(stop) == ".") ++stop;
    c.len = stop - i;
    size_t name_end = suffix;
    while (name_end > i + 1 && (toks[name_end - 1].Is(",") || toks[name_end - 1].Is("and") ||
                                toks[name_end - 1].Is("&")))
      --name_end;
    c.label = Surface(text, toks, i, name_end);
    c.type = EntityType::kCompany;
    c.rule = "pattern:company_suffix";
    return c;
  };
  // The longest prefix of the run ending in a head noun types it.
  for (size_t k = end; k > i + 1 - 0 && k > i; --k) {
    const Token& head = toks[k - 1];
    if (!head.cap && !head.all_caps) continue;
    // "Measures for the Management of ...", "Provisions on the Governance of
    // ...": a regulation named for its kind goes on after it. Alone ("General
    // Provisions") such a word heads a section, not a law.
    const size_t from = at(k + 1) == "the" ? k + 2 : k + 1;
    const size_t full = In(head, kComplementHeads) && (at(k) == "for" || at(k) == "on") &&
                                from < toks.size() && IsNameWord(toks[from])
                            ? NameRun(toks, from, 12)
                            : from;
    if (full > from) return name(full, EntityType::kPolicy, "pattern:policy_name");
    bool policy = false;
    PolicyHeadType(head, &policy);
    if (policy && k - i >= 2 && !head.Is("order")) {
      size_t stop = k;
      // "... Act of 2022" keeps its year in the span, not in the label.
      c.label = Surface(text, toks, i, k);
      auto year = [&](size_t y) {
        return y < toks.size() && toks[y].digit && toks[y].folded.size() == 4;
      };
      if ((at(k) == "of" || at(k) == ",") && year(k + 1)) {
        stop = k + 2;  // "Act of 2022", "Consolidated Appropriations Act, 2021"
      } else if (at(k) == "for" && at(k + 1) == "fiscal" && at(k + 2) == "year" && year(k + 3)) {
        // One defense authorization act a year: the year is part of its name.
        stop = k + 4;
        c.label = Surface(text, toks, i, stop);
      }
      c.len = stop - i;
      c.type = EntityType::kPolicy;
      c.rule = "pattern:policy_name";
      return c;
    }
    if (first_in < k) continue;
    // "Centre for Cyber Security", "Office of Science", "Council on
    // Environmental Quality": the name goes on.
    if ((IsAgencyHead(head) || IsInstituteHead(head)) && k < end &&
        (toks[k].Is("for") || toks[k].Is("of") || (toks[k].Is("on") && In(head, kPanelHeads))))
      k = end;
    if (IsAgencyHead(head) && k - i >= 2)
      return name(k, EntityType::kAgency, "pattern:agency_name");
    if (IsInstituteHead(head) && k - i >= 2)
      return name(k, EntityType::kInstitute, "pattern:institute_name");
    if (IsCompanySuffix(head) && k - i >= 2) return company(k - 1);
  }
  // "X Ltd." / "X Inc." right after the run.
  if (end < toks.size() && IsCompanySuffix(toks[end]) && toks[end].cap) return company(end);
  // "Communist Chinese military company": a capitalised name that is not
  // only a nationality, then at most two lower-case words and a company noun.
  {
    size_t k = end, lower = 0;
    while (k < toks.size() && lower < 2 && toks[k].word && !toks[k].cap &&
           !IsCompanyNoun(toks[k]) && !IsConnector(toks[k]))
      ++k, ++lower;
    // "West German", "South Korean": a compass word before a nationality is
    // part of the nationality, so "a West German firm" names no one.
    auto own_word = [&] {
      for (size_t w = i; w < end; ++w)
        if (toks[w].word && !IsDemonymWord(toks[w]) &&
            !(In(toks[w], kCompassWords) && w + 1 < end && IsDemonymWord(toks[w + 1])))
          return true;
      return false;
    };
    if (i > 0 && k < toks.size() && IsCompanyNoun(toks[k]) && end - i <= 4 &&
        IsDemonymWord(toks[end - 1]) && own_word()) {
      c.len = k + 1 - i;
      c.label = Surface(text, toks, i, k + 1);
      c.type = EntityType::kCompany;
      c.rule = "pattern:company_noun";
      return c;
    }
  }
  // "startup X", "the company X", "firms such as X".
  if (after_company_cue && NameRun(toks, i, 4, true) - i <= 4) {
    end = NameRun(toks, i, 4, true);
    c.len = end - i;
    c.label = Surface(text, toks, i, end);
    c.type = EntityType::kCompany;
    c.rule = "pattern:company_cue";
    return c;
  }
  return c;
}

int EntityFinder::TitlePolicy(std::string_view title, DocState* state) const {
  // Only a name at the start counts, and a pattern reads at most a few
  // tokens past its first: a title that is a whole unbroken text is not
  // tokenized to its end.
  constexpr size_t kTitleTokens = 32;
  std::vector<Token> toks;
  toks.reserve(kTitleTokens);  // called for the first lines of every document
  Tokenize(title, 0, static_cast<uint32_t>(title.size()), &toks, kTitleTokens);
  for (size_t i = 0; i < toks.size() && i < 4; ++i) {
    // A news headline ("BAKER ASKS FAST ACTION ON DEBT BILL") is about a
    // policy, not one itself.
    if (IsHeadlineVerb(toks[i])) return -1;
    Candidate c = FromPattern(title, toks, i, false);
    if (c.len && c.type == EntityType::kPolicy && c.rule != "pattern:public_law") {
      for (size_t k = i; k < i + c.len; ++k)
        if (IsHeadlineVerb(toks[k])) return -1;
      // A law the lexicon knows ("Regulation (EU) 2024/1689" is the AI
      // Act) is the same entity as its mentions in the text.
      std::vector<uint32_t> ids;
      lexicon_.trie().TokenIds(toks, &ids);
      Candidate lex = FromLexicon(title, toks, ids, i);
      if (lex.len >= c.len && lex.type == EntityType::kPolicy && !lex.demonym) c = lex;
      int id = state->Intern(c.label, c.type, c.lex_id);
      std::string rest = CollapseSpace(title.substr(toks[i + c.len - 1].end));
      while (!rest.empty() && (rest[0] == ':' || rest[0] == '-' || rest[0] == ' '))
        rest.erase(0, 1);
      if (rest.rfind("\xE2\x80\x94", 0) == 0) rest.erase(0, 3);
      rest = CollapseSpace(rest);
      if (!rest.empty() && rest.size() < 200) state->entities[id].aliases.push_back(rest);
      return id;
    }
  }
  return -1;
}

int EntityFinder::ShortTitle(std::string_view text, DocState* state) const {
  // "This Act may be cited as the “CHIPS and Science Act of 2022”.", "This
  // Act may be called the Digital Personal Data Protection Act, 2023.",
  // "This chapter shall be known as the Transparency in Frontier Artificial
  // Intelligence Act." Each clause's first use is tried in text order; one
  // that names no law ("a fund to be known as the ... Fund") gives way to
  // the next.
  std::vector<size_t> clauses;
  for (std::string_view clause :
       {"may be cited as", "may be called", "shall be cited as", "shall be known as"}) {
    size_t at = text.find(clause);
    if (at != std::string_view::npos && at <= 200000) clauses.push_back(at);
  }
  std::sort(clauses.begin(), clauses.end());
  std::vector<Token> toks;
  std::vector<uint32_t> ids;
  for (size_t at : clauses) {
    size_t end = std::min(text.size(), at + 300);
    toks.clear();
    Tokenize(text, static_cast<uint32_t>(at), static_cast<uint32_t>(end), &toks);
    lexicon_.trie().TokenIds(toks, &ids);
    for (size_t i = 3; i < toks.size() && i < 10; ++i) {
      Candidate c = FromPattern(text, toks, i, false);
      if (!c.len) c = FromLexicon(text, toks, ids, i);
      if (c.len && c.type == EntityType::kPolicy) return state->Intern(c.label, c.type, c.lex_id);
    }
  }
  return -1;
}

}  // namespace kg::parsers
