#include "query/plan.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "kg/label_cache.h"

namespace kg::query {
namespace {

// One index seek costs about as much as reading this many triples of a scan
// (profiles of joins on 10 M triples: two to three): past that, building a
// hash table from one scan of the pattern is cheaper.
constexpr double kSeekCost = 3;

class Planner {
 public:
  Planner(const Store& store, const BoundQuery& query)
      : store_(store),
        query_(query),
        cache_(store.range_stats_cache()),
        view_(store.ViewVersion()) {}

  std::vector<std::unique_ptr<TripleCursor>> TakeCursors() { return std::move(cursors_); }

  // `ordered` tracks the variable the rows are sorted on; only the top group,
  // whose rows come from one first scan, has one (subgroups pass false).
  Result<GroupPlan> PlanGroup(const BoundGroup& g, std::set<int> bound, double input_rows,
                              bool track_order) {
    GroupPlan plan;
    std::vector<const BoundPattern*> left;
    for (const BoundPattern& p : g.patterns) left.push_back(&p);
    std::vector<bool> filter_done(g.filters.size(), false);
    double rows = input_rows;
    auto place_filters = [&]() {
      for (size_t i = 0; i < g.filters.size(); ++i) {
        if (filter_done[i]) continue;
        const BoundFilter& f = g.filters[i];
        bool ready =
            std::all_of(f.vars.begin(), f.vars.end(), [&](int v) { return bound.count(v) > 0; });
        if (!ready) continue;
        Step s;
        s.kind = Step::Kind::kFilter;
        s.filter = &f;
        rows = std::max(1.0, rows / 2);
        s.estimate = rows;
        plan.steps.push_back(std::move(s));
        filter_done[i] = true;
      }
    };
    place_filters();
    bool first = plan.steps.empty() && bound.empty();
    int ordered = -1;
    while (!left.empty()) {
      // A lone pattern has no order to choose: its estimate needs no count.
      const bool exact = !(first && left.size() == 1 && g.optionals.empty() && g.nots.empty());
      size_t best = 0;
      double best_cost = -1;
      bool best_connected = false;
      for (size_t i = 0; i < left.size(); ++i) {
        // Joined through a variable bound earlier; a constant alone does not
        // connect a pattern to the rows before it.
        auto shares = [&](const Slot& slot) { return slot.is_var() && bound.count(slot.var) > 0; };
        bool connected = shares(left[i]->s) || shares(left[i]->o) ||
                         (!left[i]->s.is_var() && !left[i]->o.is_var()) || first;
        KG_ASSIGN_OR_RETURN(double cost, Fanout(*left[i], bound, exact));
        if (best_cost < 0 || (connected && !best_connected) ||
            (connected == best_connected && cost < best_cost)) {
          best = i;
          best_cost = cost;
          best_connected = connected;
        }
      }
      const BoundPattern* p = left[best];
      left.erase(left.begin() + static_cast<long>(best));
      Step s;
      s.pattern = p;
      s.s_bound = IsBound(p->s, bound);
      s.o_bound = IsBound(p->o, bound);
      if (p->modifier) {
        s.kind = Step::Kind::kPath;
      } else if (first) {
        s.kind = Step::Kind::kScan;
        if (track_order) ordered = OrderedVar(*p);
      } else if (!best_connected) {
        s.kind = Step::Kind::kCrossProduct;
        plan.has_cross_product = true;
      } else if (ordered >= 0 && MergesOn(*p, ordered)) {
        s.kind = Step::Kind::kMergeJoin;
        s.merge_var = ordered;
        s.merge_var_name = "?" + query_.var_names[ordered];
      } else {
        KG_ASSIGN_OR_RETURN(double full, Fanout(*p, {}, true));
        s.kind =
            rows * kSeekCost > full && full < 2e6 ? Step::Kind::kHashJoin : Step::Kind::kIndexJoin;
      }
      rows = std::max(1.0, (first ? 1.0 : rows) * best_cost);
      s.estimate = rows;
      first = false;
      for (const Slot* slot : {&p->s, &p->o})
        if (slot->is_var()) bound.insert(slot->var);
      plan.steps.push_back(std::move(s));
      place_filters();
    }
    // optional { } and not { } run their own group once per row.
    auto add_group = [&](Step::Kind kind, const BoundGroup& sub) -> Status {
      Step s;
      s.kind = kind;
      KG_ASSIGN_OR_RETURN(GroupPlan planned, PlanGroup(sub, bound, rows, false));
      s.group = std::make_shared<GroupPlan>(std::move(planned));
      s.estimate = rows;
      plan.steps.push_back(std::move(s));
      return Status::OK();
    };
    for (const BoundGroup& o : g.optionals) {
      KG_RETURN_IF_ERROR(add_group(Step::Kind::kOptional, o));
      for (int v : o.vars) bound.insert(v);
    }
    // Filters on variables only an optional group binds run after it.
    for (size_t i = 0; i < g.filters.size(); ++i) {
      if (filter_done[i]) continue;
      Step s;
      s.kind = Step::Kind::kFilter;
      s.filter = &g.filters[i];
      s.estimate = rows;
      plan.steps.push_back(std::move(s));
    }
    for (const BoundGroup& n : g.nots) KG_RETURN_IF_ERROR(add_group(Step::Kind::kNot, n));
    if (g.since) {
      Step s;
      s.kind = Step::Kind::kSince;
      s.since = *g.since;
      s.estimate = rows;
      plan.steps.push_back(std::move(s));
    }
    return plan;
  }

