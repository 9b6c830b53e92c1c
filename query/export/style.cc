#include "query/export/style.h"

#include <array>
#include <utility>

namespace kg::exporting {
namespace {

// Tableau-like palette; shapes exist in all three tools.
constexpr std::array<std::pair<std::string_view, TypeStyle>, 12> kStyles{{
    {"Country", {31, 119, 180, "#1f77b4", "ellipse", "disc", "ellipse"}},
    {"Bloc", {23, 190, 207, "#17becf", "doublecircle", "disc", "ellipse"}},
    {"Agency", {148, 103, 189, "#9467bd", "box", "square", "round-rectangle"}},
    {"Company", {255, 127, 14, "#ff7f0e", "box", "square", "rectangle"}},
    {"Institute", {140, 86, 75, "#8c564b", "house", "triangle", "triangle"}},
    {"Person", {227, 119, 194, "#e377c2", "ellipse", "disc", "ellipse"}},
    {"Technology", {44, 160, 44, "#2ca02c", "diamond", "diamond", "diamond"}},
    {"Sector", {188, 189, 34, "#bcbd22", "hexagon", "square", "hexagon"}},
    {"Policy", {214, 39, 40, "#d62728", "note", "square", "rectangle"}},
    {"Goal", {255, 187, 120, "#ffbb78", "octagon", "diamond", "octagon"}},
    {"Product", {174, 199, 232, "#aec7e8", "component", "triangle", "round-triangle"}},
    {"Place", {152, 223, 138, "#98df8a", "invtriangle", "triangle", "vee"}},
}};

constexpr std::array<TypeStyle, 4> kOther{{
    {127, 127, 127, "#7f7f7f", "ellipse", "disc", "ellipse"},
    {197, 176, 213, "#c5b0d5", "box", "square", "rectangle"},
    {196, 156, 148, "#c49c94", "diamond", "diamond", "diamond"},
    {219, 219, 141, "#dbdb8d", "triangle", "triangle", "triangle"},
}};

}  // namespace

const TypeStyle& StyleForType(std::string_view type) {
  for (const auto& [name, style] : kStyles) {
    if (name == type) return style;
  }
  if (type.empty()) return kOther[0];
  size_t h = 0;
  for (unsigned char c : type) h = h * 31 + c;
  return kOther[h % kOther.size()];
}

}  // namespace kg::exporting
