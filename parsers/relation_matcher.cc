#include "parsers/relation_matcher.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace kg::parsers {
namespace {

using rules::PatternNode;
using Kind = PatternNode::Kind;

struct Item {
  int token = -1;    // index in toks when not an entity
  int mention = -1;  // index in mentions when an entity
};

bool IsSeparator(const std::string& w) { return w == "," || w == "and" || w == "or" || w == "&"; }

// Words that may sit between list members ("AI adoption, quantum tech") but
// never start or end a clause.
bool IsFillerWord(const std::string& w) {
  static const std::unordered_set<std::string> kStop = {
      "to",    "by",  "with", "from",  "that", "which", "who",   "is",     "are",  "was",
      "were",  "for", "of",   "in",    "on",   "has",   "have",  "had",    "will", "would",
      "shall", "may", "its",  "their", "as",   "at",    "be",    "been",   ";",    ":",
      "(",     ")",   "\"",   ".",     "not",  "but",   "while", "whereas"};
  return kStop.count(w) == 0;
}

class SentenceMatcher {
 public:
  SentenceMatcher(const std::vector<Token>& toks, const std::vector<Mention>& mentions)
      : toks_(toks), mentions_(mentions) {
    size_t m = 0;
    for (size_t i = 0; i < toks.size();) {
      if (m < mentions.size() && mentions[m].first == i) {
        items_.push_back({-1, static_cast<int>(m)});
        for (uint32_t k = mentions[m].first; k < mentions[m].last; ++k)
          words_.insert(toks[k].folded);
        i = mentions[m].last;
        ++m;
      } else {
        items_.push_back({static_cast<int>(i), -1});
        words_.insert(toks[i].folded);
        ++i;
      }
    }
  }

  bool HasWord(const std::string& w) const { return words_.count(w) > 0; }
  size_t size() const { return items_.size(); }

  // Tries `rule` at item `start`; on success fills bindings.
  bool MatchAt(const rules::CompiledRule& rule, size_t start, std::vector<std::vector<int>>* b) {
    bindings_.assign(rule.vars, {});
    bool ok = Seq(rule.pattern, 0, start, [](size_t) { return true; });
    if (ok) *b = bindings_;
    return ok;
  }

 private:
  using Cont = std::function<bool(size_t)>;

  const std::string* WordAt(size_t pos) const {
    if (pos >= items_.size() || items_[pos].token < 0) return nullptr;
    return &toks_[items_[pos].token].folded;
  }

  bool SlotAccepts(const PatternNode& n, size_t pos) const {
    if (pos >= items_.size() || items_[pos].mention < 0) return false;
    const Mention& m = mentions_[items_[pos].mention];
    if (m.demonym) return n.demonym;
    if (n.named_policy && m.type == EntityType::kPolicy && m.named) return true;
    return (n.type_mask >> static_cast<int>(m.type)) & 1u;
  }

  bool Seq(const std::vector<PatternNode>& seq, size_t k, size_t pos, const Cont& cont) {
    if (k == seq.size()) return cont(pos);
    const PatternNode& n = seq[k];
    auto next = [&](size_t p) { return Seq(seq, k + 1, p, cont); };
    if (Node(n, pos, next)) return true;
    return n.optional && next(pos);
  }

