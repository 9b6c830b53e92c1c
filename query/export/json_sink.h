// JsonSink: RapidJSON writes into a StringBuffer (its fastest output path),
// handed to a std::ostream in large blocks. In html_safe mode the blocks go
// out with < > & as \u003c \u003e \u0026 (in JSON those characters occur
// only inside strings), so "</script>" and "<!--" can never appear in JSON
// embedded in an HTML <script> element.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ostream>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "query/export/export_graph.h"
#include "query/export/exporter.h"

namespace kg::exporting {

class JsonSink {
 public:
  JsonSink(std::ostream& out, bool html_safe) : out_(out), html_safe_(html_safe) {}
  rapidjson::StringBuffer& buffer() { return buf_; }
  // Exporters call this between elements; the writer's state does not live
  // in the buffer, so it can be emptied at any point.
  void MaybeFlush() {
    if (buf_.GetSize() >= kFlushAt) FlushBuffer();
  }
  void Raw(std::string_view s) {
    for (char c : s) buf_.Put(c);
  }
  Status Finish();

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void FlushBuffer();
  std::ostream& out_;
  bool html_safe_;
  rapidjson::StringBuffer buf_;
  std::string escaped_;
};

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writes `s` as a JSON string, replacing broken UTF-8 with U+FFFD.
void JsonString(JsonWriter& w, std::string_view s);

// The node and edge members the Cytoscape.js and D3 documents share, in the
// order both write them: "id", "label", "type"; "aliases", "degree",
// "first_date", "last_date"; and "source", "target", "predicate", "weight",
// "documents" (ends named by node id).
void JsonNodeNames(JsonWriter& w, const ExportNode& n);
void JsonNodeFacts(JsonWriter& w, const ExportNode& n);
void JsonEdgeFacts(JsonWriter& w, const ExportGraph& graph, const ExportEdge& e);

// The Cytoscape.js document {"data", "directed", "multigraph", "elements":
// {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}. With `evidence`,
// edges carry their evidence sentences and the document table is added.
void WriteCytoscapeDocument(const ExportGraph& graph, JsonSink& sink, bool evidence,
                            const ExportOptions& options);

}  // namespace kg::exporting
