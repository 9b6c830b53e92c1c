#include "parsers/title_page.h"

#include <algorithm>

#include "parsers/name_words.h"
#include "parsers/text.h"
#include "parsers/word_set.h"

namespace kg::parsers {
namespace {

// A title page is the start of a document; further in, a body alone on a
// line is a heading or a signature block.
constexpr uint32_t kTitlePageBytes = 4000;
// The bodies' lines follow the title within this many lines ("(Text with
// EEA relevance)" may stand between).
constexpr size_t kLinesAfterTitle = 3;
// A title page's lines are short; a longer one is prose.
constexpr size_t kShortLine = 24;
// The title stands in the document's first lines; a line naming the
// document further down ("This order shall take effect ...") is no title.
constexpr size_t kTitleLines = 12;
// More bodies than this on a title page is a list of them, not the makers.
constexpr size_t kMaxMakers = 8;

// Words that join bodies on a line; a country may stand with them too
// ("Ministry of Education of the People's Republic of China").
const WordSet kJoiners{"and", "the", ",", ";", "&", "of"};

struct Item {
  uint32_t begin, end;
  uint32_t sentence;
  int entity;   // the body this token names, or -1
  bool joiner;  // a joining word or a country
  bool own;     // inside the document's own policy named ("This order" is no title)
  bool word;
};

// The same document's name, or a long one that differs only in its last
// word and in words run in from the line before: a footnote mark glued to
// a title's end ("... Servicesi", "... Servicesii") and a translator's name
// on the line above make several names of one title.
bool SameTitle(const DocState& st, int a, int b) {
  if (a == b) return true;
  auto wa = FoldedTokens(st.entities[a].label), wb = FoldedTokens(st.entities[b].label);
  if (wa.size() > wb.size()) std::swap(wa, wb);
  return wa.size() >= 6 && std::equal(wa.begin(), wa.end() - 1, wb.end() - wa.size());
}

struct Line {
  size_t first, last;   // items [first, last)
  bool title = false;   // names the document's own policy
  bool bodies = false;  // only bodies and joining words
};

}  // namespace

std::vector<std::pair<uint32_t, int>> TitlePageBodies(std::string_view text,
                                                      const std::vector<SentenceTokens>& sents,
                                                      const DocState& st) {
  // Most documents have no body at the start of a line near their top:
  // look for one before reading the page token by token.
  bool candidate = false;
  for (uint32_t si = 0; si < sents.size() && !candidate; ++si) {
    const auto& toks = *sents[si].toks;
    if (toks.empty()) continue;
    if (toks.front().begin >= kTitlePageBytes) break;
    for (const Mention& mm : *sents[si].mentions) {
      if (mm.type != EntityType::kAgency && mm.type != EntityType::kBloc) continue;
      size_t at = toks[mm.first].begin;
      while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
      if (at == 0 || text[at - 1] == '\n') {
        candidate = true;
        break;
      }
    }
  }
  if (!candidate) return {};
  // What each entity can be on a title page, worked out once per entity:
  // 1 = a body that can make a document, 2 = the document's own title.
  std::vector<int8_t> kind(st.entities.size(), -1);
  auto kind_of = [&](int e) {
    if (kind[e] >= 0) return kind[e];
    const DocEntity& de = st.entities[e];
    kind[e] = 0;
    if (de.type == EntityType::kAgency || de.type == EntityType::kBloc) {
      // Only bodies the lexicon knows or names that open with a body's
      // kind ("Ministry of Education"): a heading run into the next line
      // ("Continuance of ... Committees\nAuthority") names no body.
      auto words = FoldedTokens(de.label);
      if (!words.empty() && !name_words::kOfficerTitles.Contains(words[0]) &&
          (de.lex_id >= 0 || name_words::kAgencyHeads.Contains(words[0])))
        kind[e] = 1;
    } else if (de.type == EntityType::kPolicy && SameTitle(st, e, st.doc_policy)) {
      kind[e] = 2;
    }
    return kind[e];
  };
  std::vector<Item> items;
  for (uint32_t si = 0; si < sents.size(); ++si) {
    const auto& toks = *sents[si].toks;
    if (toks.empty()) continue;
    if (toks.front().begin >= kTitlePageBytes) break;
    const auto& mentions = *sents[si].mentions;
    size_t m = 0;
    for (uint32_t k = 0; k < toks.size();) {
      while (m < mentions.size() && mentions[m].last <= k) ++m;
      if (m == mentions.size() || mentions[m].first > k) {
        items.push_back(
            {toks[k].begin, toks[k].end, si, -1, kJoiners.Contains(toks[k]), false, toks[k].word});
        ++k;
        continue;
      }
      const Mention& mm = mentions[m];
      const int what = mm.reference || mm.demonym ? 0 : kind_of(mm.entity);
      bool body = what == 1;
      // A name goes on to the next line only after "of", "and", ...
      // ("NATIONAL INSTITUTE OF\nSTANDARDS AND TECHNOLOGY").
      for (uint32_t t = mm.first + 1; body && t < mm.last; ++t)
        body = name_words::IsConnector(toks[t - 1]) ||
               text.substr(toks[t - 1].end, toks[t].begin - toks[t - 1].end).find('\n') ==
                   std::string_view::npos;
      const bool country = mm.type == EntityType::kCountry && !mm.demonym;
      for (; k < mm.last; ++k)
        items.push_back({toks[k].begin, toks[k].end, si, body ? mm.entity : -1, country, what == 2,
                         toks[k].word});
    }
  }
  // Lines: items up to a line break that does not fall inside one body's
  // name ("NATIONAL INSTITUTE OF\nSTANDARDS AND TECHNOLOGY").
  std::vector<Line> lines;
  for (size_t a = 0; a < items.size();) {
    size_t b = a + 1;
    while (b < items.size()) {
      const Item &prev = items[b - 1], &next = items[b];
      bool broken =
          next.begin > prev.end &&
          text.substr(prev.end, next.begin - prev.end).find('\n') != std::string_view::npos;
      if (broken && !(next.entity >= 0 && next.entity == prev.entity)) break;
      ++b;
    }
    Line line{a, b};
    bool any_body = false, only = true;
    for (size_t k = a; k < b; ++k) {
      line.title = line.title || items[k].own;
      any_body = any_body || items[k].entity >= 0;
      only = only && (items[k].entity >= 0 || items[k].joiner);
    }
    line.bodies = any_body && only;
    lines.push_back(line);
    a = b;
  }
  // The first run of body lines soon after a line naming the document.
  std::vector<std::pair<uint32_t, int>> out;
  size_t since_title = kLinesAfterTitle + 1;
  for (size_t l = 0; l < lines.size() && l < kTitleLines + kLinesAfterTitle; ++l) {
    if (lines[l].title && l < kTitleLines) {
      since_title = 0;
      continue;
    }
    if (!lines[l].bodies) {
      // Prose after the title ends the title page.
      size_t words = 0;
      for (size_t k = lines[l].first; k < lines[l].last; ++k) words += items[k].word;
      since_title += words > kShortLine ? kLinesAfterTitle + 1 : 1;
      continue;
    }
    if (since_title > kLinesAfterTitle) continue;
    for (; l < lines.size() && lines[l].bodies; ++l) {
      for (size_t k = lines[l].first; k < lines[l].last; ++k) {
        const Item& it = items[k];
        if (it.entity < 0) continue;  // a joining word
        if (std::none_of(out.begin(), out.end(),
                         [&](const auto& o) { return o.second == it.entity; }))
          out.emplace_back(it.sentence, it.entity);
      }
    }
    if (out.size() > kMaxMakers) out.clear();
    break;
  }
  return out;
}

}  // namespace kg::parsers
