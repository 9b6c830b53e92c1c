// libFuzzer target: the N-Triples / N-Quads parser. The first byte picks the
// syntax so one corpus exercises both.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/rdf/rdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto format = (data[0] & 1) ? kg::rdf::Format::kNQuads : kg::rdf::Format::kNTriples;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto reader = kg::rdf::Reader::FromString(std::move(text), format, "fuzz");
  kg::rdf::Quad quad;
  while (reader->Next(&quad)) {
    // Round-trip what parsed: serialising must never crash either.
    (void)quad.s.ToNTriples();
    (void)quad.o.ToNTriples();
  }
  return 0;
}
