// Colour and shape per entity type, shared by DOT, GEXF (viz) and the HTML
// viewer so an analyst sees the same legend in every tool.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg::exporting {

struct TypeStyle {
  uint8_t r, g, b;
  std::string_view hex;         // "#1f77b4"
  std::string_view dot_shape;   // Graphviz node shape
  std::string_view gexf_shape;  // viz:shape value: disc|square|triangle|diamond
  std::string_view cy_shape;    // Cytoscape.js node shape
};

// The style of the schema type `type` (spec/schema.md); unknown and empty
// types get a stable style picked from the type name.
const TypeStyle& StyleForType(std::string_view type);

}  // namespace kg::exporting