  bool Node(const PatternNode& n, size_t pos, const Cont& next) {
    switch (n.kind) {
      case Kind::kWords: {
        // Words match tokens; an entity whose own words are exactly the next
        // words of the literal matches too ("tariffs on" over [Tariffs] "on").
        size_t p = pos, j = 0;
        while (j < n.words.size()) {
          if (p >= items_.size()) return false;
          const Item& it = items_[p];
          if (it.token >= 0) {
            if (toks_[it.token].folded != n.words[j]) return false;
            ++j;
          } else {
            const Mention& m = mentions_[it.mention];
            size_t len = m.last - m.first;
            if (j + len > n.words.size()) return false;
            for (size_t k = 0; k < len; ++k)
              if (toks_[m.first + k].folded != n.words[j + k]) return false;
            j += len;
          }
          ++p;
        }
        return next(p);
      }
      case Kind::kGap: {
        for (size_t len = 0; len <= n.max_gap && pos + len <= items_.size(); ++len) {
          if (len > 0) {
            size_t at = pos + len - 1;
            const std::string* w = WordAt(at);
            if (w && *w == ";") break;  // a gap never crosses a clause break
            if (items_[at].mention >= 0) {
              const Mention& m = mentions_[items_[at].mention];
              bool stop =
                  m.demonym ? n.stop_demonym : ((n.stop_mask >> static_cast<int>(m.type)) & 1u);
              if (stop) break;
            }
          }
          if (next(pos + len)) return true;
        }
        return false;
      }
      case Kind::kAlternatives: {
        for (const auto& alt : n.alternatives)
          if (Seq(alt, 0, pos, next)) return true;
        return false;
      }
      case Kind::kSlot: {
        if (!SlotAccepts(n, pos)) return false;
        std::vector<size_t> members{pos};
        std::vector<size_t> ends{pos + 1};
        if (n.list) {
          size_t p = pos + 1;
          while (true) {
            // Up to two filler words after a member, then separators, then up
            // to two filler words before the next member.
            size_t q = p, filler = 0;
            while (filler < 2 && WordAt(q) && !IsSeparator(*WordAt(q)) && IsFillerWord(*WordAt(q)))
              ++q, ++filler;
            size_t seps = 0;
            while (WordAt(q) && IsSeparator(*WordAt(q)) && seps < 2) ++q, ++seps;
            if (seps == 0) break;
            filler = 0;
            while (filler < 2 && WordAt(q) && !IsSeparator(*WordAt(q)) && IsFillerWord(*WordAt(q)))
              ++q, ++filler;
            if (!SlotAccepts(n, q)) break;
            members.push_back(q);
            ends.push_back(q + 1);
            p = q + 1;
          }
        }
        for (size_t count = members.size(); count >= 1; --count) {
          auto& slot = bindings_[n.var];
          auto saved = slot;
          slot.clear();
          for (size_t c = 0; c < count; ++c)
            slot.push_back(mentions_[items_[members[c]].mention].entity);
          if (next(ends[count - 1])) return true;
          slot = saved;
        }
        return false;
      }
    }
    return false;
  }

  const std::vector<Token>& toks_;
  const std::vector<Mention>& mentions_;
  std::vector<Item> items_;
  std::unordered_set<std::string> words_;
  std::vector<std::vector<int>> bindings_;
};

}  // namespace

std::vector<RelationMatch> RelationMatcher::Match(const std::vector<Token>& toks,
                                                  const std::vector<Mention>& mentions,
                                                  const HeadContext& ctx) const {
  std::vector<RelationMatch> out;
  if (mentions.empty() && ctx.doc_policy < 0) return out;
  SentenceMatcher sm(toks, mentions);
  std::vector<std::pair<int, int>> pairs;  // (s, o) already related in this sentence
  std::vector<std::vector<int>> b;
  for (const auto& rule : rules_.rules()) {
    bool possible = true;
    for (const auto& w : rule.required_words)
      if (!sm.HasWord(w)) possible = false;
    if (!possible) continue;
    for (size_t start = 0; start < sm.size(); ++start) {
      if (!sm.MatchAt(rule, start, &b)) continue;
      for (const auto& h : rule.heads) {
        auto terms = [&](int var) -> std::vector<int> {
          if (var == rules::kDocVar)
            return ctx.doc_policy >= 0 ? std::vector<int>{ctx.doc_policy} : std::vector<int>{};
          if (var == rules::kCountryVar)
            return ctx.main_country >= 0 ? std::vector<int>{ctx.main_country} : std::vector<int>{};
          return b[var];
        };
        for (int s : terms(h.s)) {
          for (int o : terms(h.o)) {
            if (s == o) continue;
            auto key = std::make_pair(s, o);
            if (std::find(pairs.begin(), pairs.end(), key) != pairs.end()) continue;
            pairs.push_back(key);
            out.push_back({s, o, h.predicate, &rule});
          }
        }
      }
    }
  }
  return out;
}

}  // namespace kg::parsers
