// Word lists and token tests the entity finder's stages share: the lexicon
// pass and reference resolution (entity_finder.cc) and the names found by
// pattern (entity_patterns.cc). Internal to parsers/.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/entity_type.h"
#include "parsers/text.h"
#include "parsers/tokenizer.h"
#include "parsers/word_set.h"

namespace kg::parsers::name_words {

// The word lists below are hash sets probed with the token's hash: these
// tests run for every token of every sentence.
inline bool In(const Token& t, const WordSet& set) { return set.Contains(t); }
inline bool In(std::string_view w, const WordSet& set) { return set.Contains(w); }

inline const WordSet kConnectors{"and", "of", "for", "the", "on", "in", "&", "de"};
inline const WordSet kFunctionCaps{
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
inline const WordSet kPolicyHeads{
    "act",        "acts",       "plan",      "strategy",   "initiative", "program", "programme",
    "report",     "framework",  "agreement", "regulation", "directive",  "law",     "treaty",
    "memorandum", "accord",     "pact",      "guidelines", "measures",   "roadmap", "agenda",
    "bill",       "convention", "charter",   "code",       "doctrine",   "order"};
inline const WordSet kAgencyHeads{
    "ministry",     "department", "agency",         "commission",   "bureau",   "office",
    "council",      "committee",  "administration", "authority",    "congress", "parliament",
    "senate",       "assembly",   "board",          "directorate",  "cabinet",  "secretariat",
    "subcommittee", "court",      "regulator",      "inspectorate", "diet",     "service"};
inline const WordSet kInstituteHeads{"university",   "institute", "academy", "laboratory",
                                     "laboratories", "lab",       "labs",    "college",
                                     "center",       "centre",    "school",  "polytechnic"};
inline const WordSet kCompanySuffixes{"ltd", "inc",     "corp",         "corporation",
                                      "co",  "llc",     "plc",          "gmbh",
                                      "ag",  "limited", "incorporated", "holdings"};
inline const WordSet kCompanyNouns{"company",   "companies",  "firm",        "firms",
                                   "startup",   "startups",   "enterprise",  "enterprises",
                                   "chipmaker", "chipmakers", "corporation", "corporations"};
inline const WordSet kPolicyNouns{"report",     "plan",       "policy",   "strategy",  "act",
                                  "pact",       "agreement",  "accord",   "law",       "order",
                                  "regulation", "initiative", "program",  "programme", "directive",
                                  "memorandum", "treaty",     "measures", "framework", "bill"};
inline const WordSet kHeadlineVerbs{
    "asks",  "urges",     "opposes",  "says",     "sees",       "plans",   "announces", "unveils",
    "seeks", "backs",     "calls",    "wins",     "signs",      "passes",  "approves",  "rejects",
    "vows",  "warns",     "sets",     "eyes",     "expects",    "reports", "cuts",      "raises",
    "files", "buys",      "sells",    "agrees",   "intervenes", "faces",   "lifts",     "imposes",
    "bans",  "threatens", "proposes", "launches", "considers",  "adopts",  "delays",    "extends",
    "rises", "falls",     "unveil",   "ask",      "urge",       "oppose",  "say",       "see",
    "plan",  "to"};
inline const WordSet kMonths{"january", "february", "march",     "april",   "may",      "june",
                             "july",    "august",   "september", "october", "november", "december"};
inline const WordSet kCitationMarkers{"law", "stat", "fr", "seq", "cfr"};
inline const WordSet kOfNameHeads{
    "ministry",   "department", "office",     "bureau",    "secretary", "director", "administrator",
    "commission", "minister",   "university", "institute", "academy",   "council",  "committee"};
inline const WordSet kNamedOffices{"foundation", "program", "initiative", "fund", "secretary"};
inline const WordSet kOfficeKinds{"commission",  "council",        "board",     "committee",
                                  "office",      "agency",         "bureau",    "department",
                                  "ministry",    "administration", "authority", "service",
                                  "directorate", "secretariat",    "institute", "center",
                                  "centre",      "academy",        "foundation"};
// Kinds of regulation whose name goes on after the kind ("Measures for the
// Management of ...", "Provisions on ...").
inline const WordSet kComplementHeads{"measures", "provisions", "regulations",
                                      "rules",    "guidelines", "opinions"};
inline const WordSet kCompassWords{"west", "east", "north", "south"};
inline const WordSet kGovernmentWords{"government", "administration", "authorities"};
// Words after "the State" that make it a state's own body or a place, not
// the country: "the State of Colorado", "the State Council", "State-owned".
inline const WordSet kStateHeads{"of", "council",   "government",  "department", "administration",
                                 "-",  "secretary", "legislature", "party",      "or",
                                 "and"};
inline const WordSet kListWords{",", "and", "or"};
// Bodies named for what they deliberate on: "Council on Environmental
// Quality", "Task Force on ...". A department "on" something is a title's
// phrase ("employed by the War Department on Public Works").
inline const WordSet kPanelHeads{"council",      "committee", "commission", "board", "panel",
                                 "subcommittee", "force",     "group",      "forum", "conference"};
// Second halves of compounds whose first half only qualifies a noun
// ("cyber-enabled actions", "chip-related talks").
inline const WordSet kQualifyingSuffixes{"enabled", "related", "linked"};
// Titles of officers: a name that opens with one names an officer, who signs,
// not the body that makes a document ("Director of the ... Administration").
inline const WordSet kOfficerTitles{"director",  "minister", "secretary",     "chairman",
                                    "chair",     "head",     "administrator", "commissioner",
                                    "president", "premier"};
// Titles written before a person's name ("President Yoon", "Premier Li").
inline const WordSet kPersonTitles{"president", "premier",  "chancellor", "minister",
                                   "secretary", "governor", "chairman",   "chair"};
inline const WordSet kCompanyCues{"startup", "company", "firm", "chipmaker", "subsidiary"};
inline const WordSet kListIntroducers{"like", "as", "including"};
inline const WordSet kCueContinuations{",", "and", "or", "such", "as", "like", "including"};

// Lower-case words that may sit inside a name ("Trade and Industry").
inline bool IsConnector(const Token& t) {
  // "in": "Supporting Veterans in STEM Careers Act", "Made in China 2025".
  return In(t, kConnectors);
}

// Capitalised function words that start sentences but never names.
inline bool IsFunctionCap(const Token& t) { return In(t, kFunctionCaps); }

inline bool IsNameWord(const Token& t) {
  return t.word && (t.cap || t.digit || t.all_caps) && !IsFunctionCap(t) && !t.Is("'s");
}

inline std::string Surface(std::string_view text, const std::vector<Token>& toks, size_t a,
                           size_t b) {
  return CollapseSpace(text.substr(toks[a].begin, toks[b - 1].end - toks[a].begin));
}

// End (exclusive) of a run of name words with connectors inside, from i.
// `tight` allows only "and"/"&" inside (the X of "Ministry of X").
inline size_t NameRun(const std::vector<Token>& toks, size_t i, size_t max_len = 10,
                      bool tight = false) {
  size_t j = i, end = i;
  while (j < toks.size() && j - i < max_len) {
    const Token& t = toks[j];
    // Headline case writes "U.S. Based Lotus Development Inc": "Based" says
    // where the firm is and is part of no name, unless hyphened to the word
    // before it ("Office of Faith-Based ... Partnerships").
    if (t.Is("based") && !(j > i && toks[j - 1].Is("-") && !t.space_before)) break;
    // A date is never part of a name: "the Cyberspace Administration of
    // China on May 23" names the administration, then when it acted.
    if (j > i && In(t, kMonths) && j + 1 < toks.size() && toks[j + 1].digit) break;
    // Headings set in capitals run into the next line's words: "DEPARTMENT
    // OF COMMERCE Artificial Intelligence ..." and "TECHNOLOGY U.S." are two
    // names; a capital name ends where capitals stop or an initial begins.
    if (j > i && t.word && !t.all_caps && !t.digit && toks[j - 1].all_caps) {
      // Long words in capitals are a heading's; acronyms ("NIST AI Risk
      // Management Framework") are not.
      size_t heading_words = 0;
      for (size_t k = i >= 2 ? i - 2 : 0; k < j; ++k)
        heading_words += toks[k].all_caps && toks[k].folded.size() >= 5;
      if (heading_words >= 2) break;
    }
    if (j > i && t.all_caps && t.folded.size() == 1 && j + 1 < toks.size() && toks[j + 1].Is(".") &&
        !toks[j + 1].space_before)
      break;
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
    // "the" joins two names ("Yesterday the Ministry of Trade"), never
    // stands inside one.
    if ((tight ? (t.Is("and") || t.Is("&") || t.Is("of")) : IsConnector(t) && !t.Is("the")) &&
        end == j && j + 1 < toks.size()) {
      ++j;
      continue;
    }
    break;
  }
  return end;
}

inline EntityType PolicyHeadType(const Token& w, bool* found) {
  *found = In(w, kPolicyHeads);
  return EntityType::kPolicy;
}

inline bool IsAgencyHead(const Token& w) { return In(w, kAgencyHeads); }

inline bool IsInstituteHead(const Token& w) { return In(w, kInstituteHeads); }

inline bool IsCompanySuffix(const Token& w) { return In(w, kCompanySuffixes); }

inline bool IsCompanyNoun(const Token& w) { return In(w, kCompanyNouns); }

// "the report" -> "report": words that refer back to a named policy.
inline bool IsPolicyNoun(std::string_view w) { return In(w, kPolicyNouns); }

inline bool LabelHasWord(const std::string& label, std::string_view w) {
  auto toks = FoldedTokens(label);
  return std::find(toks.begin(), toks.end(), w) != toks.end();
}

// Verbs of news headlines ("X Asks Y", "X Unveils Plan").
inline bool IsHeadlineVerb(const Token& w) { return In(w, kHeadlineVerbs); }

// End of the bracketed words opening at toks[i] (at most 80 tokens), or i
// when toks[i] opens none or it does not close.
inline size_t BracketEnd(const std::vector<Token>& toks, size_t i) {
  if (i >= toks.size() || !toks[i].Is("(")) return i;
  int depth = 0;
  for (size_t j = i; j < toks.size() && j < i + 80; ++j) {
    if (toks[j].Is("(")) ++depth;
    if (toks[j].Is(")") && --depth == 0) return j + 1;
  }
  return i;
}

// "Executive Order 14041 of September 3, 2021 (White House Initiative on
// ...)": an order's date and parenthesised title are part of its mention, so
// the title is not read as another policy. Returns the end, or i.
inline size_t DatedTitleEnd(const std::vector<Token>& toks, size_t i) {
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
  return BracketEnd(toks, k);
}

// End of a parenthesised citation starting at toks[i] ("(42 U.S.C. 1862)",
// "(Public Law 117-167)", "(85 FR 48637)"), or i when there is none.
inline size_t CitationEnd(const std::vector<Token>& toks, size_t i) {
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

}  // namespace kg::parsers::name_words
