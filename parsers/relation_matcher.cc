#include "parsers/relation_matcher.h"

#include <algorithm>
#include <array>
#include <type_traits>

#include <boost/container/small_vector.hpp>

#include "parsers/word_set.h"

namespace kg::parsers {
namespace {

using rules::PatternNode;
using Kind = PatternNode::Kind;

struct Item {
  int token = -1;    // index in toks when not an entity
  int mention = -1;  // index in mentions when an entity
};

// A non-owning reference to a continuation: matching recurses through one
// per pattern element, and std::function allocated for each of them.
class Cont {
 public:
  template <typename F, typename = std::enable_if_t<!std::is_same_v<F, Cont>>>
  Cont(const F& f)  // NOLINT: implicit, like std::function
      : obj_(&f), call_([](const void* o, size_t p) { return (*static_cast<const F*>(o))(p); }) {}
  bool operator()(size_t p) const { return call_(obj_, p); }

 private:
  const void* obj_;
  bool (*call_)(const void*, size_t);
};

bool IsSeparator(const Token& t) { return t.Is(",") || t.Is("and") || t.Is("or") || t.Is("&"); }

// Words that may sit between list members ("AI adoption, quantum tech") but
// never start or end a clause.
const WordSet kClauseWords{"to",   "by",  "with", "from",  "that",  "which",  "who", "is",
                           "are",  "was", "were", "for",   "of",    "in",     "on",  "has",
                           "have", "had", "will", "would", "shall", "may",    "its", "their",
                           "as",   "at",  "be",   "been",  ";",     ":",      "(",   ")",
                           "\"",   ".",   "not",  "but",   "while", "whereas"};
bool IsFillerWord(const Token& t) { return !kClauseWords.Contains(t); }
// Words that bring in examples of a list member ("chipmakers such as SMIC").
const WordSet kExampleWords{"including", "like", "especially", "particularly", "notably"};

// Entities bound to each slot of a rule.
using Binding = boost::container::small_vector<int, 4>;
using Bindings = std::vector<Binding>;

class SentenceMatcher {
 public:
  SentenceMatcher(const std::vector<Token>& toks, const std::vector<Mention>& mentions,
                  int doc_policy)
      : toks_(toks), mentions_(mentions), doc_policy_(doc_policy) {
    for (const auto& t : toks)
      signature_[t.hash >> 6 & (kSignatureWords - 1)] |= 1ull << (t.hash & 63);
    size_t m = 0;
    for (size_t i = 0; i < toks.size();) {
      if (m < mentions.size() && mentions[m].first == i) {
        items_.push_back({-1, static_cast<int>(m)});
        const Mention& mm = mentions[m];
        if (mm.demonym) {
          has_demonym_ = true;
        } else {
          type_mask_ |= 1u << static_cast<int>(mm.type);
          if (mm.type == EntityType::kPolicy && mm.named) has_named_policy_ = true;
        }
        i = mentions[m].last;
        ++m;
      } else {
        items_.push_back({static_cast<int>(i), -1});
        ++i;
      }
    }
  }

  // A 1024-bit signature of the sentence's words rules out nearly every
  // absent word at once (64 bits let a third through); sentences are short,
  // so the rest is a scan.
  bool HasWord(const std::string& w, uint32_t h) const {
    if (!(signature_[h >> 6 & (kSignatureWords - 1)] >> (h & 63) & 1u)) return false;
    for (const auto& t : toks_)
      if (t.hash == h && t.folded == w) return true;
    return false;
  }

  // Whether some mention could fill a slot of this shape.
  bool AnyAccepts(const PatternNode& n) const {
    return (n.type_mask & type_mask_) != 0 || (n.demonym && has_demonym_) ||
           (n.named_policy && has_named_policy_) || (n.own_policy && doc_policy_ >= 0);
  }

