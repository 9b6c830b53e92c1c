// A trie over folded tokens: the lexicon's aliases, matched longest first.
//
// Edges live in one hash table keyed by (node, token id), and tokens are
// interned once, so 100k aliases cost a few MB and a lookup per text token.
// Thread-safety: const methods may be called from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/open_hash_table.h"
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

  // The trie's id of each token (0 for a word no alias has), looked up once
  // per sentence rather than once per alias start.
  void TokenIds(const std::vector<Token>& toks, std::vector<uint32_t>* ids) const;

  // The longest alias starting at toks[i] whose entries accept the text; its
  // length in tokens (0 when none) and entries in *out. `ids` are TokenIds(toks).
  size_t LongestMatch(const std::vector<Token>& toks, const std::vector<uint32_t>& ids, size_t i,
                      std::string_view text, std::vector<const TrieEntry*>* out) const;
  // The same for a one-off lookup.
  size_t LongestMatch(const std::vector<Token>& toks, size_t i, std::string_view text,
                      std::vector<const TrieEntry*>* out) const;

  // Entries of the one-token alias `folded` (empty when none).
  std::vector<const TrieEntry*> Single(const std::string& folded) const;

  size_t node_count() const { return terminal_.size(); }

 private:
  // 0 when never seen. `hash` is WordHash(folded), which tokens carry.
  uint32_t TokenId(std::string_view folded, uint32_t hash) const;
  uint32_t Child(uint32_t node, uint32_t token) const;  // 0 when none (the root is no child)
  uint32_t AddToken(const std::string& folded);
  // LongestMatch with the id of token j from id_at(j).
  template <typename IdAt>
  size_t Match(const std::vector<Token>& toks, size_t i, std::string_view text,
               std::vector<const TrieEntry*>* out, const IdAt& id_at) const;

  // Two open-addressing tables: a text token costs one probe in each, where
  // std::unordered_map hashed the string again and chased a node pointer.
  struct TokenSlot {
    uint32_t hash_ = 0;
    uint32_t id = 0;  // 0: empty
    bool empty() const { return id == 0; }
    uint64_t hash() const { return hash_; }
  };
  struct EdgeSlot {
    uint64_t key = 0;  // node << 32 | token id; token ids start at 1, so 0 is empty
    uint32_t child = 0;
    bool empty() const { return key == 0; }
    uint64_t hash() const { return key; }
  };
  OpenHashTable<TokenSlot> tokens_;
  std::vector<std::string> token_text_;  // id - 1 -> folded token
  OpenHashTable<EdgeSlot> edges_;
  std::vector<int32_t> terminal_;  // node -> index into entries_, or -1
  std::vector<std::vector<TrieEntry>> entries_;
};

}  // namespace kg::parsers
