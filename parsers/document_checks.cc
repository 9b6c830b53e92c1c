#include "parsers/document_checks.h"

#include <algorithm>
#include <set>

#include "kg/name_fold.h"
#include "parsers/name_words.h"

namespace kg::parsers {
namespace {

// A name that opens with an officer's title: "Director of the ...".
bool NamesAnOfficer(const std::string& label) {
  return name_words::kOfficerTitles.Contains(FoldName(label.substr(0, label.find(' '))));
}

}  // namespace

void DropUnsoundTriples(const std::string& doc, std::vector<ExtractedTriple>* triples) {
  const bool executive_order = doc.starts_with("Executive Order");
  std::set<std::string> issuers;
  for (const auto& t : *triples)
    if (!doc.empty() && t.p == "issued_by" && t.s == doc) issuers.insert(t.o);
  std::erase_if(*triples, [&](const ExtractedTriple& t) {
    if (t.p == "directs" && !doc.empty() && t.s == doc)
      return issuers.count(t.o) > 0 || (executive_order && t.o.starts_with("President of"));
    return t.p == "part_of" && t.o_type == EntityType::kAgency && NamesAnOfficer(t.o);
  });
}

}  // namespace kg::parsers