  // Cheap test before a full match: a rule opening with a slot starts only
  // at an entity that slot accepts; one opening with words, at the first word.
  bool CanStart(const rules::CompiledRule& rule, size_t start) const {
    const PatternNode& first = rule.pattern[0];
    if (first.optional || first.negated) return true;
    if (first.kind == Kind::kSlot) return SlotAccepts(first, start);
    if (first.kind == Kind::kWords) {
      const Item& it = items_[start];
      return Is(toks_[it.token >= 0 ? it.token : mentions_[it.mention].first], first, 0);
    }
    return true;
  }
  size_t size() const { return items_.size(); }

  // Starts trying `rule` at the sentence's items: whether the rest of its
  // pattern from element k matches at item p depends on neither the start
  // nor the slots bound so far, so a failure found from one start holds for
  // every other and is never tried again.
  void BeginRule(const rules::CompiledRule& rule) {
    top_ = &rule.pattern;
    stride_ = items_.size() + 1;
    const size_t need = rule.pattern.size() * stride_;
    if (failed_.size() < need) failed_.resize(need, 0);
    ++stamp_;
  }

  // Tries `rule` at item `start`; on success fills bindings.
  bool MatchAt(const rules::CompiledRule& rule, size_t start, Bindings* b) {
    bindings_.resize(static_cast<size_t>(rule.vars));
    for (auto& slot : bindings_) slot.clear();
    size_t end = start;
    bool ok = Seq(rule.pattern, 0, start, [&end](size_t p) {
      end = p;
      return true;
    });
    if (ok) {
      *b = bindings_;
      span_first_ = FirstToken(start);
      span_last_ = end > start ? LastToken(end - 1) : span_first_;
    }
    return ok;
  }
  // The token range of the last successful MatchAt.
  uint32_t span_first() const { return span_first_; }
  uint32_t span_last() const { return span_last_; }

 private:
  // Whether token t is word j of a words node; the hash rules out most.
  static bool Is(const Token& t, const PatternNode& n, size_t j) {
    return t.hash == n.word_hashes[j] && t.folded == n.words[j];
  }

  uint32_t FirstToken(size_t pos) const {
    if (pos >= items_.size()) return static_cast<uint32_t>(toks_.size());
    return items_[pos].token >= 0 ? static_cast<uint32_t>(items_[pos].token)
                                  : mentions_[items_[pos].mention].first;
  }
  uint32_t LastToken(size_t pos) const {
    return items_[pos].token >= 0 ? static_cast<uint32_t>(items_[pos].token) + 1
                                  : mentions_[items_[pos].mention].last;
  }

  bool InNumber(size_t pos) const {
    int t = items_[pos].token;
    return t > 0 && static_cast<size_t>(t) + 1 < toks_.size() && toks_[t - 1].digit &&
           toks_[t + 1].digit && !toks_[t + 1].space_before;
  }

  // Words of "such as", "including", ... at `pos`, or 0.
  size_t ExampleIntro(size_t pos) const {
    const Token* t = WordAt(pos);
    if (!t) return 0;
    if (t->Is("such") && WordAt(pos + 1) && WordAt(pos + 1)->Is("as")) return 2;
    return kExampleWords.Contains(*t) ? 1 : 0;
  }

  const Token* WordAt(size_t pos) const {
    if (pos >= items_.size() || items_[pos].token < 0) return nullptr;
    return &toks_[items_[pos].token];
  }

  bool SlotAccepts(const PatternNode& n, size_t pos) const {
    if (pos >= items_.size() || items_[pos].mention < 0) return false;
    const Mention& m = mentions_[items_[pos].mention];
    if (m.demonym) return n.demonym;
    if (n.named_policy && m.type == EntityType::kPolicy && m.named) return true;
    if (n.own_policy && m.entity >= 0 && m.entity == doc_policy_) return true;
    return (n.type_mask >> static_cast<int>(m.type)) & 1u;
  }