 private:
  static bool IsBound(const Slot& s, const std::set<int>& bound) {
    return !s.is_var() || bound.count(s.var) > 0;
  }

  // The variable a scan of `p` yields its rows in order of, or -1: the first
  // free position of the index range the store picks (SPO with the subject
  // fixed, else POS), when constants and predicate each have one value.
  static int OrderedVar(const BoundPattern& p) {
    if (p.modifier || p.predicates.size() != 1) return -1;
    if ((!p.s.is_var() && p.s.ids.size() != 1) || (!p.o.is_var() && p.o.ids.size() != 1)) return -1;
    if (!p.s.is_var()) return p.o.is_var() ? p.o.var : -1;
    return p.o.is_var() ? p.o.var : p.s.var;
  }

  // True when `p` has `var` as its only variable, so its range (constants
  // fixed) is ordered on `var` as the incoming rows are.
  static bool MergesOn(const BoundPattern& p, int var) {
    return p.s.is_var() != p.o.is_var() && OrderedVar(p) == var;
  }

  Result<PredicateStats> Stats(TermId p) {
    auto it = stats_.find(p);
    if (it != stats_.end()) return it->second;
    PredicateStats ps;
    if (!cache_ || !cache_->Get(view_, TriplePattern{kNoTerm, p, kNoTerm}, &ps)) {
      KG_ASSIGN_OR_RETURN(ps, store_.GetPredicateStats(p));
      if (cache_) cache_->Put(view_, TriplePattern{kNoTerm, p, kNoTerm}, ps);
    }
    stats_[p] = ps;
    return ps;
  }

  // Rows one input row yields through pattern `p`.
  // `exact`: count the range when constants alone fix the pattern.
  Result<double> Fanout(const BoundPattern& p, const std::set<int>& bound, bool exact) {
    bool sb = IsBound(p.s, bound), ob = IsBound(p.o, bound);
    bool var_bound = (p.s.is_var() && sb) || (p.o.is_var() && ob);
    if (exact && !p.modifier && !var_bound && (!p.s.is_var() || !p.o.is_var()) &&
        p.s.ids.size() * p.o.ids.size() <= 16) {
      // Only constants fix this pattern: its range is counted exactly.
      if (!p.s.is_var() && p.s.ids.size() == 1 && p.o.is_var() && p.predicates.size() > 1) {
        KG_ASSIGN_OR_RETURN(std::optional<uint64_t> n, SubjectCount(p.s.ids[0], p.predicates));
        if (n) return static_cast<double>(*n);
      }
      double total = 0;
      for (const TriplePattern& range : p.ConstantRanges()) {
        KG_ASSIGN_OR_RETURN(uint64_t n, RangeCount(range));
        total += static_cast<double>(n);
      }
      return total;
    }
    double total = 0;
    for (TermId pred : p.predicates) {
      KG_ASSIGN_OR_RETURN(PredicateStats ps, Stats(pred));
      double t = static_cast<double>(ps.triples);
      double ds = std::max<double>(1, static_cast<double>(ps.distinct_subjects));
      double dob = std::max<double>(1, static_cast<double>(ps.distinct_objects));
      if (sb && ob)
        total += std::min(1.0, t / (ds * dob) * 10);
      else if (sb)
        total += t / ds;
      else if (ob)
        total += t / dob;
      else
        total += t;
    }
    auto alternatives = [](const Slot& s) {
      return s.is_var() ? 1.0 : static_cast<double>(s.ids.size());
    };
    if (!p.s.is_var()) total *= alternatives(p.s);
    if (!p.o.is_var()) total *= alternatives(p.o);
    if (p.modifier) total *= (sb || ob) ? 10 : 100;
    return total;
  }

