#include "parsers/extractor.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <tuple>

#include "parsers/document_checks.h"
#include "parsers/entity_finder.h"
#include "parsers/relation_matcher.h"
#include "parsers/sentence_reading.h"
#include "parsers/sentence_splitter.h"
#include "parsers/text.h"
#include "parsers/title_page.h"
#include "parsers/tokenizer.h"

#ifndef KG_SOURCE_DIR
#define KG_SOURCE_DIR "."
#endif

namespace kg::parsers {
namespace fs = std::filesystem;

Result<std::unique_ptr<ExtractionResources>> ExtractionResources::Load(const ResourceOptions& o) {
  auto res = std::make_unique<ExtractionResources>();
  if (!o.data_dir.empty()) {
    KG_RETURN_IF_ERROR(res->lexicon.LoadDirectory(o.data_dir + "/lexicon"));
    KG_RETURN_IF_ERROR(res->rules.LoadDirectory(o.data_dir + "/rules"));
  }
  for (const auto& f : o.lexicon_files) KG_RETURN_IF_ERROR(res->lexicon.LoadFile(f));
  for (const auto& f : o.rule_files) KG_RETURN_IF_ERROR(res->rules.LoadFile(f));
  return res;
}

std::string FindDataDir() {
  if (const char* env = std::getenv("KG_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path d = exe.parent_path().parent_path() / "data";
    if (fs::is_directory(d / "rules", ec)) return d.string();
  }
  return std::string(KG_SOURCE_DIR) + "/data";
}

namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Very long "sentences" (tables, a 100 MB line) are cut at spaces so rule
// matching stays linear.
constexpr uint32_t kMaxSentenceBytes = 3000;

std::vector<SentenceSpan> Chunk(std::string_view text, const std::vector<SentenceSpan>& spans) {
  std::vector<SentenceSpan> out;
  for (auto s : spans) {
    while (s.end - s.begin > kMaxSentenceBytes) {
      uint32_t cut = s.begin + kMaxSentenceBytes;
      while (cut > s.begin + kMaxSentenceBytes / 2 && text[cut] != ' ' && text[cut] != '\n') --cut;
      // Never split inside a UTF-8 sequence.
      while (cut > s.begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      out.push_back({s.begin, cut});
      s.begin = cut;
    }
    out.push_back(s);
  }
  return out;
}

// "Section 113 <<NOTE: Repeal.>> of the Act": the margin notes of printed
// statutes sit inside sentences; rules read through them.
void DropMarginNotes(std::vector<Token>* toks) {
  auto& t = *toks;
  auto is = [&](size_t k, std::string_view w) { return k < t.size() && t[k].Is(w); };
  size_t out = 0;
  for (size_t k = 0; k < t.size();) {
    if (is(k, "<") && is(k + 1, "<") && is(k + 2, "note")) {
      size_t e = k + 3;
      while (e + 1 < t.size() && !(is(e, ">") && is(e + 1, ">"))) ++e;
      if (e + 1 < t.size()) {
        k = e + 2;
        continue;
      }
    }
    if (out != k) t[out] = std::move(t[k]);
    ++out, ++k;
  }
  t.resize(out);
}

struct SentenceData {
  SentenceSpan span;
  std::vector<Token> toks;
  std::vector<Mention> mentions;
};

// "Interim Measures for the Management of Generative Artificial Intelligence
// Servicesi": a footnote mark (i, ii, iv, ...) glued to a title's last word.
// When the text also writes the title without it, that is the name.
void DropFootnoteMark(std::string_view text, DocState* st) {
  DocEntity& e = st->entities[st->doc_policy];
  const std::string& label = e.label;
  size_t cut = label.size();  // at most three marks: i, ii, iii, iv, ...
  while (cut > 0 && cut + 3 >= label.size() &&
         (label[cut - 1] == 'i' || label[cut - 1] == 'v' || label[cut - 1] == 'x'))
    --cut;
  if (cut == label.size() || cut < 8) return;
  const std::string shorter = label.substr(0, cut);
  for (size_t at = text.find(shorter); at != std::string_view::npos;
       at = text.find(shorter, at + 1)) {
    const size_t end = at + shorter.size();
    if (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
    st->by_key.emplace(FoldName(shorter), st->doc_policy);
    e.aliases.push_back(label);
    e.label = shorter;
    return;
  }
}

}  // namespace

Extraction Extractor::Extract(const SourceDocument& doc) const {
  Extraction x;
  const std::string& text = doc.text;
  EntityFinder finder(res_.lexicon);
  DocState st;
  const int short_title = finder.ShortTitle(text, &st);
  int title = finder.TitlePolicy(doc.info.title, &st);
  if (title < 0) {
    // The first lines of a law or regulation often name it ("REGULATION (EU) 2024/1689 OF ...").
    size_t pos = 0;
    for (int line = 0; line < 6 && pos < text.size() && title < 0; ++line) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      if (nl > pos) title = finder.TitlePolicy(std::string_view(text).substr(pos, nl - pos), &st);
      if (IsBlank(std::string_view(text).substr(pos, nl - pos))) --line;
      pos = nl + 1;
      if (pos > 4000) break;
    }
  }
  st.doc_policy = short_title >= 0 ? short_title : title;
  // A bill titled "Senate Bill No. 53" whose text names itself "the
  // Transparency in Frontier Artificial Intelligence Act": one document, so
  // the heading's name is the short title's alias.
  if (short_title >= 0 && title >= 0 && title != short_title) {
    DocEntity& named = st.entities[short_title];
    named.aliases.push_back(st.entities[title].label);
    st.by_key[FoldName(st.entities[title].label)] = short_title;
  }
  if (st.doc_policy >= 0) DropFootnoteMark(text, &st);
  auto spans = Chunk(text, SplitSentences(text));
  x.sentences = spans.size();
  std::vector<SentenceData> sents(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    sents[i].span = spans[i];
    // About one token per five bytes of English: one allocation, no regrowth.
    sents[i].toks.reserve((spans[i].end - spans[i].begin) / 4 + 8);
    Tokenize(text, spans[i].begin, spans[i].end, &sents[i].toks);
    DropMarginNotes(&sents[i].toks);
    sents[i].mentions = finder.Find(text, sents[i].toks, &st);
  }
  if (std::getenv("KG_TRACE_MENTIONS")) {
    // Development aid: every sentence with its mentions marked.
    for (const auto& sd : sents) {
      std::string line;
      size_t m = 0;
      for (size_t k = 0; k < sd.toks.size(); ++k) {
        if (m < sd.mentions.size() && sd.mentions[m].first == k) line += "[";
        line += text.substr(sd.toks[k].begin, sd.toks[k].end - sd.toks[k].begin);
        if (m < sd.mentions.size() && sd.mentions[m].last == k + 1) {
          const Mention& mm = sd.mentions[m];
          line += "]{" + st.entities[mm.entity].label + "/" + std::string(TypeName(mm.type)) +
                  (mm.demonym ? "/adj" : "") + "}";
          ++m;
        }
        line += " ";
      }
      std::fprintf(stderr, "%s\n", line.c_str());
    }
  }
  HeadContext ctx;
  ctx.doc_policy = st.doc_policy;
  int best = 0;
  for (size_t e = 0; e < st.entities.size(); ++e) {
    if (st.entities[e].type == EntityType::kCountry && st.entities[e].mentions > best) {
      best = st.entities[e].mentions;
      ctx.main_country = static_cast<int>(e);
    }
  }
  RelationMatcher matcher(res_.rules);
  std::set<std::tuple<int, std::string, int>> seen;
  std::vector<bool> used(st.entities.size(), false);
  auto emit = [&](uint32_t si, int s, const std::string& p, int o, const std::string& rule,
                  float conf) {
    if (!seen.emplace(s, p, o).second) return;
    // "Japan's Ex-Im bank" is not the lexicon's Export-Import Bank of the
    // United States, nor "the country's trade minister" in a story on the
    // Philippines Japan's: a lexicon entry placed in one country, said to be
    // another's, is a namesake the lexicon does not hold.
    if ((p == "part_of" || p == "based_in") && st.entities[o].type == EntityType::kCountry &&
        st.entities[s].lex_id >= 0) {
      const std::string& home =
          res_.lexicon.entity(static_cast<uint32_t>(st.entities[s].lex_id)).based_in;
      if (!home.empty() && FoldName(home) != FoldName(st.entities[o].label)) return;
    }
    const SentenceData& sd = sents[si];
    ExtractedTriple t;
    t.s = st.entities[s].label;
    t.p = p;
    t.o = st.entities[o].label;
    t.s_type = st.entities[s].type;
    t.o_type = st.entities[o].type;
    t.sentence_index = si;
    t.begin = sd.span.begin;
    t.end = sd.span.end;
    t.sentence =
        CollapseSpace(std::string_view(text).substr(sd.span.begin, sd.span.end - sd.span.begin));
    t.rule = rule;
    t.confidence = conf;
    used[s] = used[o] = true;
    x.triples.push_back(std::move(t));
  };
  for (uint32_t si = 0; si < sents.size(); ++si) {
    const SentenceData& sd = sents[si];
    // Citations and link lists state nothing about their subjects.
    std::string_view raw =
        std::string_view(text).substr(sd.span.begin, sd.span.end - sd.span.begin);
    if (raw.find("http://") != std::string_view::npos ||
        raw.find("https://") != std::string_view::npos)
      continue;
    // Definitions, amending instructions, negations and hypotheses state
    // no facts about what they name.
    // Read only for a sentence that relates something: most relate nothing.
    std::optional<SentenceReading> reading;
    auto read = [&]() -> const SentenceReading& {
      if (!reading) reading = ReadSentence(sd.toks);
      return *reading;
    };
    const std::vector<RelationMatch> matches = matcher.Match(sd.toks, sd.mentions, ctx);
    if (!matches.empty()) {
      std::vector<std::pair<uint32_t, uint32_t>> spans;
      for (const auto& m : sd.mentions) spans.emplace_back(m.first, m.last);
      for (const auto& m : matches)
        if (Asserts(read(), sd.toks, m.first_token, m.last_token, m.predicate, spans,
                    m.actor_leads))
          emit(si, m.s, m.predicate, m.o, m.rule->name, m.rule->confidence);
    }
    const bool any_organisation =
        std::any_of(sd.mentions.begin(), sd.mentions.end(), [](const Mention& m) {
          return !m.reference && !m.demonym &&
                 (m.type == EntityType::kCompany || m.type == EntityType::kInstitute);
        });
    auto is_agreement = [&](const Mention& m) {
      return !m.reference && m.type == EntityType::kPolicy && m.last - m.first >= 2 &&
             In(sd.toks[m.last - 1].folded, {"agreement", "pact", "accord", "treaty"});
    };
    const bool any_agreement = std::any_of(sd.mentions.begin(), sd.mentions.end(), is_agreement);
    if ((!any_organisation && !any_agreement) || read().kind != SentenceKind::kFact) continue;
    // A nationality that describes an organisation ("Communist Chinese
    // military company", "the Chinese Academy of Sciences") says where it is
    // based. Inside a firm's own name it need not ("American Express", "Smith
    // Kline and French"), so only its first words count, and only in names
    // that describe ("military company") or name an institute.
    for (const auto& m : sd.mentions) {
      if (m.reference || m.demonym) continue;
      if (m.type != EntityType::kCompany && m.type != EntityType::kInstitute) continue;
      bool described = m.type == EntityType::kInstitute;
      for (uint32_t k = m.first; k < m.last && !described; ++k)
        described = sd.toks[k].word && !sd.toks[k].cap &&
                    !In(sd.toks[k].folded, {"and", "of", "the", "for", "de", "'s"});
      if (!described) continue;
      for (uint32_t k = m.first; k < m.last && k < m.first + 2; ++k) {
        if (k > 0 && In(sd.toks[k - 1].folded, {"north", "south", "latin", "central", "anglo"}))
          break;
        for (const TrieEntry* h : res_.lexicon.trie().Single(sd.toks[k].folded)) {
          if (!h->demonym) continue;
          const LexEntity& c = res_.lexicon.entity(h->entity);
          int country = st.Intern(c.label, c.type, static_cast<int>(h->entity));
          if (used.size() < st.entities.size()) used.resize(st.entities.size(), false);
          emit(si, m.entity, "based_in", country, "name_nationality", 0.7f);
          break;
        }
      }
    }
    // "a three-part semiconductor agreement", "its microchip pact": an
    // agreement named for a technology sets the terms of trade in it.
    for (const auto& m : sd.mentions) {
      if (!is_agreement(m)) continue;
      for (uint32_t k = m.first; k + 1 < m.last; ++k) {
        int tech = -1;
        for (const TrieEntry* h : res_.lexicon.trie().Single(sd.toks[k].folded)) {
          const LexEntity& t = res_.lexicon.entity(h->entity);
          if (h->demonym || t.type != EntityType::kTechnology) continue;
          tech = st.Intern(t.label, t.type, static_cast<int>(h->entity));
          break;
        }
        if (tech < 0) continue;
        if (used.size() < st.entities.size()) used.resize(st.entities.size(), false);
        emit(si, m.entity, "regulates", tech, "agreement_subject", 0.7f);
      }
    }
  }
  // The bodies a title page names on lines of their own made the document.
  if (st.doc_policy >= 0) {
    std::vector<SentenceTokens> views;
    views.reserve(sents.size());
    for (const auto& sd : sents) views.push_back({&sd.toks, &sd.mentions});
    for (const auto& [si, body] : TitlePageBodies(text, views, st))
      if (body != st.doc_policy) emit(si, st.doc_policy, "issued_by", body, "title_page", 0.7f);
  }
  DropUnsoundTriples(st.doc_policy >= 0 ? st.entities[st.doc_policy].label : std::string(),
                     &x.triples);
  for (size_t e = 0; e < st.entities.size(); ++e) {
    const DocEntity& de = st.entities[e];
    if (de.mentions == 0 && (e >= used.size() || !used[e])) continue;
    ExtractedEntity out{de.label, de.type, de.aliases, {}};
    if (de.lex_id >= 0) {
      const LexEntity& le = res_.lexicon.entity(de.lex_id);
      out.wikidata = le.wikidata;
      for (const auto& a : le.aliases)
        if (std::find(out.aliases.begin(), out.aliases.end(), a) == out.aliases.end())
          out.aliases.push_back(a);
    }
    x.entities.push_back(std::move(out));
  }
  return x;
}

std::vector<ExtractedTriple> LexiconLinks(const Lexicon& lexicon) {
  std::vector<ExtractedTriple> out;
  for (size_t i = 0; i < lexicon.size(); ++i) {
    const LexEntity& e = lexicon.entity(static_cast<uint32_t>(i));
    for (const auto& parent : e.part_of) {
      auto pid = lexicon.FindLabel(parent);
      if (!pid) continue;
      ExtractedTriple t;
      t.s = e.label;
      t.p = "part_of";
      t.o = lexicon.entity(*pid).label;
      t.s_type = e.type;
      t.o_type = lexicon.entity(*pid).type;
      t.rule = "lexicon";
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace kg::parsers
