#include "parsers/entity_type.h"

#include <array>

namespace kg::parsers {

namespace {
constexpr std::array<std::string_view, kNumEntityTypes> kNames = {
    "Country",    "Bloc",   "Agency", "Company", "Institute", "Person",
    "Technology", "Sector", "Policy", "Goal",    "Product",   "Place"};
}  // namespace

std::string_view TypeName(EntityType t) { return kNames[static_cast<int>(t)]; }

std::optional<EntityType> ParseType(std::string_view name) {
  for (int i = 0; i < kNumEntityTypes; ++i)
    if (kNames[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

}  // namespace kg::parsers
