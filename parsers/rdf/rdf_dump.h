// Dumping a whole store as N-Triples or N-Quads, streaming.
//
// N-Triples: every triple once, in the store's SPO key order. N-Quads: one
// quad per supporting document, the graph being the document's IRI
// <urn:kg:doc:ID> (vocab::kDocumentNs), documents in id order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "kg/store.h"
#include "parsers/rdf/rdf_reader.h"
#include "parsers/rdf/rdf_writer.h"

namespace kg::rdf {

// urn:kg:doc:ID, percent-encoding what an IRI may not hold.
std::string DocumentIri(std::string_view doc_id);

// Writes everything in `store` to `out`; *statements receives the number of
// lines written.
Status Dump(const Store& store, Format format, Writer* out, uint64_t* statements);

}  // namespace kg::rdf
