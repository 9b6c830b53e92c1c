// The query language's syntax tree: plain structs, filled in by the grammar
// (query/grammar_def.h) and read by the binder. Every node knows where it
// came from in the query text (byte offset and length), so later stages can
// point a caret at it without holding parser iterators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kg::query::ast {

struct Located {
  uint32_t offset = 0;  // byte offset in the text handed to the parser
  uint32_t length = 0;
};

// A variable, a name (bare word, quoted string or <iri>) or a literal.
struct Term : Located {
  enum class Kind { kVariable, kWord, kString, kIri, kInteger, kDecimal, kDate, kStar };
  Kind kind = Kind::kWord;
  std::string text;  // variable name without '?', unquoted string, IRI without <>
  std::string ToString() const;
};

// `funds`, `(funds|supports)`, `part_of+`, `part_of*`.
struct PredicatePath : Located {
  std::vector<Term> alternatives;  // kWord or kIri
  char modifier = 0;               // 0, '+' or '*'
  std::string ToString() const;
};

struct TriplePattern : Located {
  Term s;
  PredicatePath p;
  Term o;
  std::string ToString() const;
};

// lhs OP rhs, or lhs in (rhs...). OP is one of = != < > <= >= ~ in.
struct Comparison : Located {
  Term lhs;
  std::string op;
  std::vector<Term> rhs;
  std::string ToString() const;
};

struct FilterExpr;

// An operand of `and`: a comparison, or a condition in parentheses.
struct FilterFactor : Located {
  Comparison comparison;
  std::vector<FilterExpr> nested;  // one condition when parenthesised, else empty
  std::string ToString() const;
};

// Disjunction of conjunctions: a and b or c = (a and b) or c; parentheses
// group otherwise: a and (b or c).
struct FilterExpr : Located {
  std::vector<std::vector<FilterFactor>> any_of;
  std::string ToString() const;
};

struct Element : Located {
  enum class Kind { kTriple, kNot, kOptional, kFilter, kSince };
  Kind kind = Kind::kTriple;
  TriplePattern triple;
  std::vector<Element> group;  // kNot, kOptional
  FilterExpr filter;
  Term date;  // kSince
  std::string ToString() const;
};

// ?x, count(?x), count(distinct ?x), count(*), min(?x), max(?x), with `as name`.
struct Projection : Located {
  std::string aggregate;  // empty, "count", "min", "max", "sum", "avg"
  bool distinct = false;
  Term var;  // kVariable or kStar
  std::string alias;
  std::string ToString() const;
  std::string ColumnName() const;
};

struct OrderKey : Located {
  Projection key;  // a variable, an aggregate, or (as a bare alias) var.kind == kWord
  bool descending = false;
  std::string ToString() const;
};

struct Query : Located {
  enum class Kind { kFind, kPattern, kCount, kPath, kNeighbors, kDescribe, kWhy };
  Kind kind = Kind::kFind;
  bool explain = false;
  bool distinct = false;
  std::vector<Projection> projections;  // kFind
  std::vector<Element> body;            // kFind, kPattern, kCount
  std::vector<Term> group_by;
  std::vector<OrderKey> order_by;
  std::optional<int64_t> limit, skip;  // limit N, offset N
  Term from, to;                       // kPath (from, to), kNeighbors and kDescribe (from)
  std::optional<int64_t> depth;        // path `max N`, neighbors `depth N`
  TriplePattern why;                   // kWhy
  std::string ToString() const;
};

struct Script {
  std::vector<Query> queries;
  std::string ToString() const;
};

}  // namespace kg::query::ast
