// Executor: runs a plan over the store's cursors. Rows stream through the
// plan's steps one at a time (push-based); only what the query keeps
// (distinct keys, groups, the top-k heap, the result) is held in memory.
// Timeouts, Ctrl-C and row limits are checked inside every loop.
#pragma once

#include "kg/store.h"
#include "query/bound.h"
#include "query/plan.h"
#include "query/result.h"

namespace kg::query {

// find, bare patterns and count. Errors: Timeout, Cancelled (Ctrl-C or
// --max-rows), store errors.
Result<ResultSet> Execute(const QueryPlan& plan, const Store& store, const QueryOptions& options);

// path, neighbors, describe and why.
Result<ResultSet> ExecuteGraphQuery(const BoundQuery& query, const Store& store,
                                    const QueryOptions& options);

}  // namespace kg::query
