// Writer: N-Triples / N-Quads output, one statement a line, buffered.
//
// Escapes what the grammar forbids raw (in IRIs as \uXXXX, in strings as
// ECHAR or \uXXXX), writes other UTF-8 as it is, and rewrites blank node
// labels that the grammar would not accept into a safe form, so the output
// always parses back.
#pragma once

#include <cstdio>
#include <string>

#include "kg/status.h"
#include "kg/term.h"
#include "parsers/rdf/rdf_reader.h"

namespace kg::rdf {

// Appends `t` in N-Triples syntax.
void AppendTerm(std::string* out, const Term& t);
// One statement line, with the trailing " .\n"; `graph` may be null.
void AppendStatement(std::string* out, const Term& s, const Term& p, const Term& o,
                     const Term* graph);

class Writer {
 public:
  // Writes to `file` (not owned; e.g. stdout). `name` is used in error messages.
  Writer(std::FILE* file, std::string name);
  ~Writer();

  Status Write(const Term& s, const Term& p, const Term& o, const Term* graph = nullptr);
  // Appends preformatted N-Triples text (terms already serialized).
  Status WriteRaw(std::string_view text);
  Status Flush();

 private:
  std::FILE* file_;
  std::string name_;
  std::string buf_;
};

}  // namespace kg::rdf
