// Value layouts of the column families (see kg/FORMAT.md): terms, document
// rows, evidence rows, support lists and statistics. Varints are LEB128.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/document.h"
#include "kg/store.h"
#include "kg/term.h"

namespace kg::rows {

void AppendVarint(std::string* out, uint64_t v);
// Reads a varint from the front of *in; false when truncated.
bool ReadVarint(std::string_view* in, uint64_t* v);
void AppendString(std::string* out, std::string_view s);  // varint length + bytes
bool ReadString(std::string_view* in, std::string* s);

// The dictionary form of a term: kind byte, then for literals the datatype and
// language (length-prefixed), then the value. xsd:string and rdf:langString
// datatypes are dropped so each RDF term has exactly one encoding.
std::string EncodeTerm(const Term& term);
void AppendEncodedTerm(std::string* out, const Term& term);
bool DecodeTerm(std::string_view in, Term* term);

// A document row: doc number, flags, triple count, title, date, source, hash.
struct DocRow {
  uint32_t number = 0;
  bool bulk = false;  // loaded by a BulkLoader: no docstmt rows (see FORMAT.md)
  DocumentInfo info;
};
std::string EncodeDocRow(const DocRow& row);
bool DecodeDocRow(std::string_view doc_id, std::string_view in, DocRow* row);

std::string EncodeEvidence(const Evidence& e);
bool DecodeEvidence(std::string_view in, Evidence* e);

// Support list: ascending doc numbers as varints.
std::string EncodeSupport(const std::vector<uint32_t>& docs);
bool DecodeSupport(std::string_view in, std::vector<uint32_t>* docs);

std::string EncodePredicateStats(const PredicateStats& s);
bool DecodePredicateStats(std::string_view in, PredicateStats* s);

std::string EncodeCount(uint64_t v);  // a single varint
bool DecodeCount(std::string_view in, uint64_t* v);

}  // namespace kg::rows
