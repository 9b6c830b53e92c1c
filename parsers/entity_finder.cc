#include "parsers/entity_finder.h"

#include <algorithm>
#include <cctype>

#include "parsers/text.h"
#include "parsers/word_set.h"

namespace kg::parsers {
namespace {

// The word lists below are hash sets probed with the token's hash: these
// tests run for every token of every sentence.
bool In(const Token& t, const WordSet& set) { return set.Contains(t); }
bool In(std::string_view w, const WordSet& set) { return set.Contains(w); }

const WordSet kConnectors{"and", "of", "for", "the", "on", "in", "&", "de"};
const WordSet kFunctionCaps{
    "the",      "this",     "that",     "these",  "those",   "a",         "an",       "in",
    "on",       "at",       "by",       "for",    "of",      "to",        "from",     "with",
    "and",      "or",       "but",      "if",     "as",      "it",        "its",      "we",
    "our",      "they",     "their",    "he",     "she",     "his",       "her",      "i",
    "any",      "all",      "each",     "such",   "no",      "not",       "under",    "within",
    "after",    "before",   "when",     "where",  "while",   "there",     "here",     "through",
    "also",     "section",  "sec",      "title",  "part",    "chapter",   "article",  "subsection",
    "january",  "february", "march",    "april",  "june",    "july",      "august",   "september",
    "october",  "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"};
const WordSet kPolicyHeads{
    "act",        "acts",       "plan",      "strategy",   "initiative", "program", "programme",
    "report",     "framework",  "agreement", "regulation", "directive",  "law",     "treaty",
    "memorandum", "accord",     "pact",      "guidelines", "measures",   "roadmap", "agenda",
    "bill",       "convention", "charter",   "code",       "doctrine",   "order"};
const WordSet kAgencyHeads{
    "ministry",     "department", "agency",         "commission",   "bureau",   "office",
    "council",      "committee",  "administration", "authority",    "congress", "parliament",
    "senate",       "assembly",   "board",          "directorate",  "cabinet",  "secretariat",
    "subcommittee", "court",      "regulator",      "inspectorate", "diet",     "service"};
const WordSet kInstituteHeads{"university",   "institute", "academy", "laboratory",
                              "laboratories", "lab",       "labs",    "college",
                              "center",       "centre",    "school",  "polytechnic"};
const WordSet kCompanySuffixes{"ltd", "inc",  "corp", "corporation", "co",           "llc",
                               "plc", "gmbh", "ag",   "limited",     "incorporated", "holdings"};
const WordSet kCompanyNouns{"company",   "companies",  "firm",        "firms",
                            "startup",   "startups",   "enterprise",  "enterprises",
                            "chipmaker", "chipmakers", "corporation", "corporations"};
const WordSet kPolicyNouns{"report",     "plan",       "policy",   "strategy",  "act",
                           "pact",       "agreement",  "accord",   "law",       "order",
                           "regulation", "initiative", "program",  "programme", "directive",
                           "memorandum", "treaty",     "measures", "framework", "bill"};
const WordSet kHeadlineVerbs{
    "asks",  "urges",     "opposes",  "says",     "sees",       "plans",   "announces", "unveils",
    "seeks", "backs",     "calls",    "wins",     "signs",      "passes",  "approves",  "rejects",
    "vows",  "warns",     "sets",     "eyes",     "expects",    "reports", "cuts",      "raises",
    "files", "buys",      "sells",    "agrees",   "intervenes", "faces",   "lifts",     "imposes",
    "bans",  "threatens", "proposes", "launches", "considers",  "adopts",  "delays",    "extends",
    "rises", "falls",     "unveil",   "ask",      "urge",       "oppose",  "say",       "see",
    "plan",  "to"};
const WordSet kMonths{"january", "february", "march",     "april",   "may",      "june",
                      "july",    "august",   "september", "october", "november", "december"};
const WordSet kCitationMarkers{"law", "stat", "fr", "seq", "cfr"};
const WordSet kOfNameHeads{"ministry",  "department",    "office",     "bureau",   "secretary",
                           "director",  "administrator", "commission", "minister", "university",
                           "institute", "academy",       "council",    "committee"};
const WordSet kNamedOffices{"foundation", "program", "initiative", "fund", "secretary"};
const WordSet kOfficeKinds{"commission", "council", "board",       "committee",   "office",
                           "agency",     "bureau",  "department",  "ministry",    "administration",
                           "authority",  "service", "directorate", "secretariat", "institute",
                           "center",     "centre",  "academy",     "foundation"};
const WordSet kGovernmentWords{"government", "administration", "authorities"};
const WordSet kListWords{",", "and", "or"};
const WordSet kCompanyCues{"startup", "company", "firm", "chipmaker", "subsidiary"};
const WordSet kListIntroducers{"like", "as", "including"};
const WordSet kCueContinuations{",", "and", "or", "such", "as", "like", "including"};

// Lower-case words that may sit inside a name ("Trade and Industry").
bool IsConnector(const Token& t) {
  // "in": "Supporting Veterans in STEM Careers Act", "Made in China 2025".
  return In(t, kConnectors);
}

// Capitalised function words that start sentences but never names.
bool IsFunctionCap(const Token& t) { return In(t, kFunctionCaps); }

bool IsNameWord(const Token& t) {
  return t.word && (t.cap || t.digit || t.all_caps) && !IsFunctionCap(t) && !t.Is("'s");
}

std::string Surface(std::string_view text, const std::vector<Token>& toks, size_t a, size_t b) {
  return CollapseSpace(text.substr(toks[a].begin, toks[b - 1].end - toks[a].begin));
}

// End (exclusive) of a run of name words with connectors inside, from i.
// `tight` allows only "and"/"&" inside (the X of "Ministry of X").
size_t NameRun(const std::vector<Token>& toks, size_t i, size_t max_len = 10, bool tight = false) {
  size_t j = i, end = i;
  while (j < toks.size() && j - i < max_len) {
    const Token& t = toks[j];
    if (IsNameWord(t)) {
      end = ++j;
      continue;
    }
    // Hyphens inside a name: "Five-Year", "Military-Civil".
    if (t.Is("-") && !t.space_before && j + 1 < toks.size() && !toks[j + 1].space_before &&
        end == j) {
      ++j;
      continue;
    }
    if ((tight ? (t.Is("and") || t.Is("&") || t.Is("of")) : IsConnector(t)) && end == j &&
        j + 1 < toks.size()) {
      ++j;
      continue;
    }
    break;
  }
  return end;
}

EntityType PolicyHeadType(const Token& w, bool* found) {
  *found = In(w, kPolicyHeads);
  return EntityType::kPolicy;
}

bool IsAgencyHead(const Token& w) { return In(w, kAgencyHeads); }

bool IsInstituteHead(const Token& w) { return In(w, kInstituteHeads); }

bool IsCompanySuffix(const Token& w) { return In(w, kCompanySuffixes); }

bool IsCompanyNoun(const Token& w) { return In(w, kCompanyNouns); }

// "the report" -> "report": words that refer back to a named policy.
bool IsPolicyNoun(std::string_view w) { return In(w, kPolicyNouns); }

bool LabelHasWord(const std::string& label, std::string_view w) {
  auto toks = FoldedTokens(label);
  return std::find(toks.begin(), toks.end(), w) != toks.end();
}

// Verbs of news headlines ("X Asks Y", "X Unveils Plan").
bool IsHeadlineVerb(const Token& w) { return In(w, kHeadlineVerbs); }

// "Executive Order 14041 of September 3, 2021 (White House Initiative on
// ...)": an order's date and parenthesised title are part of its mention, so
// the title is not read as another policy. Returns the end, or i.
size_t DatedTitleEnd(const std::vector<Token>& toks, size_t i) {
  auto at = [&](size_t k) -> std::string_view {
    return k < toks.size() ? std::string_view(toks[k].folded) : std::string_view();
  };
  if (at(i) != "of" || !In(at(i + 1), kMonths)) return i;
  size_t k = i + 2;
  if (k >= toks.size() || !toks[k].digit) return i;
  ++k;
  if (at(k) == ",") ++k;
  if (k >= toks.size() || !toks[k].digit) return i;
  ++k;
  if (at(k) != "(") return k;
  int depth = 0;
  for (size_t j = k; j < toks.size() && j < k + 80; ++j) {
    if (toks[j].Is("(")) ++depth;
    if (toks[j].Is(")") && --depth == 0) return j + 1;
  }
  return k;
}

// End of a parenthesised citation starting at toks[i] ("(42 U.S.C. 1862)",
// "(Public Law 117-167)", "(85 FR 48637)"), or i when there is none.
size_t CitationEnd(const std::vector<Token>& toks, size_t i) {
  if (i >= toks.size() || !toks[i].Is("(")) return i;
  int depth = 0;
  bool number = false, marker = false;
  for (size_t k = i; k < toks.size() && k < i + 24; ++k) {
    const std::string_view w = toks[k].folded;
    if (w == "(") ++depth;
    if (w == ")" && --depth == 0) return number && marker ? k + 1 : i;
    if (toks[k].digit) number = true;
    if (In(toks[k], kCitationMarkers) ||
        (w == "c" && k >= 2 && toks[k - 1].Is(".") && toks[k - 2].Is("s")))
      marker = true;
  }
  return i;
}

}  // namespace

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

EntityFinder::Candidate EntityFinder::FromPattern(std::string_view text,
                                                  const std::vector<Token>& toks, size_t i,
                                                  bool after_company_cue) const {
  Candidate c;
  const Token& t = toks[i];
  auto at = [&](size_t k) -> std::string_view {
    return k < toks.size() ? std::string_view(toks[k].folded) : std::string_view();
  };
  // Executive Order 14110, E.O. 14110, EO 14110, Executive Order No. 14110.
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
      if (at(k) == "no" && at(k + 1) == ".") k += 2;
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
    size_t end = k < toks.size() && IsNameWord(toks[k]) ? NameRun(toks, k, 8, true) : k;
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
    if (at(k) == "no" && at(k + 1) == ".") k += 2;
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
  // The longest prefix of the run ending in a head noun types it.
  for (size_t k = end; k > i + 1 - 0 && k > i; --k) {
    const Token& head = toks[k - 1];
    if (!head.cap && !head.all_caps) continue;
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
    // "Centre for Cyber Security", "Office of Science": the name goes on.
    if ((IsAgencyHead(head) || IsInstituteHead(head)) && k < end &&
        (toks[k].Is("for") || toks[k].Is("of")))
      k = end;
    if (IsAgencyHead(head) && k - i >= 2) {
      c.len = k - i;
      c.label = Surface(text, toks, i, k);
      c.type = EntityType::kAgency;
      c.rule = "pattern:agency_name";
      return c;
    }
    if (IsInstituteHead(head) && k - i >= 2) {
      c.len = k - i;
      c.label = Surface(text, toks, i, k);
      c.type = EntityType::kInstitute;
      c.rule = "pattern:institute_name";
      return c;
    }
    if (IsCompanySuffix(head) && k - i >= 2) {
      size_t stop = k;
      if (at(k) == ".") ++stop;
      c.len = stop - i;
      size_t name_end = k - 1;
      if (name_end > i && toks[name_end - 1].Is(",")) --name_end;
      c.label = Surface(text, toks, i, name_end);
      c.type = EntityType::kCompany;
      c.rule = "pattern:company_suffix";
      return c;
    }
  }
  // "X Ltd." / "X Inc." right after the run.
  if (end < toks.size() && IsCompanySuffix(toks[end]) && toks[end].cap) {
    size_t stop = end + 1;
    if (at(stop) == ".") ++stop;
    c.len = stop - i;
    c.label = Surface(text, toks, i, end);
    c.type = EntityType::kCompany;
    c.rule = "pattern:company_suffix";
    return c;
  }
  // "Communist Chinese military company": a capitalised name that is not
  // only a nationality, then at most two lower-case words and a company noun.
  {
    size_t k = end, lower = 0;
    while (k < toks.size() && lower < 2 && toks[k].word && !toks[k].cap &&
           !IsCompanyNoun(toks[k]) && !IsConnector(toks[k]))
      ++k, ++lower;
    auto own_word = [&] {
      for (size_t w = i; w < end; ++w)
        if (toks[w].word && !IsDemonymWord(toks[w])) return true;
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
  Tokenize(title, 0, static_cast<uint32_t>(title.size()), &toks, kTitleTokens);
  for (size_t i = 0; i < toks.size() && i < 4; ++i) {
    // A news headline ("BAKER ASKS FAST ACTION ON DEBT BILL") is about a
    // policy, not one itself.
    if (IsHeadlineVerb(toks[i])) return -1;
    Candidate c = FromPattern(title, toks, i, false);
    if (c.len && c.type == EntityType::kPolicy && c.rule != "pattern:public_law") {
      for (size_t k = i; k < i + c.len; ++k)
        if (IsHeadlineVerb(toks[k])) return -1;
      int id = state->Intern(c.label, c.type, -1);
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
  // "This Act may be cited as the “CHIPS and Science Act of 2022”."
  size_t at = text.find("may be cited as");
  if (at == std::string_view::npos || at > 200000) return -1;
  size_t end = std::min(text.size(), at + 300);
  std::vector<Token> toks;
  Tokenize(text, static_cast<uint32_t>(at), static_cast<uint32_t>(end), &toks);
  std::vector<uint32_t> ids;
  lexicon_.trie().TokenIds(toks, &ids);
  for (size_t i = 4; i < toks.size() && i < 10; ++i) {
    Candidate c = FromPattern(text, toks, i, false);
    if (!c.len) c = FromLexicon(text, toks, ids, i);
    if (c.len && c.type == EntityType::kPolicy) return state->Intern(c.label, c.type, c.lex_id);
  }
  return -1;
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
    // "U.S." inside "U.S.C." or "U.S.-made"... only a name when it ends there.
    if (best.len > 0 && best.rule == "lexicon" && toks[i + best.len - 1].Is(".") &&
        i + best.len < toks.size() && toks[i + best.len].word && !toks[i + best.len].space_before)
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
      if (!known) best = Candidate{};
    }
    // "Section 301 of the National Quantum Initiative Act" is a section of
    // that act, not the law the lexicon knows as "Section 301".
    if (best.len > 0 && best.rule == "lexicon" && (toks[i].Is("section") || toks[i].Is("sec")) &&
        i + best.len < toks.size() && toks[i + best.len].Is("of"))
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
          (w1 == "country" || w1 == "nation" || (w1 == "government" && w2 != "of"))) {
        target = st->last_country;
      } else if ((w0 == "this" || w0 == "the") && IsPolicyNoun(w1) && w2 != "of") {
        if (w0 == "this" && st->doc_policy >= 0 &&
            (w1 == "order" || w1 == "act" || w1 == "regulation" || w1 == "memorandum" ||
             w1 == "directive" || w1 == "law" ||
             LabelHasWord(st->entities[st->doc_policy].label, w1)))
          target = st->doc_policy;
        for (auto it = st->recent.rbegin(); target < 0 && it != st->recent.rend(); ++it) {
          const DocEntity& e = st->entities[*it];
          if (e.type == EntityType::kPolicy && (w1 == "policy" || LabelHasWord(e.label, w1)))
            target = *it;
        }
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
