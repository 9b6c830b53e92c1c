// The one iterator and skipper type the query grammar is compiled for.
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace kg::query::grammar {

namespace x3 = boost::spirit::x3;

// Queries are parsed from contiguous text: offsets are pointer differences.
using iterator_type = const char*;

// Tag under which the start of the text sits in the parse context, so the
// position annotator can turn iterators into offsets.
struct input_begin_tag;
struct Origin {
  const char* begin = nullptr;  // start of the text being parsed
  uint32_t base = 0;            // its offset in the whole script
};

}  // namespace kg::query::grammar