  // Each range is counted once per plan, however often the planner asks,
  // through one cursor re-seeked for each range. Counting stops at
  // kCountLimit: past it the exact size changes no choice worth the scan
  // (`?x type Company` read 119 k keys per query on 10 M triples), and the
  // predicate's average range size stands in when it is larger.
  Result<uint64_t> RangeCount(const TriplePattern& t) {
    constexpr uint64_t kCountLimit = 4096;
    auto key = std::make_tuple(t.s, t.p, t.o);
    auto it = counts_.find(key);
    if (it != counts_.end()) return it->second;
    uint64_t n = 0;
    PredicateStats cached;
    if (t.s == kNoTerm && t.o == kNoTerm) {
      KG_ASSIGN_OR_RETURN(n, store_.Count(t));  // kept current by every write: no scan
    } else if (cache_ && cache_->Get(view_, t, &cached)) {
      n = cached.triples;  // counted by an earlier query at this view
    } else {
      TripleCursor& c = Cursor(t);
      for (; c.Valid() && n < kCountLimit; c.Next()) ++n;
      KG_RETURN_IF_ERROR(c.status());
      if (n >= kCountLimit && t.p != kNoTerm) {
        KG_ASSIGN_OR_RETURN(PredicateStats ps, Stats(t.p));
        uint64_t distinct = t.s == kNoTerm ? ps.distinct_objects : ps.distinct_subjects;
        n = std::max(n, ps.triples / std::max<uint64_t>(1, distinct));
      }
      if (cache_) cache_->Put(view_, t, PredicateStats{.triples = n});
    }
    counts_[key] = n;
    return n;
  }

  // Triples of `s` with any of `predicates`, from one scan of the subject
  // (a seek per predicate costs more); nullopt when the subject has more
  // triples than is worth reading.
  Result<std::optional<uint64_t>> SubjectCount(TermId s, const std::vector<TermId>& predicates) {
    constexpr uint64_t kLimit = 64;
    uint64_t n = 0, read = 0;
    TripleCursor& c = Cursor(TriplePattern{s, kNoTerm, kNoTerm});
    for (; c.Valid(); c.Next()) {
      if (++read > kLimit) return std::optional<uint64_t>();
      n += static_cast<uint64_t>(std::count(predicates.begin(), predicates.end(), c.triple().p));
    }
    KG_RETURN_IF_ERROR(c.status());
    return std::optional<uint64_t>(n);
  }

  // A cursor on `t`'s range: one already open on the same index, re-seeked.
  TripleCursor& Cursor(const TriplePattern& t) {
    for (auto& c : cursors_)
      if (c->Restart(t)) return *c;
    cursors_.push_back(store_.Scan(t));
    return *cursors_.back();
  }

  const Store& store_;
  const BoundQuery& query_;
  // Counts and stats kept across queries at the store's view (a REPL's or
  // script's next query plans without re-reading them).
  RangeStatsCache* cache_;
  uint64_t view_;
  std::map<TermId, PredicateStats> stats_;
  std::map<std::tuple<TermId, TermId, TermId>, uint64_t> counts_;
  std::vector<std::unique_ptr<TripleCursor>> cursors_;
};

std::string Estimate(double rows) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", rows);
  return buf;
}

}  // namespace

