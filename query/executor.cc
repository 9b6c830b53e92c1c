#include "query/executor.h"

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
#include "query/join_pipeline.h"
#include "query/solution_row.h"

namespace kg::query {
namespace {

using exec::CompareValues;
using exec::JoinPipeline;
using exec::ParseNumber;
using exec::Row;
using exec::VecHash;

// ---- the query's tail: project, aggregate, distinct, order, slice ----------
struct OutRow {
  std::vector<Value> cells;
  std::vector<Value> keys;
  // Terms whose labels go before `cells` once the result is complete (see
  // Collector::AddSolution).
  std::vector<TermId> terms;
};

class Collector {
 public:
  Collector(const BoundQuery& q, ExecContext& ctx) : q_(q), ctx_(ctx) {
    if (!q.order_by.empty() && q.limit) k_ = static_cast<size_t>(*q.limit + q.skip.value_or(0));
    if (ctx.options().evidence) {  // only evidence columns skip type triples
      auto type = ctx.store().FindTerm(Term::Iri(std::string(vocab::kRdfType)));
      if (type.ok()) rdf_type_ = *type;
    }
  }

  Value TermValue(TermId id) {
    if (id == kNoTerm) return Value{};
    return Value{Value::Kind::kText, ctx_.Label(id)};
  }

  bool Less(const OutRow& a, const OutRow& b) const {
    for (size_t i = 0; i < q_.order_by.size(); ++i) {
      int c = CompareValues(a.keys[i], b.keys[i]);
      if (q_.order_by[i].descending) c = -c;
      if (c != 0) return c < 0;
    }
    // Ties keep a fixed order whatever order the rows came in.
    for (size_t i = 0; i < a.cells.size() && i < b.cells.size(); ++i) {
      int c = CompareValues(a.cells[i], b.cells[i]);
      if (c != 0) return c < 0;
    }
    return false;
  }

  bool Add(OutRow row) {
    if (k_ > 0) {
      auto less = [this](const OutRow& a, const OutRow& b) { return Less(a, b); };
      if (heap_.size() < k_) {
        heap_.push_back(std::move(row));
        std::push_heap(heap_.begin(), heap_.end(), less);
      } else if (Less(row, heap_.front())) {
        std::pop_heap(heap_.begin(), heap_.end(), less);
        heap_.back() = std::move(row);
        std::push_heap(heap_.begin(), heap_.end(), less);
      }
      return true;
    }
    if (q_.order_by.empty()) {
      if (skipped_ < static_cast<uint64_t>(q_.skip.value_or(0))) {
        ++skipped_;
        return true;
      }
      if (q_.limit && rows_.size() >= static_cast<size_t>(*q_.limit)) return false;
    }
    uint64_t max = ctx_.options().max_rows;
    if (max > 0 && rows_.size() >= max) {
      ctx_.Stop(Status::Cancelled("query stopped at " + std::to_string(max) +
                                  " rows (--max-rows); add a limit or raise --max-rows"));
      return false;
    }
    rows_.push_back(std::move(row));
    return !(q_.order_by.empty() && q_.limit && rows_.size() >= static_cast<size_t>(*q_.limit));
  }

  // A solution row of a query without aggregates.
  bool AddSolution(const Row& row) {
    std::vector<TermId> key;
    for (const BoundProjection& p : q_.projections) key.push_back(row.vars[p.var]);
    if (q_.distinct && !seen_.insert(key).second) return true;
    OutRow out;
    // Without an order to sort on, labels wait until the result is complete
    // and are then read together (ExecContext::PrefetchLabels).
    if (q_.order_by.empty()) {
      out.terms = std::move(key);
    } else {
      for (TermId id : key) out.cells.push_back(TermValue(id));
    }
    if (ctx_.options().evidence) {
      std::string doc, sentence;
      std::string since = q_.body.since.value_or("");
      for (const Triple& t : row.matched) {
        if (t.p == kNoTerm || t.p == rdf_type_) continue;
        if (ctx_.FirstEvidence(t, since, &doc, &sentence)) break;
      }
      out.cells.push_back(Value{doc.empty() ? Value::Kind::kNull : Value::Kind::kText, doc});
      out.cells.push_back(
          Value{sentence.empty() ? Value::Kind::kNull : Value::Kind::kText, sentence});
    }
    for (const BoundOrderKey& k : q_.order_by)
      out.keys.push_back(k.projection >= 0 ? out.cells[k.projection] : TermValue(row.vars[k.var]));
    return Add(std::move(out));
  }

