// The query grammar in Spirit X3. Rule names are what a syntax error says was
// expected, so each is written for the user. Keywords are case-insensitive
// and whole-word; `--` comments and whitespace are skipped between tokens.
#pragma once

#include <cctype>
#include <string>
#include <type_traits>

#include "query/ast.h"
#include "query/ast_adapted.h"
#include "query/config.h"

// Errors name what was expected: an action reports its subject's name, not
// its C++ type.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  typedef std::string result_type;
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
}  // namespace boost::spirit::x3

namespace kg::query::grammar {

using x3::lexeme;
using x3::lit;
using x3::no_case;

// Sets offset/length on every AST node a rule produces.
struct annotate_position {
  template <typename It, typename Attr, typename Ctx>
  void on_success(It const& first, It const& last, Attr& attr, Ctx const& ctx) const {
    if constexpr (std::is_base_of_v<ast::Located, Attr>) {
      Origin const& origin = x3::get<input_begin_tag>(ctx);
      attr.offset = origin.base + static_cast<uint32_t>(first - origin.begin);
      attr.length = static_cast<uint32_t>(last - first);
    }
  }
};

// A character that may appear in a bare word: ASCII letters and digits, '_',
// and any byte of a multi-byte UTF-8 sequence.
struct WordCharParser : x3::parser<WordCharParser> {
  using attribute_type = char;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last) return false;
    unsigned char c = static_cast<unsigned char>(*first);
    if (std::isalnum(c) || c == '_' || c >= 0x80) {
      x3::traits::move_to(*first, attr);
      ++first;
      return true;
    }
    return false;
  }
};
inline WordCharParser const word_char{};

inline auto kw(char const* word) { return lexeme[no_case[lit(word)] >> !word_char]; }

auto const skipper = x3::char_(" \t\r\n\f\v") | lexeme["--" >> *(x3::char_ - x3::eol)];

auto const reserved =
    kw("find") | kw("where") | kw("count") | kw("path") | kw("neighbors") | kw("describe") |
    kw("why") | kw("explain") | kw("not") | kw("optional") | kw("filter") | kw("since") |
    kw("order") | kw("group") | kw("by") | kw("limit") | kw("offset") | kw("distinct") | kw("as") |
    kw("to") | kw("max") | kw("depth") | kw("in") | kw("and") | kw("or") | kw("asc") | kw("desc");

// ---- semantic actions ------------------------------------------------------
template <ast::Term::Kind K>
struct SetTerm {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    auto& attr = x3::_attr(ctx);
    x3::_val(ctx).kind = K;
    x3::_val(ctx).text.assign(attr.begin(), attr.end());
  }
};

// ---- rules -----------------------------------------------------------------
struct term_class : annotate_position {};
struct name_class : annotate_position {};
struct variable_class : annotate_position {};
struct date_class : annotate_position {};
struct integer_class : annotate_position {};
struct predicate_name_class : annotate_position {};
struct predicate_class : annotate_position {};
struct triple_class : annotate_position {};
struct comparison_class : annotate_position {};
struct filter_expr_class : annotate_position {};
struct filter_factor_class : annotate_position {};
struct element_class : annotate_position {};
struct body_class : annotate_position {};
struct projection_class : annotate_position {};
struct order_key_class : annotate_position {};
struct query_class : annotate_position {};
struct where_class {};
struct to_class {};
struct by_class {};
struct count_value_class {};
struct alias_class {};

