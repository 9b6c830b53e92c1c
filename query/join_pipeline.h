// The join pipeline: runs a planned group (scans, index, hash and merge
// joins, paths, optionals, negations, filters) and hands each solution to a
// sink as it is found, so results stream without being held. Internal to
// query/; Execute (executor.h) drives it.
#pragma once

#include <cstddef>
#include <memory>

#include "query/exec_context.h"
#include "query/plan.h"
#include "query/solution_row.h"

namespace kg::query::exec {

class JoinPipeline {
 public:
  explicit JoinPipeline(ExecContext& ctx);
  ~JoinPipeline();
  JoinPipeline(const JoinPipeline&) = delete;
  JoinPipeline& operator=(const JoinPipeline&) = delete;

  // Runs steps i.. of `g` with `row` holding the bindings so far; false
  // when the sink or the context (timeout, row limit, error) stopped it.
  bool Run(const GroupPlan& g, size_t i, Row& row, const Sink& sink);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::query::exec
