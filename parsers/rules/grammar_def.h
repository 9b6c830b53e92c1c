// The rule language grammar. Every rule is named so an expectation failure
// reads "expected slot" rather than a type name.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "parsers/rules/ast.h"
#include "parsers/rules/ast_adapted.h"

namespace kg::parsers::rules::grammar {

namespace x3 = boost::spirit::x3;

// The start of the text, so annotations can turn iterators into line:column.
struct text_begin_tag;

struct annotate {
  template <typename It, typename T, typename Ctx>
  void on_success(It const& first, It const&, T& node, Ctx const& ctx) {
    if constexpr (std::is_base_of_v<ast::Located, T>) {
      It begin = x3::get<text_begin_tag>(ctx);
      int line = 1, col = 1;
      for (It i = begin; i != first; ++i) {
        if (*i == '\n') {
          ++line;
          col = 1;
        } else {
          ++col;
        }
      }
      node.line = line;
      node.column = col;
    }
  }
};

struct identifier_class;
struct type_list_class;
struct slot_class : annotate {};
struct gap_class : annotate {};
struct macro_ref_class : annotate {};
struct literal_class;
struct alternatives_class;
struct primary_class;
struct element_class : annotate {};
struct sequence_class;
struct head_term_class;
struct head_class : annotate {};
struct heads_class;
struct confidence_class;
struct rule_class : annotate {};
struct define_class : annotate {};
struct statement_class;
struct file_class;

const x3::rule<identifier_class, std::string> identifier = "identifier";
const x3::rule<type_list_class, std::vector<std::string>> type_list = "entity type";
const x3::rule<slot_class, ast::Slot> slot = "slot";
const x3::rule<gap_class, ast::Gap> gap = "gap";
const x3::rule<macro_ref_class, ast::MacroRef> macro_ref = "word list reference";
const x3::rule<literal_class, std::string> literal = "quoted words";
const x3::rule<alternatives_class, ast::Alternatives> alternatives = "alternatives";
const x3::rule<primary_class, ast::Primary> primary = "pattern element";
const x3::rule<element_class, ast::Element> element = "pattern element";
const x3::rule<sequence_class, ast::Sequence> sequence = "pattern";
const x3::rule<head_term_class, std::string> head_term = "slot name, @doc or @country";
const x3::rule<head_class, ast::Head> head = "triple (subject predicate object)";
const x3::rule<heads_class, std::vector<ast::Head>> heads = "triple (subject predicate object)";
const x3::rule<confidence_class, double> confidence = "confidence (a number)";
const x3::rule<rule_class, ast::Rule> rule = "rule";
const x3::rule<define_class, ast::Define> define = "define";
const x3::rule<statement_class, ast::Statement> statement = "rule or define";
const x3::rule<file_class, ast::File> file = "rule file";

const auto keyword = [](const char* k) { return x3::lexeme[x3::lit(k) >> !(x3::alnum | '_')]; };

const auto identifier_def =
    x3::lexeme[(x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_('_'))];
const auto type_list_def = identifier % '|';
const auto slot_def = '[' > type_list > ']' > x3::matches['+'] > ':' > identifier;
const auto gap_def = x3::lexeme[x3::string("...") >> -x3::uint_];
const auto macro_ref_def = x3::lexeme[x3::char_('$') > identifier];
const auto literal_def = x3::lexeme['"' > *(('\\' > x3::char_) | ~x3::char_("\"\n")) > '"'];
const auto alternatives_def = '(' > (sequence % '|') > ')';
const auto primary_def = slot | gap | macro_ref | literal | alternatives;
const auto element_def = -x3::char_('!') >> primary >> -x3::char_('?');
const auto sequence_def = +element;
const auto head_term_def = x3::lexeme[x3::string("@") > identifier] | identifier;
const auto head_def = head_term > identifier > head_term;
const auto heads_def = head % ',';
const auto confidence_def = x3::double_;
const auto rule_def = keyword("rule") > identifier > ':' > -x3::char_('^') > sequence > "=>" > heads
                      > -(keyword("confidence") > confidence) > ';';
const auto define_def = keyword("define") > identifier > '=' > (sequence % '|') > ';';
const auto statement_def = rule | define;
const auto file_def = *statement > x3::eoi;

BOOST_SPIRIT_DEFINE(identifier, type_list, slot, gap, macro_ref, literal, alternatives, primary,
                    element, sequence, head_term, head, heads, confidence, rule, define, statement,
                    file)

// Spaces, newlines and # comments between tokens.
const auto skipper = x3::space | x3::lexeme['#' >> *(x3::char_ - x3::eol)];

}  // namespace kg::parsers::rules::grammar
