// Fusion adaptation of the AST structs the grammar fills by sequence.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "query/ast.h"

BOOST_FUSION_ADAPT_STRUCT(kg::query::ast::TriplePattern, s, p, o)
