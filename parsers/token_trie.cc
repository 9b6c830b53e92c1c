#include "parsers/token_trie.h"

namespace kg::parsers {

TokenTrie::TokenTrie() { terminal_.push_back(-1); }

uint32_t TokenTrie::TokenId(const std::string& folded) const {
  auto it = token_ids_.find(folded);
  return it == token_ids_.end() ? 0 : it->second;
}

void TokenTrie::Insert(const std::vector<std::string>& folded, TrieEntry entry) {
  if (folded.empty()) return;
  uint32_t node = 0;
  for (const auto& tok : folded) {
    auto [it, added] = token_ids_.try_emplace(tok, static_cast<uint32_t>(token_ids_.size() + 1));
    uint64_t key = (static_cast<uint64_t>(node) << 32) | it->second;
    auto e = edges_.find(key);
    if (e == edges_.end()) {
      uint32_t child = static_cast<uint32_t>(terminal_.size());
      terminal_.push_back(-1);
      edges_.emplace(key, child);
      node = child;
    } else {
      node = e->second;
    }
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

size_t TokenTrie::LongestMatch(const std::vector<Token>& toks, size_t i, std::string_view text,
                               std::vector<const TrieEntry*>* out) const {
  out->clear();
  uint32_t node = 0;
  size_t best = 0;
  for (size_t j = i; j < toks.size(); ++j) {
    uint32_t id = TokenId(toks[j].folded);
    if (id == 0) break;
    auto e = edges_.find((static_cast<uint64_t>(node) << 32) | id);
    if (e == edges_.end()) break;
    node = e->second;
    if (terminal_[node] < 0) continue;
    std::vector<const TrieEntry*> ok;
    for (const auto& entry : entries_[terminal_[node]]) {
      if (entry.exact_case) {
        if (text.size() < toks[j].end) continue;  // no text to compare the case against
        std::string_view surface = text.substr(toks[i].begin, toks[j].end - toks[i].begin);
        if (surface != entry.exact) continue;
      }
      ok.push_back(&entry);
    }
    if (!ok.empty()) {
      best = j - i + 1;
      *out = std::move(ok);
    }
  }
  return best;
}

}  // namespace kg::parsers

namespace kg::parsers {

std::vector<const TrieEntry*> TokenTrie::Single(const std::string& folded) const {
  std::vector<const TrieEntry*> out;
  uint32_t id = TokenId(folded);
  if (id == 0) return out;
  auto e = edges_.find(id);
  if (e == edges_.end() || terminal_[e->second] < 0) return out;
  for (const auto& entry : entries_[terminal_[e->second]]) out.push_back(&entry);
  return out;
}

}  // namespace kg::parsers
