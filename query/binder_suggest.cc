// The binder's "did you mean" suggestions: the closest predicate, type or
// entity names by edit distance over folded names.
#include <algorithm>
#include <set>

#include "kg/name_fold.h"
#include "query/binder.h"

namespace kg::query {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string Binder::Suggest(const std::string& name, const std::vector<std::string>& candidates) {
  std::string folded = FoldName(name);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(folded, FoldName(c));
    if (d <= std::max<size_t>(2, folded.size() / 3)) scored.emplace_back(d, c);
  }
  std::sort(scored.begin(), scored.end());
  std::string out;
  for (size_t i = 0; i < scored.size() && i < 3; ++i) {
    out += (i ? ", " : "") + std::string("\"") + scored[i].second + "\"";
  }
  return out.empty() ? "" : " (did you mean " + out + "?)";
}

std::string Binder::SuggestEntity(const std::string& name) {
  // Folded as the names index is (case, curly quotes, dashes, spaces), so a
  // pasted no-break space or en dash costs no edits.
  std::string folded = FoldName(name);
  std::set<std::string> candidates;
  // Names sharing a short prefix, then any name when the first letter is wrong.
  for (size_t len : {size_t{2}, size_t{1}}) {
    if (folded.size() < len) continue;
    auto names = store_->NamesWithPrefix(folded.substr(0, len), 2000);
    if (!names.ok()) continue;
    for (const auto& [n, id] : *names) {
      (void)id;
      candidates.insert(n);
    }
    if (candidates.size() > 50) break;
  }
  if (candidates.size() < 50) {
    size_t seen = 0;
    (void)store_->ForEachName([&](std::string_view n, TermId) {
      candidates.emplace(n);
      return ++seen < 20000;
    });
  }
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& c : candidates) {
    size_t d = c.rfind(folded, 0) == 0 ? 1 : EditDistance(folded, c);  // a prefix is close
    if (d <= std::max<size_t>(2, folded.size() / 3)) scored.emplace_back(d, c);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> labels;
  for (const auto& [d, n] : scored) {
    (void)d;
    auto ids = store_->FindByName(n);
    std::string label = ids.ok() && !ids->empty() ? store_->Label(ids->front()) : n;
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    if (labels.size() == 3) break;
  }
  std::string out;
  for (size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + ("\"" + labels[i] + "\"");
  return out.empty() ? "" : " (did you mean " + out + "?)";
}

}  // namespace kg::query
