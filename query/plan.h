// Planner: orders a bound query's patterns into a pipeline of steps, using
// the store's per-predicate counts. Each pattern after the first joins on a
// variable already bound: a merge join when the rows arrive ordered on that
// variable (the first scan's index order, which later steps keep) and the
// pattern's own index range is ordered on it too; else an index nested-loop
// join, or a hash join when the input is large against the pattern. Patterns
// sharing no variable are joined by a cross product only because the user
// wrote them so. Every node prints itself; `explain` shows the tree.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kg/store.h"
#include "query/bound.h"

namespace kg::query {

struct GroupPlan;

struct Step {
  enum class Kind {
    kScan,
    kIndexJoin,
    kHashJoin,
    kMergeJoin,
    kCrossProduct,
    kPath,
    kFilter,
    kOptional,
    kNot,
    kSince
  };
  Kind kind = Kind::kScan;
  const BoundPattern* pattern = nullptr;
  const BoundFilter* filter = nullptr;
  std::shared_ptr<GroupPlan> group;  // kOptional, kNot
  std::string since;
  bool s_bound = false, o_bound = false;  // at this step, from earlier steps
  int merge_var = -1;                     // kMergeJoin: the variable both sides are ordered on
  std::string merge_var_name;
  double estimate = 0;  // rows out of this step
  std::string ToString() const;
};

// The steps of one group, run left to right: each feeds its rows to the next.
struct GroupPlan {
  std::vector<Step> steps;
  bool has_cross_product = false;
  std::string ToString(int indent) const;
};

struct QueryPlan {
  const BoundQuery* query = nullptr;
  GroupPlan body;
  std::vector<std::string> tail;  // aggregate / distinct / order / slice stages, for explain
  // The iterators the planner opened to count ranges, handed to the
  // executor: re-seeking one costs less than opening another.
  std::shared_ptr<std::vector<std::unique_ptr<TripleCursor>>> cursors;
  std::string ToString() const;
};

// REQUIRES: `query` and `store` outlive the plan.
Result<QueryPlan> Plan(const BoundQuery& query, const Store& store);

}  // namespace kg::query
