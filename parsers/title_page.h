// The bodies a document's title page names, each alone on its line:
//
//   Interim Measures for the Management of Generative AI Services
//   Cyberspace Administration of China
//   National Development and Reform Commission
//
// are the makers of the document the page titles.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/entity_finder.h"
#include "parsers/tokenizer.h"

namespace kg::parsers {

struct SentenceTokens {
  const std::vector<Token>* toks;
  const std::vector<Mention>* mentions;
};

// (sentence index, DocState entity) of each agency or bloc named on a line
// of its own (alone, or with others joined by "and", "the", ","), in the
// first run of such lines within a few lines after one that names the
// document's own policy (st.doc_policy), near the start of `text`. None
// when the run names more bodies than a document has makers.
std::vector<std::pair<uint32_t, int>> TitlePageBodies(std::string_view text,
                                                      const std::vector<SentenceTokens>& sents,
                                                      const DocState& st);

}  // namespace kg::parsers
