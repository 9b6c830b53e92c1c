// JsonSink: a RapidJSON output stream that buffers into large blocks for a
// std::ostream. In html_safe mode it writes < > & as \u003c \u003e \u0026,
// which JSON allows only inside strings, so "</script>" and "<!--" can never
// appear in JSON embedded in an HTML <script> element.
#pragma once

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
  using Ch = char;
  JsonSink(std::ostream& out, bool html_safe) : out_(out), html_safe_(html_safe) {
    buf_.reserve(kFlushAt + 64);
  }
  void Put(char c) {
    if (html_safe_ && (c == '<' || c == '>' || c == '&')) {
      buf_.append(c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026");
    } else {
      buf_.push_back(c);
    }
    if (buf_.size() >= kFlushAt) FlushBuffer();
  }
  void Flush() {}  // RapidJSON calls this after each value; blocks flush on size
  void Raw(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlushAt) FlushBuffer();
  }
  Status Finish();

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void FlushBuffer();
  std::ostream& out_;
  bool html_safe_;
  std::string buf_;
};

using JsonWriter = rapidjson::Writer<JsonSink>;

// Writes `s` as a JSON string, replacing broken UTF-8 with U+FFFD.
void JsonString(JsonWriter& w, std::string_view s);

// The Cytoscape.js document {"data", "directed", "multigraph", "elements":
// {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}. With `evidence`,
// edges carry their evidence sentences and the document table is added.
void WriteCytoscapeDocument(const ExportGraph& graph, JsonWriter& w, bool evidence,
                            const ExportOptions& options);

}  // namespace kg::exporting
