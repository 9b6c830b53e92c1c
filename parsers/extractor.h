// Extractor: one document in, entities and relations with evidence out.
//
//   auto res = ExtractionResources::Load({.data_dir = FindDataDir()});
//   Extractor ex(**res);
//   Extraction x = ex.Extract(doc);   // x.triples, x.entities
//
// The pipeline: sentences (sentence_splitter) -> tokens -> entity mentions
// (lexicon, patterns, references; entity_finder) -> relation rules
// (data/rules/*.rules; relation_matcher) -> one triple per (s, p, o) with the
// evidence of its first sentence.
// Thread-safety: Extract() is const and may run on several threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kg/status.h"
#include "parsers/document_reader.h"
#include "parsers/entity_type.h"
#include "parsers/lexicon.h"
#include "parsers/rules/rule_set.h"

namespace kg::parsers {

struct ExtractedTriple {
  std::string s, p, o;  // canonical labels and the predicate name
  EntityType s_type = EntityType::kTechnology, o_type = EntityType::kTechnology;
  uint32_t sentence_index = 0;
  uint32_t begin = 0, end = 0;  // byte span of the sentence in the document text
  std::string sentence;         // the sentence, whitespace collapsed
  std::string rule;
  float confidence = 1.0f;
};

struct ExtractedEntity {
  std::string label;
  EntityType type = EntityType::kTechnology;
  std::vector<std::string> aliases;  // lexicon aliases and names seen in the document
  std::string wikidata;
};

struct Extraction {
  std::vector<ExtractedTriple> triples;
  std::vector<ExtractedEntity> entities;  // every entity the document mentions
  size_t sentences = 0;
};

struct ResourceOptions {
  std::string data_dir;                    // holds lexicon/ and rules/
  std::vector<std::string> lexicon_files;  // --lexicon
  std::vector<std::string> rule_files;     // --rules
};

class ExtractionResources {
 public:
  // Errors name the file and position of a bad lexicon or rule file.
  static Result<std::unique_ptr<ExtractionResources>> Load(const ResourceOptions& options);
  Lexicon lexicon;
  rules::RuleSet rules;
};

// $KG_DATA_DIR, else <executable dir>/../data, else the source tree's data/.
std::string FindDataDir();

class Extractor {
 public:
  explicit Extractor(const ExtractionResources& res) : res_(res) {}
  Extraction Extract(const SourceDocument& doc) const;

 private:
  const ExtractionResources& res_;
};

// The lexicon's part_of links between technologies (and agencies), as
// triples with the lexicon as their source.
std::vector<ExtractedTriple> LexiconLinks(const Lexicon& lexicon);

}  // namespace kg::parsers
