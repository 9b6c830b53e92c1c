// A real RocksDB store, built with PutDocument, whose entity labels hold
// quotes, <, &, newlines, non-ASCII, </script> and Mermaid's `end`.
#pragma once

#include <string>

namespace kg::exporting::testing {

// Builds the store in `dir` and closes it. 7 entities (one isolated), 7
// relation triples; China funds "end" in two documents (weight 2).
void BuildPolicyStore(const std::string& dir);

inline constexpr int kPolicyNodes = 7;
inline constexpr int kPolicyEdges = 7;

}  // namespace kg::exporting::testing