x3::rule<class variable_inner_class, ast::Term> const variable_inner = "a ?variable";
x3::rule<variable_class, ast::Term> const variable = "a ?variable";
x3::rule<class string_class, ast::Term> const quoted = "a quoted string";
x3::rule<class iri_class, ast::Term> const iri = "an <IRI>";
x3::rule<class date_inner_class, ast::Term> const date_inner = "a date (YYYY-MM-DD)";
x3::rule<date_class, ast::Term> const date = "a date (YYYY-MM-DD)";
x3::rule<class decimal_class, ast::Term> const decimal = "a decimal number";
x3::rule<integer_class, ast::Term> const integer = "an integer";
x3::rule<class word_class, ast::Term> const word = "a name";
x3::rule<name_class, ast::Term> const name = "a name (a word, a \"quoted name\" or an <IRI>)";
x3::rule<term_class, ast::Term> const term = "a term (a ?variable, a name or a literal)";
x3::rule<predicate_name_class, ast::Term> const predicate_name = "a predicate";
x3::rule<class predicate_inner_class, ast::PredicatePath> const predicate_inner = "a predicate";
x3::rule<triple_class, ast::TriplePattern> const triple = "a pattern (subject predicate object)";
x3::rule<class comparison_inner_class, ast::Comparison> const comparison_inner =
    "a comparison (?x = value, ?x ~ \"text\", ?x in (...))";
x3::rule<class compare_op_class, std::string> const compare_op =
    "a comparison operator (=, !=, <, >, <=, >=, ~ or in)";
x3::rule<class filter_expr_inner_class, ast::FilterExpr> const filter_expr_inner =
    "a filter condition";
x3::rule<class element_inner_class, ast::Element> const element_inner =
    "a pattern, not { ... }, optional { ... }, filter(...) or since DATE";
x3::rule<body_class, std::vector<ast::Element>> const body =
    "a pattern, not { ... }, optional { ... }, filter(...) or since DATE";
x3::rule<class projection_inner_class, ast::Projection> const projection_inner =
    "a ?variable or an aggregate such as count(?x)";
x3::rule<class order_key_inner_class, ast::OrderKey> const order_key_inner =
    "an order key (a ?variable, an alias or an aggregate)";
x3::rule<class query_inner_class, ast::Query> const query_inner =
    "a query (find, count, path, neighbors, describe, why, explain or a pattern)";
x3::rule<predicate_class, ast::PredicatePath> const predicate = "a predicate";
x3::rule<comparison_class, ast::Comparison> const comparison =
    "a comparison (?x = value, ?x ~ \"text\", ?x in (...))";
x3::rule<filter_expr_class, ast::FilterExpr> const filter_expr = "a filter condition";
x3::rule<filter_factor_class, ast::FilterFactor> const filter_factor =
    "a comparison (?x = value, ?x ~ \"text\", ?x in (...)) or a (condition)";
x3::rule<element_class, ast::Element> const element =
    "a pattern, not { ... }, optional { ... }, filter(...) or since DATE";
x3::rule<projection_class, ast::Projection> const projection =
    "a ?variable or an aggregate such as count(?x)";
x3::rule<order_key_class, ast::OrderKey> const order_key =
    "an order key (a ?variable, an alias or an aggregate)";
x3::rule<query_class, ast::Query> const query =
    "a query (find, count, path, neighbors, describe, why, explain or a pattern)";
x3::rule<where_class> const where_kw = "'where'";
x3::rule<to_class> const to_kw = "'to'";
x3::rule<by_class> const by_kw = "'by'";
x3::rule<count_value_class, int64_t> const count_value = "an integer";
x3::rule<alias_class, std::string> const alias = "an alias name";

