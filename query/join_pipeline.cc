#include "query/join_pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "kg/vocab.h"
#include "query/exec_context.h"

namespace kg::query::exec {
namespace {

constexpr int kMaxPathDepth = 64;
// A merge join steps over this many index entries before it seeks instead:
// profiles put a seek at two to three steps of an iterator.
constexpr int kMergeSteps = 2;
// A bound subject with several predicate alternatives is read whole when it
// has at most this many triples (else one seek per alternative).
constexpr size_t kSubjectScanLimit = 64;

}  // namespace

class JoinPipeline::Impl {
 public:
  explicit Impl(ExecContext& ctx) : ctx_(ctx) {}

  bool Run(const GroupPlan& g, size_t i, Row& row, const Sink& sink) {
    if (!ctx_.Tick()) return false;
    if (i == g.steps.size()) return sink(row);
    const Step& st = g.steps[i];
    switch (st.kind) {
      case Step::Kind::kScan:
      case Step::Kind::kIndexJoin:
      case Step::Kind::kCrossProduct:
        return RunPattern(g, i, row, sink);
      case Step::Kind::kHashJoin:
        return RunHashJoin(g, i, row, sink);
      case Step::Kind::kMergeJoin:
        return RunMergeJoin(g, i, row, sink);
      case Step::Kind::kPath:
        return RunPath(g, i, row, sink);
      case Step::Kind::kFilter:
        return !EvalFilter(*st.filter, row) || Run(g, i + 1, row, sink);
      case Step::Kind::kOptional: {
        bool found = false;
        bool go = Run(*st.group, 0, row, [&](Row& r) {
          found = true;
          return Run(g, i + 1, r, sink);
        });
        if (!go) return false;
        return found || Run(g, i + 1, row, sink);
      }
      case Step::Kind::kNot: {
        bool found = false;
        Run(*st.group, 0, row, [&](Row&) {
          found = true;
          return false;
        });
        if (!ctx_.status().ok()) return false;
        return found || Run(g, i + 1, row, sink);
      }
      case Step::Kind::kSince: {
        for (const Triple& t : row.matched) {
          if (t.p != kNoTerm && ctx_.SupportedSince(t, st.since)) return Run(g, i + 1, row, sink);
        }
        return true;
      }
    }
    return true;
  }

 private:
  // Values a slot may take given the row: a bound variable's value, kNoTerm
  // for a free one, or the constant's alternatives.
  static std::span<const TermId> Candidates(const Slot& s, const Row& row) {
    if (s.is_var()) return {&row.vars[s.var], 1};
    return s.ids;
  }

  // The variables one pattern bound for a row (at most its subject and
  // object), unbound again once the row has gone down the pipeline: no
  // allocation per row.
  struct Undo {
    int vars[2];
    int n = 0;
  };

  // Binds `value` into slot `s`; false when it contradicts the row.
  static bool Bind(const Slot& s, TermId value, Row& row, Undo& undo) {
    if (!s.is_var()) return true;
    TermId& cur = row.vars[s.var];
    if (cur == kNoTerm) {
      cur = value;
      undo.vars[undo.n++] = s.var;
      return true;
    }
    return cur == value;
  }

  static void Unbind(Row& row, Undo& undo) {
    for (int i = 0; i < undo.n; ++i) row.vars[undo.vars[i]] = kNoTerm;
    undo.n = 0;
  }

  bool Emit(const GroupPlan& g, size_t i, const BoundPattern& p, const Triple& t, Row& row,
            const Sink& sink) {
    Undo undo;
    bool go = true;
    if (Bind(p.s, t.s, row, undo) && Bind(p.o, t.o, row, undo)) {
      Triple saved = row.matched[p.index];
      row.matched[p.index] = t;
      go = Run(g, i + 1, row, sink);
      row.matched[p.index] = saved;
    }
    Unbind(row, undo);
    return go;
  }

  // The triples of subject `s` with any of `p`'s predicates (object `o`, or
  // any), in the order a seek per predicate would give them: one scan of a
  // subject's few triples beats a seek per alternative. False, when the
  // subject has too many triples to be worth it, or the query must stop.
  bool SubjectTriples(const void* owner, const BoundPattern& p, TermId s, TermId o,
                      std::vector<std::vector<Triple>>* by_predicate) {
    by_predicate->assign(p.predicates.size(), {});
    // The subject's triples come in predicate order: past the last wanted
    // predicate nothing more is wanted (in the generated graph, about a
    // third of a subject's triples, and the step off its range).
    const TermId last = *std::max_element(p.predicates.begin(), p.predicates.end());
    TripleCursor& cursor = ctx_.Cursor(owner, TriplePattern{s, kNoTerm, kNoTerm});
    size_t read = 0;
    for (; cursor.Valid(); cursor.Next()) {
      if (++read > kSubjectScanLimit) return false;
      Triple t = cursor.triple();
      if (t.p > last) break;
      if (o != kNoTerm && t.o != o) continue;
      for (size_t j = 0; j < p.predicates.size(); ++j)
        if (p.predicates[j] == t.p) (*by_predicate)[j].push_back(t);
    }
    if (!cursor.status().ok()) ctx_.Stop(cursor.status());
    return ctx_.status().ok();
  }

