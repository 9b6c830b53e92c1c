// The entity lexicon: canonical labels, types, aliases, demonyms and links,
// loaded from JSON files ({"entities": [{"label", "type", "aliases",
// "demonyms", "wikidata", "part_of", "based_in"}]}).
//
// Entries with the same label (case-insensitive) are merged, so a user's
// --lexicon file can add aliases to a shipped entity. Not thread-safe while
// loading; const after.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kg/status.h"
#include "parsers/entity_type.h"
#include "parsers/token_trie.h"

namespace kg::parsers {

struct LexEntity {
  std::string label;
  EntityType type = EntityType::kTechnology;
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;
  std::vector<std::string> part_of;
  std::string wikidata;
  std::string based_in;
  // Aliases matched only in the case written ("AI", "IT"); short all-caps
  // aliases are treated so without being listed.
  std::vector<std::string> case_sensitive;
};

class Lexicon {
 public:
  // Loads every *.json in `dir`, in name order. A missing directory is OK
  // (an empty lexicon); a bad file is InvalidInput "FILE:LINE:COL: message".
  Status LoadDirectory(const std::string& dir);
  Status LoadFile(const std::string& path);
  Status LoadJson(std::string_view json, const std::string& source);

  // Adds or merges an entity; returns its id.
  uint32_t Add(LexEntity entity);

  const LexEntity& entity(uint32_t id) const { return entities_[id]; }
  size_t size() const { return entities_.size(); }
  const TokenTrie& trie() const { return trie_; }
  std::optional<uint32_t> FindLabel(std::string_view label) const;

 private:
  void Index(uint32_t id, const std::string& name, bool demonym, bool exact_case);
  std::vector<LexEntity> entities_;
  std::unordered_map<std::string, uint32_t> by_label_;  // FoldName(label) -> id
  TokenTrie trie_;
};

}  // namespace kg::parsers