auto const digit = x3::char_("0-9");
auto const assign_range = [](auto& ctx) {
  x3::_val(ctx).assign(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
};

auto const variable_def = variable_inner;
auto const variable_inner_def =
    lexeme['?' > x3::raw[+word_char]][SetTerm<ast::Term::Kind::kVariable>{}];

auto const escaped_char = lit('\\') >>
                          (x3::char_('"') | x3::char_('\\') | x3::char_('\'') |
                           (lit('n') >> x3::attr('\n')) | (lit('t') >> x3::attr('\t')));
auto const set_string = [](auto& ctx) {
  x3::_val(ctx).kind = ast::Term::Kind::kString;
  x3::_val(ctx).text = x3::_attr(ctx);
};
x3::rule<class dq_class, std::string> const dq_body = "a closing '\"'";
x3::rule<class sq_class, std::string> const sq_body = "a closing \"'\"";
auto const dq_body_def = *(escaped_char | (x3::char_ - '"'));
auto const sq_body_def = *(escaped_char | (x3::char_ - '\''));
x3::rule<class quoted_text_class, std::string> const quoted_text = "a quoted string";
auto const quoted_text_def = lexeme[('"' > dq_body > '"') | ('\'' > sq_body > '\'')];
auto const quoted_def = quoted_text[set_string];

auto const iri_def = lexeme['<' >> x3::raw[*(x3::char_ - x3::char_("> \t\r\n"))] >> '>']
                           [SetTerm<ast::Term::Kind::kIri>{}];

auto const date_def = date_inner;
auto const date_inner_def = lexeme[x3::raw[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >>
                                           '-' >> x3::repeat(2)[digit]] >>
                                   !word_char][SetTerm<ast::Term::Kind::kDate>{}];

auto const decimal_def = lexeme[x3::raw[-x3::char_("-+") >> +digit >> '.' >> +digit] >> !word_char]
                               [SetTerm<ast::Term::Kind::kDecimal>{}];

auto const integer_def =
    lexeme[x3::raw[-x3::char_("-+") >> +digit] >> !word_char][SetTerm<ast::Term::Kind::kInteger>{}];

// Inside a bare word: '-', '.', '\'' and '&' when another word character follows
// ("DeepSeek-R1", "U.S"), never "--", which starts a comment.
auto const word_def =
    (!reserved >> lexeme[x3::raw[word_char >> *(word_char | (x3::char_("-.'&") >> &word_char))]])
        [SetTerm<ast::Term::Kind::kWord>{}];

auto const name_def = quoted | iri | word;
auto const term_def = variable | date | decimal | integer | quoted | iri | word;

x3::rule<class predicate_word_class, ast::Term> const predicate_word = "a predicate";
auto const predicate_word_def = lexeme[x3::raw[x3::char_("a-zA-Z_") >> *x3::char_("a-zA-Z0-9_")]]
                                      [SetTerm<ast::Term::Kind::kWord>{}];
auto const predicate_name_def = iri | predicate_word;

auto const set_predicate = [](auto& ctx) {
  auto& attr = x3::_attr(ctx);
  x3::_val(ctx).alternatives = boost::fusion::at_c<0>(attr);
  auto const& mod = boost::fusion::at_c<1>(attr);
  x3::_val(ctx).modifier = mod ? *mod : 0;
};
x3::rule<class predicate_alts_class, std::vector<ast::Term>> const predicate_alts = "a predicate";
auto const predicate_alts_def =
    (lit('(') > (predicate_name % '|') > ')') | x3::repeat(1)[predicate_name];
auto const predicate_inner_def = (predicate_alts >> -lexeme[x3::char_("+*")])[set_predicate];

auto const triple_def = term > predicate > term;

auto const compare_op_def = x3::raw[lit("!=") | lit("<=") | lit(">=") | lit('=') | lit('<') |
                                    lit('>') | lit('~')][assign_range];
auto const set_lhs = [](auto& ctx) { x3::_val(ctx).lhs = x3::_attr(ctx); };
auto const set_in = [](auto& ctx) {
  x3::_val(ctx).op = "in";
  x3::_val(ctx).rhs = x3::_attr(ctx);
};
auto const set_op = [](auto& ctx) {
  x3::_val(ctx).op = boost::fusion::at_c<0>(x3::_attr(ctx));
  x3::_val(ctx).rhs = {boost::fusion::at_c<1>(x3::_attr(ctx))};
};
auto const comparison_inner_def = term[set_lhs] > ((kw("in") > '(' > (term % ',') > ')')[set_in] |
                                                   (compare_op > term)[set_op]);

auto const set_nested = [](auto& ctx) { x3::_val(ctx).nested.assign(1, x3::_attr(ctx)); };
auto const set_comparison = [](auto& ctx) { x3::_val(ctx).comparison = x3::_attr(ctx); };
// A term never starts with '(', so a parenthesis here opens a sub-condition.
auto const filter_factor_def =
    (lit('(') > filter_expr > ')')[set_nested] | comparison[set_comparison];
auto const set_any_of = [](auto& ctx) { x3::_val(ctx).any_of = x3::_attr(ctx); };
auto const filter_expr_inner_def = ((filter_factor % kw("and")) % kw("or"))[set_any_of];

template <ast::Element::Kind K>
struct SetElement {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    auto& e = x3::_val(ctx);
    e.kind = K;
    if constexpr (K == ast::Element::Kind::kTriple) e.triple = x3::_attr(ctx);
    if constexpr (K == ast::Element::Kind::kNot || K == ast::Element::Kind::kOptional)
      e.group = x3::_attr(ctx);
    if constexpr (K == ast::Element::Kind::kFilter) e.filter = x3::_attr(ctx);
    if constexpr (K == ast::Element::Kind::kSince) e.date = x3::_attr(ctx);
  }
};
auto const element_inner_def =
    (kw("not") > '{' > body > '}')[SetElement<ast::Element::Kind::kNot>{}] |
    (kw("optional") > '{' > body > '}')[SetElement<ast::Element::Kind::kOptional>{}] |
    (kw("filter") > '(' > filter_expr > ')')[SetElement<ast::Element::Kind::kFilter>{}] |
    (kw("since") > date)[SetElement<ast::Element::Kind::kSince>{}] |
    triple[SetElement<ast::Element::Kind::kTriple>{}];

