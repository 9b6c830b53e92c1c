// WordSet: a fixed set of folded words, tested with the hash a token already
// carries, so asking whether a token is one of forty words costs one probe
// instead of forty string compares.
//
//   const WordSet kMonths{"january", "february", ...};
//   if (kMonths.Contains(tok)) ...
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "kg/open_hash_table.h"
#include "parsers/tokenizer.h"

namespace kg::parsers {

class WordSet {
 public:
  // The words must outlive the set (string literals do).
  explicit WordSet(std::initializer_list<std::string_view> words) : words_(words) {
    for (uint32_t i = 0; i < words_.size(); ++i) {
      const uint32_t h = WordHash(words_[i]);
      if (!Contains(words_[i], h)) table_.Insert(Slot{h, i + 1});
    }
  }

  bool Contains(std::string_view w, uint32_t hash) const {
    return table_.Find(hash, [&](const Slot& s) { return words_[s.index - 1] == w; }) != nullptr;
  }
  bool Contains(std::string_view w) const { return Contains(w, WordHash(w)); }
  bool Contains(const Token& t) const { return Contains(t.folded, t.hash); }

 private:
  struct Slot {
    uint32_t hash_ = 0;
    uint32_t index = 0;  // into words_, + 1; 0: empty
    bool empty() const { return index == 0; }
    uint64_t hash() const { return hash_; }
  };
  std::vector<std::string_view> words_;
  OpenHashTable<Slot> table_;
};

}  // namespace kg::parsers
