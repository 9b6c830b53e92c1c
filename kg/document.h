// What kg keeps about a source document and about the evidence for a triple.
#pragma once

#include <cstdint>
#include <string>

#include "kg/term.h"

namespace kg {

struct DocumentInfo {
  std::string id;  // file name without extension, or the jsonl record's id
  std::string title;
  std::string date;           // ISO 8601 day (YYYY-MM-DD) when known, else empty
  std::string source;         // path or URL it was read from
  std::string content_hash;   // hex digest of the text; equal hash = unchanged document
  uint64_t triple_count = 0;  // statements stored for it (filled in by the store)
};

// Where a statement was read: one sentence of one document.
struct Evidence {
  std::string doc_id;           // filled in by the store on read
  uint32_t sentence_index = 0;  // 0-based sentence number in the document
  uint32_t begin = 0;           // byte span of the sentence in the document text
  uint32_t end = 0;
  std::string sentence;  // the sentence text itself
  std::string rule;      // extraction rule that produced it ("rdf" for loaded data)
  float confidence = 1.0f;
};

// One statement of a document as handed to the store: terms, not ids, so a
// parser never touches the dictionary. Evidence is optional (RDF loads have none).
struct Statement {
  Term s, p, o;
  bool has_evidence = false;
  Evidence evidence;
};

}  // namespace kg