  struct Accumulator {
    uint64_t count = 0;
    std::unordered_set<TermId> distinct;
    std::optional<Value> best;
    double sum = 0;
    uint64_t numbers = 0;
  };

  bool AddToGroup(const Row& row) {
    std::vector<TermId>& key = key_;
    key.clear();
    for (int v : q_.group_by) key.push_back(row.vars[v]);
    // Rows of one group often come in a run (a scan ordered on the group
    // key): the last group is tried before the table.
    if (last_group_ && key == *last_key_) return Accumulate(row, *last_group_);
    auto it = groups_.find(key);
    if (it == groups_.end()) {
      if (groups_.size() >= std::max<uint64_t>(ctx_.options().max_rows, 1) &&
          ctx_.options().max_rows > 0) {
        ctx_.Stop(Status::Cancelled("query stopped at " + std::to_string(groups_.size()) +
                                    " groups (--max-rows)"));
        return false;
      }
      it = groups_.emplace(key, std::vector<Accumulator>(q_.projections.size())).first;
      group_order_.push_back(key);
    }
    // Elements of an unordered_map keep their address when it rehashes.
    last_key_ = &it->first;
    last_group_ = &it->second;
    return Accumulate(row, it->second);
  }

  bool Accumulate(const Row& row, std::vector<Accumulator>& accs) {
    for (size_t i = 0; i < q_.projections.size(); ++i) {
      const BoundProjection& p = q_.projections[i];
      if (p.aggregate.empty()) continue;
      Accumulator& acc = accs[i];
      TermId id = p.var >= 0 ? row.vars[p.var] : kNoTerm;
      if (p.var >= 0 && id == kNoTerm) continue;
      if (p.distinct && !acc.distinct.insert(id).second) continue;
      ++acc.count;
      if (p.aggregate == "min" || p.aggregate == "max") {
        Value v = TermValue(id);
        if (!acc.best || (p.aggregate == "min" ? CompareValues(v, *acc.best) < 0
                                               : CompareValues(v, *acc.best) > 0))
          acc.best = v;
      } else if (p.aggregate == "sum" || p.aggregate == "avg") {
        double x;
        if (ParseNumber(ctx_.Label(id), &x)) {
          acc.sum += x;
          ++acc.numbers;
        }
      }
    }
    return true;
  }

  void FinishGroups() {
    if (groups_.empty() && q_.group_by.empty()) {
      group_order_.push_back({});
      groups_.emplace(std::vector<TermId>{}, std::vector<Accumulator>(q_.projections.size()));
    }
    std::vector<TermId> shown;
    for (const auto& key : group_order_) shown.insert(shown.end(), key.begin(), key.end());
    ctx_.PrefetchLabels(std::move(shown));
    for (const auto& key : group_order_) {
      const auto& accs = groups_[key];
      OutRow out;
      for (size_t i = 0; i < q_.projections.size(); ++i) {
        const BoundProjection& p = q_.projections[i];
        if (p.aggregate.empty()) {
          size_t pos =
              std::find(q_.group_by.begin(), q_.group_by.end(), p.var) - q_.group_by.begin();
          out.cells.push_back(TermValue(key[pos]));
        } else if (p.aggregate == "count") {
          out.cells.push_back(Value{Value::Kind::kNumber, std::to_string(accs[i].count)});
        } else if (p.aggregate == "min" || p.aggregate == "max") {
          out.cells.push_back(accs[i].best.value_or(Value{}));
        } else {
          double v = p.aggregate == "sum" ? accs[i].sum
                                          : (accs[i].numbers ? accs[i].sum / accs[i].numbers : 0);
          char buf[64];
          std::snprintf(buf, sizeof buf, "%g", v);
          out.cells.push_back(Value{Value::Kind::kNumber, buf});
        }
      }
      for (const BoundOrderKey& k : q_.order_by) out.keys.push_back(out.cells[k.projection]);
      if (!Add(std::move(out))) break;
    }
  }

