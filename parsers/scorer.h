// Scores extracted triples against gold annotations exactly as the
// reference scorer (tools/kgscore.py) does: names compared after folding
// (curly quotes, dashes, case, whitespace, a leading article), gold aliases
// mapped to their entity, s/p/o lists as alternatives, one prediction per
// distinct (s, p, o) per document, only documents present in the gold.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "kg/status.h"

namespace kg::parsers {

struct GoldRelation {
  std::set<std::string> s, p, o;  // canonical (mapped) names
  std::string evidence, s_text, p_text, o_text;
};

struct GoldDocument {
  std::map<std::string, std::string> alias;  // folded name -> label
  std::vector<GoldRelation> relations;
};

using Gold = std::map<std::string, GoldDocument>;  // by doc id, sorted as the scorer sorts

// Errors: InvalidInput "FILE:LINE: message".
Result<Gold> LoadGold(const std::string& path);

struct DocScore {
  std::string doc;
  size_t tp_pred = 0, pred = 0, tp_gold = 0, gold = 0;
  std::vector<std::string> missed, extra;
};

struct Score {
  std::vector<DocScore> docs;
  size_t tp_pred = 0, pred = 0, tp_gold = 0, gold = 0;
  double precision() const { return pred ? double(tp_pred) / pred : 0.0; }
  double recall() const { return gold ? double(tp_gold) / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Prediction {
  std::string doc, s, p, o;
};

Score ScoreTriples(const Gold& gold, const std::vector<Prediction>& preds);

}  // namespace kg::parsers
