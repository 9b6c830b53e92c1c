// Query results as they leave the engine: named columns, rows of printable
// values, and the options that bound how much work a query may do.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "kg/term.h"

namespace kg::query {

struct QueryOptions {
  double timeout_seconds = 30;  // 0: no limit
  uint64_t max_rows = 1000000;  // rows a result may hold; 0: no limit
  bool evidence = false;        // add document and sentence columns
  // Set from another thread (or a signal handler) to stop the running query.
  const std::atomic<bool>* cancel = nullptr;
  // When set, every stored triple a pattern matched for a solution is
  // appended here (kg export --query); path patterns add none.
  std::vector<Triple>* matched_triples = nullptr;
};

struct Value {
  enum class Kind { kNull, kText, kNumber };
  Kind kind = Kind::kNull;
  std::string text;  // labels for terms, digits for numbers
};

struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

}  // namespace kg::query
