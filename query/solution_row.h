// What flows through the executor: one solution row, the sink rows go to,
// and value helpers both the join pipeline and the result collector use.
// Internal to query/.
#pragma once

#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "kg/term.h"
#include "query/result.h"

namespace kg::query::exec {

struct Row {
  std::vector<TermId> vars;
  std::vector<Triple> matched;  // per pattern; zero for paths and unmatched optionals
};

// Takes each solution; false stops the producer.
using Sink = std::function<bool(Row&)>;

struct VecHash {
  size_t operator()(const std::vector<TermId>& v) const {
    size_t h = v.size();
    for (TermId id : v) h = h * 0x9E3779B97F4A7C15ull ^ std::hash<TermId>()(id);
    return h;
  }
};

inline bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

inline std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Orders values: nulls first, numbers numerically, text case-insensitively.
inline int CompareValues(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::kNull || b.kind == Value::Kind::kNull)
    return (a.kind != Value::Kind::kNull) - (b.kind != Value::Kind::kNull);
  double x, y;
  if (ParseNumber(a.text, &x) && ParseNumber(b.text, &y)) return (x > y) - (x < y);
  std::string la = Lower(a.text), lb = Lower(b.text);
  int c = la.compare(lb);
  if (c == 0) c = a.text.compare(b.text);
  return (c > 0) - (c < 0);
}

}  // namespace kg::query::exec
