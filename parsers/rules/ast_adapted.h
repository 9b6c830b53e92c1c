// Fusion adaptation of the AST for X3. Alternatives is a container and is
// deliberately not adapted: a single-member fusion struct would make X3
// treat the member, not the struct, as the attribute.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "parsers/rules/ast.h"

BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::Slot, types, list, name)
BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::Gap, dots, max)
BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::MacroRef, sigil, name)
BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::Element, negated, primary, optional)
BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::Head, s, predicate, o)
BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::Rule, name, anchored, pattern, heads, confidence)
BOOST_FUSION_ADAPT_STRUCT(kg::parsers::rules::ast::Define, name, words)