auto const body_def = element % ',';

auto const where_kw_def = kw("where");
auto const to_kw_def = kw("to");
auto const by_kw_def = kw("by");
auto const count_value_def = lexeme[x3::int64 >> !word_char];
auto const alias_def =
    lexeme[x3::raw[x3::char_("a-zA-Z_") >> *x3::char_("a-zA-Z0-9_")]][assign_range];

// ---- projections and order keys --------------------------------------------
auto const set_aggregate = [](auto& ctx) {
  auto& p = x3::_val(ctx);
  std::string agg = boost::fusion::at_c<0>(x3::_attr(ctx));
  for (char& c : agg) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  p.aggregate = agg;
  p.distinct = boost::fusion::at_c<1>(x3::_attr(ctx));
};
auto const set_star = [](auto& ctx) {
  x3::_val(ctx).var.kind = ast::Term::Kind::kStar;
  x3::_val(ctx).var.text = "*";
};
auto const set_var = [](auto& ctx) { x3::_val(ctx).var = x3::_attr(ctx); };
auto const set_alias = [](auto& ctx) { x3::_val(ctx).alias = x3::_attr(ctx); };
x3::rule<class aggregate_name_class, std::string> const aggregate_name = "an aggregate";
auto const aggregate_name_def =
    lexeme[x3::raw[no_case[lit("count") | lit("min") | lit("max") | lit("sum") | lit("avg")]]
                  [assign_range] >>
           &lit('(')];
auto const aggregate_call = (aggregate_name >> '(' >> x3::matches[kw("distinct")])[set_aggregate] >
                            (variable[set_var] | lit('*')[set_star]) > ')';
auto const projection_inner_def = (aggregate_call | variable[set_var]) >>
                                  -(kw("as") > alias[set_alias]);

auto const set_key = [](auto& ctx) { x3::_val(ctx).key = x3::_attr(ctx); };
auto const set_alias_key = [](auto& ctx) {
  auto& k = x3::_val(ctx).key;
  k.var.kind = ast::Term::Kind::kWord;
  k.var.text = x3::_attr(ctx);
};
auto const set_desc = [](auto& ctx) { x3::_val(ctx).descending = true; };
auto const order_key_inner_def = (projection[set_key] | (!reserved >> alias)[set_alias_key]) >>
                                 -(kw("asc") | kw("desc")[set_desc]);

