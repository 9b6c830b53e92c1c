// The schema's entity types (../spec: Country, Bloc, Agency, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg::parsers {

enum class EntityType : uint8_t {
  kCountry,
  kBloc,
  kAgency,
  kCompany,
  kInstitute,
  kPerson,
  kTechnology,
  kSector,
  kPolicy,
  kGoal,
  kProduct,
  kPlace,
};
inline constexpr int kNumEntityTypes = 12;

std::string_view TypeName(EntityType t);
std::optional<EntityType> ParseType(std::string_view name);

// Country, Bloc, Agency, Company, Institute, Person: who can act.
inline bool IsActor(EntityType t) {
  return t == EntityType::kCountry || t == EntityType::kBloc || t == EntityType::kAgency ||
         t == EntityType::kCompany || t == EntityType::kInstitute || t == EntityType::kPerson;
}

}  // namespace kg::parsers
