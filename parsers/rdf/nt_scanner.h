// Byte-level scanners for the terms of N-Triples and N-Quads (RDF 1.1), used
// by Reader. Each scans one term starting at `p`, stops before `e`, advances
// `p` past the term and writes its value; on failure it records where and why.
// Internal to parsers/rdf.
#pragma once

#include <cstdint>
#include <string>

#include "kg/term.h"

namespace kg::rdf::scan {

struct Error {
  const char* at = nullptr;  // where the fault is, inside the line being scanned
  std::string message;
  bool not_supported = false;  // valid RDF 1.2 that kg refuses, not a syntax error
};

// Length of the valid UTF-8 sequence starting at p (p < e, *p >= 0x80), or 0
// when it is invalid, overlong, a surrogate or beyond U+10FFFF; `cp` receives
// the code point.
int DecodeUtf8(const char* p, const char* e, uint32_t* cp);
// A message for the invalid sequence at p ("invalid UTF-8 byte 0xC0", ...).
std::string Utf8Problem(const char* p, const char* e);

// <iri> — absolute IRIs only; \u and \U escapes decoded.
bool Iri(const char*& p, const char* e, std::string* out, Error* err);
// _:label
bool BlankNode(const char*& p, const char* e, std::string* out, Error* err);
// "lexical" with optional @lang or ^^<datatype>; fills a literal Term.
bool Literal(const char*& p, const char* e, Term* out, Error* err);
// Skips a comment ('#' to the end of the line segment), validating its UTF-8.
bool Comment(const char*& p, const char* e, Error* err);

}  // namespace kg::rdf::scan
