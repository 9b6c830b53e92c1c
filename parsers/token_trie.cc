#include "parsers/token_trie.h"

namespace kg::parsers {

TokenTrie::TokenTrie() { terminal_.push_back(-1); }

uint32_t TokenTrie::TokenId(std::string_view folded, uint32_t hash) const {
  const TokenSlot* s =
      tokens_.Find(hash, [&](const TokenSlot& s) { return token_text_[s.id - 1] == folded; });
  return s ? s->id : 0;
}

uint32_t TokenTrie::Child(uint32_t node, uint32_t token) const {
  const uint64_t key = static_cast<uint64_t>(node) << 32 | token;
  const EdgeSlot* e = edges_.Find(key, [](const EdgeSlot&) { return true; });
  return e ? e->child : 0;
}

uint32_t TokenTrie::AddToken(const std::string& folded) {
  const uint32_t hash = WordHash(folded);
  if (uint32_t id = TokenId(folded, hash)) return id;
  token_text_.push_back(folded);
  const uint32_t id = static_cast<uint32_t>(token_text_.size());
  tokens_.Insert(TokenSlot{hash, id});
  return id;
}

void TokenTrie::Insert(const std::vector<std::string>& folded, TrieEntry entry) {
  if (folded.empty()) return;
  uint32_t node = 0;
  for (const auto& tok : folded) {
    const uint32_t token = AddToken(tok);
    if (uint32_t child = Child(node, token)) {
      node = child;
      continue;
    }
    const uint32_t child = static_cast<uint32_t>(terminal_.size());
    terminal_.push_back(-1);
    edges_.Insert(EdgeSlot{static_cast<uint64_t>(node) << 32 | token, child});
    node = child;
  }
  if (terminal_[node] < 0) {
    terminal_[node] = static_cast<int32_t>(entries_.size());
    entries_.emplace_back();
  }
  auto& list = entries_[terminal_[node]];
  for (const auto& e : list)
    if (e.entity == entry.entity && e.demonym == entry.demonym && e.exact == entry.exact) return;
  list.push_back(std::move(entry));
}

void TokenTrie::TokenIds(const std::vector<Token>& toks, std::vector<uint32_t>* ids) const {
  ids->resize(toks.size());
  for (size_t j = 0; j < toks.size(); ++j) (*ids)[j] = TokenId(toks[j].folded, toks[j].hash);
}

size_t TokenTrie::LongestMatch(const std::vector<Token>& toks, const std::vector<uint32_t>& ids,
                               size_t i, std::string_view text,
                               std::vector<const TrieEntry*>* out) const {
  return Match(toks, i, text, out, [&](size_t j) { return ids[j]; });
}

size_t TokenTrie::LongestMatch(const std::vector<Token>& toks, size_t i, std::string_view text,
                               std::vector<const TrieEntry*>* out) const {
  return Match(toks, i, text, out, [&](size_t j) { return TokenId(toks[j].folded, toks[j].hash); });
}

template <typename IdAt>
size_t TokenTrie::Match(const std::vector<Token>& toks, size_t i, std::string_view text,
                        std::vector<const TrieEntry*>* out, const IdAt& id_at) const {
  // The accepted entries of the longest match so far, then those of the
  // node being tried.
  std::vector<const TrieEntry*> scratch;
  scratch.swap(*out);
  scratch.clear();
  uint32_t node = 0;
  size_t best = 0;
  for (size_t j = i; j < toks.size(); ++j) {
    const uint32_t id = id_at(j);
    if (id == 0) break;
    node = Child(node, id);
    if (node == 0) break;
    if (terminal_[node] < 0) continue;
    size_t before = scratch.size();
    for (const auto& entry : entries_[terminal_[node]]) {
      if (entry.exact_case) {
        if (text.size() < toks[j].end) continue;  // no text to compare the case against
        std::string_view surface = text.substr(toks[i].begin, toks[j].end - toks[i].begin);
        if (surface != entry.exact) continue;
      }
      scratch.push_back(&entry);
    }
    if (scratch.size() > before) {
      best = j - i + 1;
      scratch.erase(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(before));
    }
  }
  out->swap(scratch);
  return best;
}

}  // namespace kg::parsers

namespace kg::parsers {

std::vector<const TrieEntry*> TokenTrie::Single(const std::string& folded) const {
  std::vector<const TrieEntry*> out;
  uint32_t id = TokenId(folded, WordHash(folded));
  if (id == 0) return out;
  uint32_t node = Child(0, id);
  if (node == 0 || terminal_[node] < 0) return out;
  for (const auto& entry : entries_[terminal_[node]]) out.push_back(&entry);
  return out;
}

}  // namespace kg::parsers
