// Checks on a document's triples as a whole, after every sentence is read:
// what no single rule can see from its sentence alone.
#pragma once

#include <string>
#include <vector>

#include "parsers/extractor.h"

namespace kg::parsers {

// Drops what cannot be so:
// - the document directing its own author: "The President shall designate
//   a Chairman", in the President's order, says what its issuer will do (an
//   act of Congress that says "The President shall" does direct him). An
//   executive order is a president's, whether or not its text says so;
// - a part_of pointing at an officer: "the President's Export Council"
//   advises the President, and in "the Director of the Finance Ministry's
//   Customs Department" the department is the ministry's. Only bodies have
//   parts.
// `doc` is the document's own policy label, or empty.
void DropUnsoundTriples(const std::string& doc, std::vector<ExtractedTriple>* triples);

}  // namespace kg::parsers