  bool RunPattern(const GroupPlan& g, size_t i, Row& row, const Sink& sink) {
    const BoundPattern& p = *g.steps[i].pattern;
    for (TermId s : Candidates(p.s, row)) {
      if (s != kNoTerm && p.predicates.size() > 1 && p.o.is_var()) {
        std::vector<std::vector<Triple>> found;
        if (SubjectTriples(&p, p, s, row.vars[p.o.var], &found)) {
          for (const auto& triples : found)
            for (const Triple& t : triples)
              if (!Emit(g, i, p, t, row, sink)) return false;
          continue;
        }
        if (!ctx_.status().ok()) return false;
      }
      for (TermId pred : p.predicates) {
        for (TermId o : Candidates(p.o, row)) {
          if (s != kNoTerm && o != kNoTerm) {
            if (!ctx_.Tick()) return false;
            int found = Probe(&g.steps[i], Triple{s, pred, o});
            if (found < 0) return false;
            if (found > 0 && !Emit(g, i, p, Triple{s, pred, o}, row, sink)) return false;
            continue;
          }
          // One cursor per step, re-seeked for each input row.
          TripleCursor& cursor = ctx_.Cursor(&g.steps[i], TriplePattern{s, pred, o});
          for (; cursor.Valid(); cursor.Next()) {
            if (!ctx_.Tick()) return false;
            if (!Emit(g, i, p, cursor.triple(), row, sink)) return false;
          }
          if (!cursor.status().ok()) {
            ctx_.Stop(cursor.status());
            return false;
          }
        }
      }
    }
    return true;
  }

  // Whether triple `t` is stored (1), or not (0), or the query must stop
  // (-1). A fully bound pattern is such a probe; join inputs repeat their
  // values (hub objects: 4362 rows with 225 distinct objects in a benchmark
  // join), so each step keeps its answers.
  int Probe(const Step* step, const Triple& t) {
    constexpr size_t kMaxProbes = size_t{1} << 20;
    auto& known = probes_[step];
    auto it = known.find(t);
    if (it != known.end()) return it->second;
    TripleCursor& cursor = ctx_.Cursor(step, TriplePattern{t.s, t.p, t.o});
    bool found = cursor.Valid();
    if (!cursor.status().ok()) {
      ctx_.Stop(cursor.status());
      return -1;
    }
    if (known.size() < kMaxProbes) known.emplace(t, found);
    return found ? 1 : 0;
  }

  // The "hash" table is a flat array sorted on the join key: one allocation
  // for the whole build side, and index ranges often come already sorted.
  bool RunHashJoin(const GroupPlan& g, size_t i, Row& row, const Sink& sink) {
    const Step& st = g.steps[i];
    const BoundPattern& p = *st.pattern;
    auto key_of = [&](TermId s, TermId o) {
      return JoinKey{st.s_bound ? s : kNoTerm, st.o_bound ? o : kNoTerm};
    };
    auto [slot, fresh] = tables_.try_emplace(&st);
    std::vector<std::pair<JoinKey, Triple>>& table = slot->second;
    if (fresh) {
      // Build from one scan per constant alternative; join positions stay free.
      for (const TriplePattern& range : p.ConstantRanges()) {
        TripleCursor& cursor = ctx_.Cursor(&table, range);
        for (; cursor.Valid(); cursor.Next()) {
          if (!ctx_.Tick()) return false;
          Triple t = cursor.triple();
          table.emplace_back(key_of(t.s, t.o), t);
        }
        if (!cursor.status().ok()) {
          ctx_.Stop(cursor.status());
          return false;
        }
      }
      auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
      // Stable: rows of one key keep their index order, as a scan gives them.
      if (!std::is_sorted(table.begin(), table.end(), by_key))
        std::stable_sort(table.begin(), table.end(), by_key);
    }
    for (TermId s : Candidates(p.s, row)) {
      for (TermId o : Candidates(p.o, row)) {
        JoinKey key = key_of(s, o);
        auto it = std::lower_bound(table.begin(), table.end(), key,
                                   [](const auto& e, const JoinKey& k) { return e.first < k; });
        for (; it != table.end() && it->first == key; ++it) {
          if (!Emit(g, i, p, it->second, row, sink)) return false;
        }
      }
    }
    return true;
  }

