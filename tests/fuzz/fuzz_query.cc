// libFuzzer target: the query language parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kg::query::Parse(text);
  for (const auto& st : kg::query::SplitStatements(text)) (void)kg::query::ParseStatement(text, st);
  return 0;
}
