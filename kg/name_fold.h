// Name folding for the store's label and alias index.
//
// The store, the query engine and the extractor compare entity names after
// the same folding, so "The CHIPS  and Science Act", "the chips and science
// act" and curly-quoted or en-dashed spellings all meet in one index entry.
#pragma once

#include <string>
#include <string_view>

namespace kg {

// Lower-cases ASCII and Latin-1 letters (UTF-8 U+00C0..U+00DE), turns curly
// quotes into ' and ", every dash (U+2010..U+2015, U+2212, ...) into '-',
// runs of whitespace (including no-break and other Unicode spaces) into one
// space, and trims. Other bytes pass through unchanged.
std::string FoldName(std::string_view name);

// The name an IRI gives its subject: its local name (vocab::LocalName),
// percent-decoded, with '-' and '_' read as spaces, then folded.
std::string FoldedLocalName(std::string_view iri);

}  // namespace kg
