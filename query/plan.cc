#include "query/plan.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace kg::query {
namespace {

// One index seek costs about as much as reading this many triples of a scan:
// past that, building a hash table from one scan of the pattern is cheaper.
constexpr double kSeekCost = 20;

class Planner {
 public:
  explicit Planner(const Store& store) : store_(store) {}

  Result<GroupPlan> PlanGroup(const BoundGroup& g, std::set<int> bound, double input_rows) {
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
    while (!left.empty()) {
      size_t best = 0;
      double best_cost = -1;
      bool best_connected = false;
      for (size_t i = 0; i < left.size(); ++i) {
        // Joined through a variable bound earlier; a constant alone does not
        // connect a pattern to the rows before it.
        auto shares = [&](const Slot& slot) { return slot.is_var() && bound.count(slot.var) > 0; };
        bool connected = shares(left[i]->s) || shares(left[i]->o) ||
                         (!left[i]->s.is_var() && !left[i]->o.is_var()) || first;
        KG_ASSIGN_OR_RETURN(double cost, Fanout(*left[i], bound));
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
      KG_ASSIGN_OR_RETURN(double full, Fanout(*p, {}));
      if (p->modifier) {
        s.kind = Step::Kind::kPath;
      } else if (first) {
        s.kind = Step::Kind::kScan;
      } else if (!best_connected) {
        s.kind = Step::Kind::kCrossProduct;
        plan.has_cross_product = true;
      } else if (rows * kSeekCost > full && full < 2e6) {
        s.kind = Step::Kind::kHashJoin;
      } else {
        s.kind = Step::Kind::kIndexJoin;
      }
      rows = std::max(1.0, (first ? 1.0 : rows) * best_cost);
      s.estimate = rows;
      first = false;
      for (const Slot* slot : {&p->s, &p->o})
        if (slot->is_var()) bound.insert(slot->var);
      plan.steps.push_back(std::move(s));
      place_filters();
    }
    for (const BoundGroup& o : g.optionals) {
      Step s;
      s.kind = Step::Kind::kOptional;
      KG_ASSIGN_OR_RETURN(GroupPlan sub, PlanGroup(o, bound, rows));
      s.group = std::make_shared<GroupPlan>(std::move(sub));
      s.estimate = rows;
      plan.steps.push_back(std::move(s));
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
    for (const BoundGroup& n : g.nots) {
      Step s;
      s.kind = Step::Kind::kNot;
      KG_ASSIGN_OR_RETURN(GroupPlan sub, PlanGroup(n, bound, rows));
      s.group = std::make_shared<GroupPlan>(std::move(sub));
      s.estimate = rows;
      plan.steps.push_back(std::move(s));
    }
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

  Result<PredicateStats> Stats(TermId p) {
    auto it = stats_.find(p);
    if (it != stats_.end()) return it->second;
    KG_ASSIGN_OR_RETURN(PredicateStats ps, store_.GetPredicateStats(p));
    stats_[p] = ps;
    return ps;
  }

  // Rows one input row yields through pattern `p`.
  Result<double> Fanout(const BoundPattern& p, const std::set<int>& bound) {
    bool sb = IsBound(p.s, bound), ob = IsBound(p.o, bound);
    bool var_bound = (p.s.is_var() && sb) || (p.o.is_var() && ob);
    if (!p.modifier && !var_bound && (!p.s.is_var() || !p.o.is_var()) &&
        p.s.ids.size() * p.o.ids.size() <= 16) {
      // Only constants fix this pattern: the store counts its range exactly.
      double total = 0;
      for (TermId s : p.s.is_var() ? std::vector<TermId>{kNoTerm} : p.s.ids)
        for (TermId pred : p.predicates)
          for (TermId o : p.o.is_var() ? std::vector<TermId>{kNoTerm} : p.o.ids) {
            KG_ASSIGN_OR_RETURN(uint64_t n, store_.Count(TriplePattern{s, pred, o}));
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

  const Store& store_;
  std::map<TermId, PredicateStats> stats_;
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
  Planner planner(store);
  KG_ASSIGN_OR_RETURN(plan.body, planner.PlanGroup(query.body, {}, 1));
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
