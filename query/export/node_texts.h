// NodeTexts (internal to query/export/): a text per node (or per predicate,
// per document) in one format, rendered once into one compact table. Edges
// name their ends by it: a copy from a small table instead of escaping the
// node's id again per edge, with a cache miss into the big node array.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/export/export_graph.h"
#include "query/export/text_sink.h"

namespace kg::exporting {

class NodeTexts {
 public:
  // `render(sink, item)` writes the text of each of `items`.
  template <typename Items, typename Render>
  NodeTexts(const Items& items, Render render) {
    offsets_.reserve(items.size() + 1);
    offsets_.push_back(0);
    TextSink sink(&text_);
    for (const auto& item : items) {
      render(sink, item);
      offsets_.push_back(sink.written());
    }
    (void)sink.Finish();  // writing to a string cannot fail
  }
  // Edges visit nodes at random: writers call this before edge i, to have
  // the ends of an edge a few places ahead on their way into the cache.
  void PrefetchEnds(const std::vector<ExportEdge>& edges, size_t i) const {
    if (i + 8 >= edges.size()) return;
    __builtin_prefetch(text_.data() + offsets_[edges[i + 8].source]);
    __builtin_prefetch(text_.data() + offsets_[edges[i + 8].target]);
  }
  std::string_view operator[](size_t i) const {
    return std::string_view(text_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }

 private:
  std::string text_;
  std::vector<uint64_t> offsets_;
};

}  // namespace kg::exporting