  // The rows arrive ordered on the join variable, and the pattern's range
  // (its constants fixed) is ordered on it too: one cursor walks forward
  // through the range, stepping over short gaps and seeking over long ones.
  bool RunMergeJoin(const GroupPlan& g, size_t i, Row& row, const Sink& sink) {
    const Step& st = g.steps[i];
    const BoundPattern& p = *st.pattern;
    MergeState& m = merges_[&st];
    const bool on_subject = p.s.is_var() && p.s.var == st.merge_var;
    const TermId x = row.vars[st.merge_var];
    auto at = [&](TermId v) {
      return on_subject ? Triple{v, p.predicates[0], p.o.ids[0]}
                        : Triple{p.s.ids[0], p.predicates[0], v};
    };
    auto key_of = [&](const Triple& t) { return on_subject ? t.s : t.o; };
    if (!m.cursor || x < m.key) {
      // First row, or (never in a plan's sorted stream) a step back: start over.
      TriplePattern range = on_subject ? TriplePattern{kNoTerm, p.predicates[0], p.o.ids[0]}
                                       : TriplePattern{p.s.ids[0], p.predicates[0], kNoTerm};
      if (!m.cursor || !m.cursor->Restart(range)) m.cursor = ctx_.store().Scan(range);
      m.matches.clear();
      m.started = false;
    }
    if (!m.started || x != m.key) {
      m.started = true;
      m.key = x;
      m.matches.clear();
      TripleCursor& c = *m.cursor;
      for (int steps = 0; c.Valid() && key_of(c.triple()) < x; ++steps) {
        if (!ctx_.Tick()) return false;
        if (steps < kMergeSteps || !c.SkipTo(at(x))) c.Next();
      }
      for (; c.Valid() && key_of(c.triple()) == x; c.Next()) m.matches.push_back(c.triple());
      if (!c.status().ok()) {
        ctx_.Stop(c.status());
        return false;
      }
    }
    for (const Triple& t : m.matches) {
      if (!Emit(g, i, p, t, row, sink)) return false;
    }
    return true;
  }

  // Nodes reachable from `start` over the pattern's predicates, in BFS order.
  bool Reach(const BoundPattern& p, TermId start, bool forward, std::vector<TermId>* out) {
    std::unordered_set<TermId> seen;
    std::vector<TermId> frontier{start};
    if (p.modifier == '*') {
      out->push_back(start);
      seen.insert(start);
    }
    for (int depth = 0; depth < kMaxPathDepth && !frontier.empty(); ++depth) {
      std::vector<TermId> next;
      for (TermId n : frontier) {
        for (TermId pred : p.predicates) {
          TriplePattern pat =
              forward ? TriplePattern{n, pred, kNoTerm} : TriplePattern{kNoTerm, pred, n};
          TripleCursor& cursor = ctx_.Cursor(&p, pat);
          for (; cursor.Valid(); cursor.Next()) {
            if (!ctx_.Tick()) return false;
            Triple t = cursor.triple();
            TermId m = forward ? t.o : t.s;
            if (seen.insert(m).second) {
              out->push_back(m);
              next.push_back(m);
            }
          }
        }
      }
      frontier.swap(next);
    }
    return true;
  }

  bool RunPath(const GroupPlan& g, size_t i, Row& row, const Sink& sink) {
    const BoundPattern& p = *g.steps[i].pattern;
    std::span<const TermId> from = Candidates(p.s, row);
    std::vector<TermId> starts(from.begin(), from.end());
    bool forward = true;
    if (starts.size() == 1 && starts[0] == kNoTerm) {
      std::span<const TermId> ends = Candidates(p.o, row);
      if (!(ends.size() == 1 && ends[0] == kNoTerm)) {
        forward = false;
        starts.assign(ends.begin(), ends.end());
      } else {
        std::set<TermId> subjects;
        for (TermId pred : p.predicates) {
          auto cursor = ctx_.store().Scan(TriplePattern{kNoTerm, pred, kNoTerm});
          for (; cursor->Valid(); cursor->Next()) {
            if (!ctx_.Tick()) return false;
            subjects.insert(cursor->triple().s);
            if (p.modifier == '*') subjects.insert(cursor->triple().o);
          }
        }
        starts.assign(subjects.begin(), subjects.end());
      }
    }
    for (TermId start : starts) {
      std::vector<TermId> reached;
      if (!Reach(p, start, forward, &reached)) return false;
      for (TermId n : reached) {
        Triple t = forward ? Triple{start, kNoTerm, n} : Triple{n, kNoTerm, start};
        Undo undo;
        bool go = true;
        if (Bind(p.s, t.s, row, undo) && Bind(p.o, t.o, row, undo)) {
          if (!p.s.is_var() && std::find(p.s.ids.begin(), p.s.ids.end(), t.s) == p.s.ids.end()) {
          } else if (!p.o.is_var() &&
                     std::find(p.o.ids.begin(), p.o.ids.end(), t.o) == p.o.ids.end()) {
          } else {
            go = Run(g, i + 1, row, sink);
          }
        }
        Unbind(row, undo);
        if (!go) return false;
      }
    }
    return true;
  }

