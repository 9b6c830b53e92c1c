#include "parsers/token_trie.h"

namespace kg::parsers {

namespace {

size_t SlotOf(uint64_t key, size_t mask) { return (key * 0x9E3779B97F4A7C15ull) >> 20 & mask; }

}  // namespace

TokenTrie::TokenTrie() : token_slots_(16), edge_slots_(16) { terminal_.push_back(-1); }

uint32_t TokenTrie::TokenId(std::string_view folded, uint32_t hash) const {
  const size_t mask = token_slots_.size() - 1;
  for (size_t at = SlotOf(hash, mask); token_slots_[at].id != 0; at = (at + 1) & mask) {
    const TokenSlot& s = token_slots_[at];
    if (s.hash == hash && token_text_[s.id - 1] == folded) return s.id;
  }
  return 0;
}

uint32_t TokenTrie::Child(uint32_t node, uint32_t token) const {
  const uint64_t key = static_cast<uint64_t>(node) << 32 | token;
  const size_t mask = edge_slots_.size() - 1;
  for (size_t at = SlotOf(key, mask); edge_slots_[at].key != 0; at = (at + 1) & mask) {
    if (edge_slots_[at].key == key) return edge_slots_[at].child;
  }
  return 0;
}

uint32_t TokenTrie::AddToken(const std::string& folded) {
  const uint32_t hash = WordHash(folded);
  if (uint32_t id = TokenId(folded, hash)) return id;
  if ((token_text_.size() + 1) * 2 > token_slots_.size()) {
    std::vector<TokenSlot> old(token_slots_.size() * 2);
    old.swap(token_slots_);
    const size_t mask = token_slots_.size() - 1;
    for (const TokenSlot& s : old) {
      if (s.id == 0) continue;
      size_t at = SlotOf(s.hash, mask);
      while (token_slots_[at].id != 0) at = (at + 1) & mask;
      token_slots_[at] = s;
    }
  }
  token_text_.push_back(folded);
  const uint32_t id = static_cast<uint32_t>(token_text_.size());
  const size_t mask = token_slots_.size() - 1;
  size_t at = SlotOf(hash, mask);
  while (token_slots_[at].id != 0) at = (at + 1) & mask;
  token_slots_[at] = TokenSlot{hash, id};
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
    if ((edge_count_ + 1) * 2 > edge_slots_.size()) {
      std::vector<EdgeSlot> old(edge_slots_.size() * 2);
      old.swap(edge_slots_);
      const size_t mask = edge_slots_.size() - 1;
      for (const EdgeSlot& e : old) {
        if (e.key == 0) continue;
        size_t at = SlotOf(e.key, mask);
        while (edge_slots_[at].key != 0) at = (at + 1) & mask;
        edge_slots_[at] = e;
      }
    }
    const uint32_t child = static_cast<uint32_t>(terminal_.size());
    terminal_.push_back(-1);
    const uint64_t key = static_cast<uint64_t>(node) << 32 | token;
    const size_t mask = edge_slots_.size() - 1;
    size_t at = SlotOf(key, mask);
    while (edge_slots_[at].key != 0) at = (at + 1) & mask;
    edge_slots_[at] = EdgeSlot{key, child};
    ++edge_count_;
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

size_t TokenTrie::LongestMatch(const std::vector<Token>& toks, size_t i, std::string_view text,
                               std::vector<const TrieEntry*>* out) const {
  // The accepted entries of the longest match so far, then those of the
  // node being tried.
  std::vector<const TrieEntry*> scratch;
  scratch.swap(*out);
  scratch.clear();
  uint32_t node = 0;
  size_t best = 0;
  for (size_t j = i; j < toks.size(); ++j) {
    uint32_t id = TokenId(toks[j].folded, toks[j].hash);
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
