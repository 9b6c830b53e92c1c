// A query after binding: names resolved to term ids, variables to slots.
// Produced by Binder (query/binder.h), read by the planner and executor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kg/term.h"
#include "query/ast.h"

namespace kg::query {

// One subject or object position of a pattern.
struct Slot {
  int var = -1;             // variable slot, or -1 for a constant
  std::vector<TermId> ids;  // constant: its alternatives (empty matches nothing)
  bool is_var() const { return var >= 0; }
};

struct BoundPattern {
  Slot s, o;
  std::vector<TermId> predicates;  // alternatives
  char modifier = 0;               // 0, '+' or '*'
  int index = 0;                   // which matched-triple slot of a row it fills
  std::string text;                // as written, for explain

  // One range per combination of constant alternatives and predicates,
  // variables left free: what scanning the pattern alone reads.
  std::vector<TriplePattern> ConstantRanges() const {
    std::vector<TriplePattern> out;
    for (TermId sv : s.is_var() ? std::vector<TermId>{kNoTerm} : s.ids)
      for (TermId pv : predicates)
        for (TermId ov : o.is_var() ? std::vector<TermId>{kNoTerm} : o.ids)
          out.push_back(TriplePattern{sv, pv, ov});
    return out;
  }
};

// A filter operand: a variable or a literal value (with the entities it names).
struct Operand {
  int var = -1;
  std::string text;
  bool numeric = false;
  double number = 0;
  std::vector<TermId> ids;
};

struct BoundComparison {
  Operand lhs;
  std::string op;
  std::vector<Operand> rhs;
};

struct BoundFilter;

// An operand of `and`: a comparison, or a parenthesised condition.
struct BoundFactor {
  BoundComparison comparison;
  std::vector<BoundFilter> nested;  // one condition when parenthesised
};

// Disjunction of conjunctions, as ast::FilterExpr.
struct BoundFilter {
  std::vector<std::vector<BoundFactor>> any_of;
  std::vector<int> vars;  // every variable it reads (nested conditions included)
  std::string text;
};

struct BoundGroup {
  std::vector<BoundPattern> patterns;
  std::vector<BoundFilter> filters;
  std::vector<BoundGroup> optionals;
  std::vector<BoundGroup> nots;
  std::optional<std::string> since;  // YYYY-MM-DD
  std::vector<int> vars;             // variables its patterns bind
};

struct BoundProjection {
  std::string aggregate;  // empty for a plain variable
  bool distinct = false;
  int var = -1;  // -1 for count(*)
  std::string column;
  std::string expr;  // "count(?c)": how an order key may name it
};

struct BoundOrderKey {
  int projection = -1;  // index into projections, or
  int var = -1;         // a variable that is not projected
  bool descending = false;
};

struct BoundQuery {
  ast::Query::Kind kind = ast::Query::Kind::kFind;
  std::vector<std::string> var_names;
  BoundGroup body;
  int pattern_count = 0;  // matched-triple slots per row
  bool distinct = false;
  bool aggregated = false;
  std::vector<BoundProjection> projections;
  std::vector<int> group_by;
  std::vector<BoundOrderKey> order_by;
  std::optional<int64_t> limit, skip;
  // Graph questions.
  std::vector<TermId> from, to;
  int64_t depth = 0;
  BoundPattern why;
};

}  // namespace kg::query