  bool Seq(const std::vector<PatternNode>& seq, size_t k, size_t pos, const Cont& cont) {
    if (k == seq.size()) return cont(pos);
    // Only the rule's own sequence has one continuation (the match's end,
    // which always succeeds); nested ones continue differently per caller.
    if (&seq != top_) return Step(seq, k, pos, cont);
    uint32_t& failed = failed_[k * stride_ + pos];
    if (failed == stamp_) return false;
    if (Step(seq, k, pos, cont)) return true;
    failed = stamp_;
    return false;
  }

  bool Step(const std::vector<PatternNode>& seq, size_t k, size_t pos, const Cont& cont) {
    const PatternNode& n = seq[k];
    auto next = [&](size_t p) { return Seq(seq, k + 1, p, cont); };
    // A negated element is a check: it binds nothing and consumes nothing.
    if (n.negated) return !Node(n, pos, [](size_t) { return true; }) && next(pos);
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
            if (!Is(toks_[it.token], n, j)) return false;
            ++j;
          } else {
            const Mention& m = mentions_[it.mention];
            size_t len = m.last - m.first;
            if (j + len > n.words.size()) return false;
            for (size_t k = 0; k < len; ++k)
              if (!Is(toks_[m.first + k], n, j + k)) return false;
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
            const Token* w = WordAt(at);
            // A gap never crosses a clause break: ";", or a ":" that opens a
            // list ("shall submit the following reports: (i) The Secretary ...")
            // rather than telling the time ("9:30").
            if (w && (w->Is(";") || (w->Is(":") && !InNumber(at)))) break;
            // Between a subject and its verb, punctuation means another
            // clause: "X (see Y), which ..., promotes Z" is not X's doing.
            if (w && n.stop_punctuation &&
                (w->Is(",") || w->Is("(") || w->Is(")") || w->Is(":") || w->Is("\"") || w->Is("`")))
              break;
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
        // An alternative opening with words matches only where the item's
        // first token is its first word: the hash rules most out uncalled.
        const uint32_t h = pos < items_.size() ? toks_[FirstToken(pos)].hash : 0;
        if (!n.open && (pos >= items_.size() || !std::binary_search(n.first_word_hashes.begin(),
                                                                    n.first_word_hashes.end(), h)))
          return false;
        for (const auto& alt : n.alternatives) {
          if (!alt.empty()) {
            const PatternNode& a = alt.front();
            if (a.kind == Kind::kWords && !a.optional && !a.negated && !a.word_hashes.empty() &&
                (pos >= items_.size() || a.word_hashes[0] != h))
              continue;
          }
          if (Seq(alt, 0, pos, next)) return true;
        }
        return false;
      }
      case Kind::kSlot: {
        if (!SlotAccepts(n, pos)) return false;
        if (n.var < 0) return next(pos + 1);  // a negated slot only checks
        boost::container::small_vector<size_t, 8> members{pos};
        if (n.list) {
          size_t p = pos + 1;
          while (true) {
            // Up to two filler words after a member, then separators, then up
            // to two filler words before the next member. Examples of a
            // member are members too: "chipmakers such as SMIC and Hua Hong",
            // "robotics, including humanoid robots".
            size_t q = p, filler = 0, seps = 0;
            while (filler < 2 && WordAt(q) && !IsSeparator(*WordAt(q)) &&
                   IsFillerWord(*WordAt(q)) && !ExampleIntro(q))
              ++q, ++filler;
            const size_t intro = WordAt(q) && WordAt(q)->Is(",") ? q + 1 : q;
            if (size_t len = ExampleIntro(intro)) {
              q = intro + len, seps = 1;
            } else {
              while (WordAt(q) && IsSeparator(*WordAt(q)) && seps < 2) ++q, ++seps;
            }
            if (seps == 0) break;
            // "for Rapidus, a chipmaker backed by ...": an apposition, not
            // the next member.
            if (seps == 1 && WordAt(q - 1)->Is(",") && WordAt(q) &&
                (WordAt(q)->Is("a") || WordAt(q)->Is("an")))
              break;
            filler = 0;
            while (filler < 2 && WordAt(q) && !IsSeparator(*WordAt(q)) && IsFillerWord(*WordAt(q)))
              ++q, ++filler;
            if (!SlotAccepts(n, q)) break;
            members.push_back(q);
            p = q + 1;
          }
        }
        for (size_t count = members.size(); count >= 1; --count) {
          auto& slot = bindings_[n.var];
          auto saved = slot;
          slot.clear();
          for (size_t c = 0; c < count; ++c)
            slot.push_back(mentions_[items_[members[c]].mention].entity);
          if (next(members[count - 1] + 1)) return true;
          slot = saved;
        }
        return false;
      }
    }
    return false;
  }

