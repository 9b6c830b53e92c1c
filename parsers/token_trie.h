// A trie over folded tokens: the lexicon's aliases, matched longest first.
//
// Edges live in one hash table keyed by (node, token id), and tokens are
// interned once, so 100k aliases cost a few MB and a lookup per text token.
// Thread-safety: const methods may be called from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parsers/tokenizer.h"

namespace kg::parsers {

struct TrieEntry {
  uint32_t entity = 0;
  bool demonym = false;
  // Short all-caps aliases ("US", "AI", "IT") match only in that exact case,
  // so the pronoun "us" and the word "it" are not entities.
  bool exact_case = false;
  std::string exact;  // the alias as written, for exact_case entries
};

class TokenTrie {
 public:
  TokenTrie();
  void Insert(const std::vector<std::string>& folded, TrieEntry entry);

  // The longest alias starting at toks[i] whose entries accept the text; its
  // length in tokens (0 when none) and entries in *out.
  size_t LongestMatch(const std::vector<Token>& toks, size_t i, std::string_view text,
                      std::vector<const TrieEntry*>* out) const;

  // Entries of the one-token alias `folded` (empty when none).
  std::vector<const TrieEntry*> Single(const std::string& folded) const;

  size_t node_count() const { return terminal_.size(); }

 private:
  uint32_t TokenId(const std::string& folded) const;  // 0 when never seen
  std::unordered_map<std::string, uint32_t> token_ids_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 32 | token) -> child
  std::vector<int32_t> terminal_;                 // node -> index into entries_, or -1
  std::vector<std::vector<TrieEntry>> entries_;
};

}  // namespace kg::parsers