// ---- queries ---------------------------------------------------------------
template <ast::Query::Kind K>
struct SetKind {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    x3::_val(ctx).kind = K;
  }
};
auto const set_explain = [](auto& ctx) { x3::_val(ctx).explain = x3::_attr(ctx); };
auto const set_distinct = [](auto& ctx) { x3::_val(ctx).distinct = x3::_attr(ctx); };
auto const set_projections = [](auto& ctx) { x3::_val(ctx).projections = x3::_attr(ctx); };
auto const set_body = [](auto& ctx) { x3::_val(ctx).body = x3::_attr(ctx); };
auto const set_group_by = [](auto& ctx) { x3::_val(ctx).group_by = x3::_attr(ctx); };
auto const set_order_by = [](auto& ctx) { x3::_val(ctx).order_by = x3::_attr(ctx); };
auto const set_limit = [](auto& ctx) { x3::_val(ctx).limit = x3::_attr(ctx); };
auto const set_offset = [](auto& ctx) { x3::_val(ctx).skip = x3::_attr(ctx); };
auto const set_from = [](auto& ctx) { x3::_val(ctx).from = x3::_attr(ctx); };
auto const set_to = [](auto& ctx) { x3::_val(ctx).to = x3::_attr(ctx); };
auto const set_depth = [](auto& ctx) { x3::_val(ctx).depth = x3::_attr(ctx); };
auto const set_why = [](auto& ctx) { x3::_val(ctx).why = x3::_attr(ctx); };

auto const tail = -(kw("group") > by_kw > (variable % ',')[set_group_by]) >>
                  -(kw("order") > by_kw > (order_key % ',')[set_order_by]) >>
                  -(kw("limit") > count_value[set_limit]) >>
                  -(kw("offset") > count_value[set_offset]);

auto const find_query = kw("find")[SetKind<ast::Query::Kind::kFind>{}] >
                        x3::matches[kw("distinct")][set_distinct] >
                        (projection % ',')[set_projections] > where_kw > body[set_body] > tail;
auto const count_query =
    (kw("count") >> !lit('('))[SetKind<ast::Query::Kind::kCount>{}] > body[set_body];
auto const path_query = kw("path")[SetKind<ast::Query::Kind::kPath>{}] > name[set_from] > to_kw >
                        name[set_to] > -(kw("max") > count_value[set_depth]);
auto const neighbors_query = kw("neighbors")[SetKind<ast::Query::Kind::kNeighbors>{}] >
                             name[set_from] > -(kw("depth") > count_value[set_depth]);
auto const describe_query = kw("describe")[SetKind<ast::Query::Kind::kDescribe>{}] > name[set_from];
auto const why_query = kw("why")[SetKind<ast::Query::Kind::kWhy>{}] > triple[set_why];
auto const pattern_query = x3::eps[SetKind<ast::Query::Kind::kPattern>{}] >> body[set_body] >> tail;

auto const query_inner_def = x3::matches[kw("explain")][set_explain] >>
                             (find_query | count_query | path_query | neighbors_query |
                              describe_query | why_query | pattern_query);

auto const predicate_def = predicate_inner;
auto const comparison_def = comparison_inner;
auto const filter_expr_def = filter_expr_inner;
auto const element_def = element_inner;
auto const projection_def = projection_inner;
auto const order_key_def = order_key_inner;
auto const query_def = query_inner;

BOOST_SPIRIT_DEFINE(variable, quoted, iri, date, decimal, integer, word, name, term, predicate_name,
                    predicate, triple, comparison, compare_op, filter_expr, filter_factor, element,
                    body, projection, order_key, query, where_kw, to_kw, by_kw, count_value, alias,
                    dq_body, sq_body, quoted_text, predicate_alts, aggregate_name, predicate_word,
                    predicate_inner, comparison_inner, filter_expr_inner, element_inner,
                    projection_inner, order_key_inner, query_inner, variable_inner, date_inner)

}  // namespace kg::query::grammar