  const std::vector<Token>& toks_;
  const std::vector<Mention>& mentions_;
  const int doc_policy_;  // DocState entity of the document's own policy, or -1
  std::vector<Item> items_;
  Bindings bindings_;
  static constexpr size_t kSignatureWords = 16;
  std::array<uint64_t, kSignatureWords> signature_{};
  uint32_t type_mask_ = 0;  // types of the sentence's (non-adjective) mentions
  bool has_demonym_ = false;
  bool has_named_policy_ = false;
  uint32_t span_first_ = 0, span_last_ = 0;
  // Failed (pattern element, item) pairs of the rule being tried: an entry
  // equal to stamp_ failed; BeginRule moves the stamp on.
  const std::vector<PatternNode>* top_ = nullptr;
  std::vector<uint32_t> failed_;
  size_t stride_ = 0;
  uint32_t stamp_ = 0;
};

}  // namespace

std::vector<RelationMatch> RelationMatcher::Match(const std::vector<Token>& toks,
                                                  const std::vector<Mention>& mentions,
                                                  const HeadContext& ctx) const {
  std::vector<RelationMatch> out;
  if (mentions.empty() && ctx.doc_policy < 0) return out;
  SentenceMatcher sm(toks, mentions, ctx.doc_policy);
  std::vector<std::pair<int, int>> pairs;  // (s, o) already related in this sentence
  Bindings b;
  for (const auto& rule : rules_.rules()) {
    bool possible = true;
    for (const auto& n : rule.pattern)
      if (n.kind == Kind::kSlot && !n.optional && !n.negated && !sm.AnyAccepts(n)) possible = false;
    for (size_t w = 0; possible && w < rule.required_words.size(); ++w)
      if (!sm.HasWord(rule.required_words[w], rule.required_hashes[w])) possible = false;
    for (size_t a = 0; possible && a < rule.required_any.size(); ++a) {
      bool any = false;
      for (size_t k = 0; !any && k < rule.required_any[a].size(); ++k)
        any = sm.HasWord(rule.required_any[a][k], rule.required_any_hashes[a][k]);
      possible = any;
    }
    if (!possible) continue;
    sm.BeginRule(rule);
    const size_t starts = rule.anchored ? std::min<size_t>(1, sm.size()) : sm.size();
    for (size_t start = 0; start < starts; ++start) {
      if (!sm.CanStart(rule, start) || !sm.MatchAt(rule, start, &b)) continue;
      for (const auto& h : rule.heads) {
        auto terms = [&](int var) -> Binding {
          if (var == rules::kDocVar)
            return ctx.doc_policy >= 0 ? Binding{ctx.doc_policy} : Binding{};
          if (var == rules::kCountryVar)
            return ctx.main_country >= 0 ? Binding{ctx.main_country} : Binding{};
          return b[var];
        };
        for (int s : terms(h.s)) {
          for (int o : terms(h.o)) {
            if (s == o) continue;
            auto key = std::make_pair(s, o);
            if (std::find(pairs.begin(), pairs.end(), key) != pairs.end()) continue;
            pairs.push_back(key);
            out.push_back(
                {s, o, h.predicate, &rule, sm.span_first(), sm.span_last(), h.actor_leads});
          }
        }
      }
    }
  }
  return out;
}

}  // namespace kg::parsers