  ResultSet Finish() {
    ResultSet rs;
    for (const BoundProjection& p : q_.projections) rs.columns.push_back(p.column);
    if (ctx_.options().evidence && !q_.aggregated) {
      rs.columns.push_back("document");
      rs.columns.push_back("sentence");
    }
    std::vector<OutRow> rows = k_ > 0 ? std::move(heap_) : std::move(rows_);
    if (!q_.order_by.empty()) {
      std::stable_sort(rows.begin(), rows.end(),
                       [this](const OutRow& a, const OutRow& b) { return Less(a, b); });
      size_t skip = static_cast<size_t>(q_.skip.value_or(0));
      size_t begin = std::min(skip, rows.size());
      size_t end =
          q_.limit ? std::min(rows.size(), begin + static_cast<size_t>(*q_.limit)) : rows.size();
      rows = std::vector<OutRow>(std::make_move_iterator(rows.begin() + begin),
                                 std::make_move_iterator(rows.begin() + end));
    }
    std::vector<TermId> shown;
    for (const OutRow& r : rows) shown.insert(shown.end(), r.terms.begin(), r.terms.end());
    ctx_.PrefetchLabels(std::move(shown));
    for (OutRow& r : rows) {
      if (!r.terms.empty()) {
        std::vector<Value> cells;
        cells.reserve(r.terms.size() + r.cells.size());
        for (TermId id : r.terms) cells.push_back(TermValue(id));
        for (Value& v : r.cells) cells.push_back(std::move(v));
        r.cells = std::move(cells);
      }
      rs.rows.push_back(std::move(r.cells));
    }
    return rs;
  }

 private:
  const BoundQuery& q_;
  ExecContext& ctx_;
  size_t k_ = 0;
  uint64_t skipped_ = 0;
  TermId rdf_type_ = kNoTerm;
  std::vector<OutRow> heap_, rows_;
  std::unordered_set<std::vector<TermId>, VecHash> seen_;
  std::unordered_map<std::vector<TermId>, std::vector<Accumulator>, VecHash> groups_;
  std::vector<std::vector<TermId>> group_order_;
  std::vector<TermId> key_;  // AddToGroup's, kept to save an allocation per row
  const std::vector<TermId>* last_key_ = nullptr;
  std::vector<Accumulator>* last_group_ = nullptr;
};

// count PATTERN over one plain pattern: the store counts, nothing is scanned here.
std::optional<Result<uint64_t>> FastCount(const BoundQuery& q, const Store& store) {
  const BoundGroup& g = q.body;
  if (g.patterns.size() != 1 || !g.filters.empty() || !g.optionals.empty() || !g.nots.empty() ||
      g.since)
    return std::nullopt;
  const BoundPattern& p = g.patterns[0];
  if (p.modifier || (p.s.is_var() && p.o.is_var() && p.s.var == p.o.var)) return std::nullopt;
  uint64_t total = 0;
  for (const TriplePattern& range : p.ConstantRanges()) {
    auto n = store.Count(range);
    if (!n.ok()) return Result<uint64_t>(n.status());
    total += *n;
  }
  return Result<uint64_t>(total);
}

}  // namespace

// The triples behind one solution, for QueryOptions::matched_triples.
static void RecordMatched(const Row& row, const QueryOptions& options) {
  if (!options.matched_triples) return;
  for (const Triple& t : row.matched) {
    if (t.p != kNoTerm) options.matched_triples->push_back(t);
  }
}

Result<ResultSet> Execute(const QueryPlan& plan, const Store& store, const QueryOptions& options) {
  const BoundQuery& q = *plan.query;
  ExecContext ctx(store, options);
  if (plan.body.has_cross_product)
    ctx.timeout_hint = ": it joins patterns that share no variable (a cartesian product)";
  Row row;
  row.vars.assign(q.var_names.size(), kNoTerm);
  row.matched.assign(static_cast<size_t>(q.pattern_count), Triple{});
  if (plan.cursors) ctx.AddSpareCursors(std::exchange(*plan.cursors, {}));
  JoinPipeline pipeline(ctx);
  if (q.kind == ast::Query::Kind::kCount) {
    uint64_t n = 0;
    if (auto fast = FastCount(q, store)) {
      if (!fast->ok()) return fast->status();
      n = **fast;
    } else {
      pipeline.Run(plan.body, 0, row, [&](Row& r) {
        RecordMatched(r, options);
        ++n;
        return true;
      });
      if (!ctx.status().ok()) return ctx.status();
    }
    ResultSet rs;
    rs.columns = {"count"};
    rs.rows.push_back({Value{Value::Kind::kNumber, std::to_string(n)}});
    return rs;
  }
  Collector collector(q, ctx);
  if (q.aggregated) {
    pipeline.Run(plan.body, 0, row, [&](Row& r) {
      RecordMatched(r, options);
      return collector.AddToGroup(r);
    });
    if (!ctx.status().ok()) return ctx.status();
    ctx.ReleaseCursors();
    collector.FinishGroups();
  } else {
    pipeline.Run(plan.body, 0, row, [&](Row& r) {
      RecordMatched(r, options);
      return collector.AddSolution(r);
    });
  }
  if (!ctx.status().ok()) return ctx.status();
  ctx.ReleaseCursors();
  return collector.Finish();
}

}  // namespace kg::query
