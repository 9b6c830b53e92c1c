// The rule language's syntax tree: plain structs, apart from the grammar.
//
//   define SUPPORT = "supports" | "promotes";
//   rule funds_investment: [Country|Agency|Company]:s ... "investment in" [Technology|Sector]+:o
//       => s funds o confidence 0.9;
//
// Every node a later stage reports on carries its source line and column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace kg::parsers::rules::ast {

namespace x3 = boost::spirit::x3;

struct Located {
  int line = 0;
  int column = 0;
};

// [Type|Type]:name, or [Type]+:name for a coordinated list ("A, B and C").
struct Slot : Located {
  std::vector<std::string> types;
  bool list = false;
  std::string name;
};

// "..." or "...N": skips up to N tokens or entities (default 8).
struct Gap : Located {
  std::string dots;
  boost::optional<unsigned> max;
};

// $NAME: a word list from a `define`.
struct MacroRef : Located {
  char sigil = '$';
  std::string name;
};

struct Alternatives;

// A quoted literal is a std::string: its words match tokens case-insensitively.
struct Primary : x3::variant<Slot, Gap, MacroRef, std::string, x3::forward_ast<Alternatives>> {
  using base_type::base_type;
  using base_type::operator=;
};

// !element: the element must not match here (a zero-width check: "shall"
// !("not" | "be") is "shall" not followed by "not" or "be").
struct Element : Located {
  boost::optional<char> negated;  // '!'
  Primary primary;
  boost::optional<char> optional;  // '?'
};

using Sequence = std::vector<Element>;

// ( a | b c | d ): not fusion-adapted, X3 fills it as a container.
struct Alternatives : std::vector<Sequence> {
  using std::vector<Sequence>::vector;
};

// s funds o; a term is a slot name, @doc (the document's own policy) or
// @country (the document's main country).
struct Head : Located {
  std::string s;
  std::string predicate;
  std::string o;
};

struct Rule : Located {
  std::string name;
  boost::optional<char> anchored;  // '^': the pattern matches only at the sentence's start
  Sequence pattern;
  std::vector<Head> heads;
  boost::optional<double> confidence;
};

struct Define : Located {
  std::string name;
  Alternatives words;
};

struct Statement : x3::variant<Rule, Define> {
  using base_type::base_type;
  using base_type::operator=;
};

using File = std::vector<Statement>;

}  // namespace kg::parsers::rules::ast