  // ---- filters -------------------------------------------------------------
  struct Operand {
    bool null = true;
    TermId id = kNoTerm;
    std::string text;
    bool numeric = false;
    double number = 0;
  };

  Operand Resolve(const query::Operand& o, const Row& row) {
    Operand out;
    if (o.var < 0) {
      out.null = false;
      out.text = o.text;
      out.numeric = o.numeric || ParseNumber(o.text, &out.number);
      if (o.numeric) out.number = o.number;
      return out;
    }
    out.id = row.vars[o.var];
    if (out.id == kNoTerm) return out;
    out.null = false;
    out.text = ctx_.Label(out.id);
    out.numeric = ctx_.IsLiteral(out.id) && ParseNumber(out.text, &out.number);
    return out;
  }

  bool Equal(const Operand& a, const Operand& b, const query::Operand& bdef) {
    if (a.id != kNoTerm && (b.id == a.id || std::count(bdef.ids.begin(), bdef.ids.end(), a.id)))
      return true;
    if (a.id != kNoTerm && b.id != kNoTerm) return false;
    if (a.numeric && b.numeric) return a.number == b.number;
    return Lower(a.text) == Lower(b.text);
  }

  bool EvalComparison(const BoundComparison& c, const Row& row) {
    Operand l = Resolve(c.lhs, row);
    if (l.null) return false;
    if (c.op == "in") {
      for (const query::Operand& r : c.rhs) {
        Operand rv = Resolve(r, row);
        if (!rv.null && Equal(l, rv, r)) return true;
      }
      return false;
    }
    Operand r = Resolve(c.rhs[0], row);
    if (r.null) return false;
    if (c.op == "=") return Equal(l, r, c.rhs[0]);
    if (c.op == "!=") return !Equal(l, r, c.rhs[0]);
    if (c.op == "~") return Lower(l.text).find(Lower(r.text)) != std::string::npos;
    int cmp;
    if (l.numeric && r.numeric)
      cmp = (l.number > r.number) - (l.number < r.number);
    else
      cmp = l.text.compare(r.text) > 0 ? 1 : (l.text.compare(r.text) < 0 ? -1 : 0);
    if (c.op == "<") return cmp < 0;
    if (c.op == ">") return cmp > 0;
    if (c.op == "<=") return cmp <= 0;
    return cmp >= 0;
  }

  bool EvalFilter(const BoundFilter& f, const Row& row) {
    for (const auto& conj : f.any_of) {
      bool all = true;
      for (const BoundFactor& x : conj) {
        if (!(x.nested.empty() ? EvalComparison(x.comparison, row)
                               : EvalFilter(x.nested[0], row))) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  struct MergeState {
    std::unique_ptr<TripleCursor> cursor;
    bool started = false;
    TermId key = kNoTerm;
    std::vector<Triple> matches;  // of `key`, replayed for each row that has it
  };

  ExecContext& ctx_;
  using JoinKey = std::pair<TermId, TermId>;  // (subject, object), kNoTerm where not joined
  std::unordered_map<const Step*, std::vector<std::pair<JoinKey, Triple>>> tables_;
  std::unordered_map<const Step*, MergeState> merges_;
  struct TripleHash {
    size_t operator()(const Triple& t) const {
      return (t.s * 0x9E3779B97F4A7C15ull) ^ (t.p * 0xC2B2AE3D27D4EB4Full) ^ t.o;
    }
  };
  std::unordered_map<const Step*, std::unordered_map<Triple, bool, TripleHash>> probes_;
};

JoinPipeline::JoinPipeline(ExecContext& ctx) : impl_(std::make_unique<Impl>(ctx)) {}
JoinPipeline::~JoinPipeline() = default;

bool JoinPipeline::Run(const GroupPlan& g, size_t i, Row& row, const Sink& sink) {
  return impl_->Run(g, i, row, sink);
}

}  // namespace kg::query::exec