std::string Step::ToString() const {
  switch (kind) {
    case Kind::kScan:
      return "Scan " + pattern->text + "  (est. " + Estimate(estimate) + " rows)";
    case Kind::kIndexJoin:
      return "IndexNestedLoopJoin " + pattern->text + "  (est. " + Estimate(estimate) + " rows)";
    case Kind::kMergeJoin:
      return "MergeJoin " + pattern->text + "  (rows and index both ordered on " + merge_var_name +
             "; est. " + Estimate(estimate) + " rows)";
    case Kind::kHashJoin:
      return "HashJoin " + pattern->text + "  (built from one scan of the pattern; est. " +
             Estimate(estimate) + " rows)";
    case Kind::kCrossProduct:
      return "CrossProduct " + pattern->text + "  (no shared variable; est. " + Estimate(estimate) +
             " rows)";
    case Kind::kPath:
      return std::string("TransitivePath ") + pattern->text + "  (BFS from the " +
             (s_bound   ? "subject"
              : o_bound ? "object"
                        : "every subject") +
             ", depth <= 64)";
    case Kind::kFilter:
      return "Filter " + filter->text;
    case Kind::kOptional:
      return "Optional";
    case Kind::kNot:
      return "AntiJoin (not)";
    case Kind::kSince:
      return "Since " + since + "  (a matched triple has evidence dated on/after)";
  }
  return "";
}

std::string GroupPlan::ToString(int indent) const {
  // The last step consumes the rows of those before it: print it on top.
  std::string out;
  int depth = indent;
  for (size_t i = steps.size(); i-- > 0;) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + steps[i].ToString() + "\n";
    if (steps[i].group) out += steps[i].group->ToString(depth + 2);
    ++depth;
  }
  return out;
}

std::string QueryPlan::ToString() const {
  std::string out;
  int depth = 0;
  for (const std::string& t : tail) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + t + "\n";
    ++depth;
  }
  return out + body.ToString(depth);
}

Result<QueryPlan> Plan(const BoundQuery& query, const Store& store) {
  QueryPlan plan;
  plan.query = &query;
  Planner planner(store, query);
  KG_ASSIGN_OR_RETURN(plan.body, planner.PlanGroup(query.body, {}, 1, true));
  plan.cursors =
      std::make_shared<std::vector<std::unique_ptr<TripleCursor>>>(planner.TakeCursors());
  auto var_list = [&](const std::vector<int>& vars) {
    std::string s;
    for (size_t i = 0; i < vars.size(); ++i) s += (i ? ", ?" : "?") + query.var_names[vars[i]];
    return s;
  };
  std::string cols;
  for (size_t i = 0; i < query.projections.size(); ++i)
    cols += (i ? ", " : "") + query.projections[i].expr;
  if (query.kind == ast::Query::Kind::kCount) {
    plan.tail.push_back("Count");
    return plan;
  }
  if (query.limit || query.skip) {
    plan.tail.push_back("Slice limit " + (query.limit ? std::to_string(*query.limit) : "all") +
                        " offset " + std::to_string(query.skip.value_or(0)));
  }
  if (!query.order_by.empty()) {
    std::string keys;
    for (const BoundOrderKey& k : query.order_by) {
      keys += keys.empty() ? "" : ", ";
      keys +=
          k.projection >= 0 ? query.projections[k.projection].column : "?" + query.var_names[k.var];
      if (k.descending) keys += " desc";
    }
    plan.tail.push_back(query.limit
                            ? "TopK " + keys + "  (heap of " +
                                  std::to_string(*query.limit + query.skip.value_or(0)) + ")"
                            : "Sort " + keys);
  }
  if (query.distinct) plan.tail.push_back("Distinct");
  if (query.aggregated) {
    plan.tail.push_back("HashAggregate " + cols +
                        (query.group_by.empty() ? "" : " group by " + var_list(query.group_by)));
  } else {
    plan.tail.push_back("Project " + cols);
  }
  return plan;
}

}  // namespace kg::query
