// JsonSink: JSON written straight into a TextSink. Keys and punctuation go
// out as raw text and strings through TextSink::Json, whose escapes are
// RapidJSON's, so the bytes are those RapidJSON's Writer wrote, without its
// per-value state. In html_safe mode < > & inside strings (the only place
// JSON has them) are written as \u003c \u003e \u0026.
#pragma once

#include <ostream>
#include <string_view>

#include "kg/status.h"
#include "query/export/export_graph.h"
#include "query/export/exporter.h"
#include "query/export/node_texts.h"
#include "query/export/text_sink.h"

namespace kg::exporting {

class JsonSink {
 public:
  JsonSink(std::ostream& out, bool html_safe) : text_(out), html_safe_(html_safe) {}
  JsonSink& Raw(std::string_view s) {
    text_ << s;
    return *this;
  }
  template <size_t N>
  JsonSink& Raw(const char (&s)[N]) {
    text_ << s;
    return *this;
  }
  // A string value; broken UTF-8 becomes U+FFFD.
  JsonSink& String(std::string_view s) {
    WriteString(text_, s, html_safe_);
    return *this;
  }
  // An object key from data (written as is, like RapidJSON's Key), then ':'.
  JsonSink& Key(std::string_view s) {
    text_ << '"';
    text_.Json(s, html_safe_, /*fix_utf8=*/false);
    text_ << "\":";
    return *this;
  }
  JsonSink& Uint(uint64_t v) {
    text_ << v;
    return *this;
  }
  bool html_safe() const { return html_safe_; }
  Status Finish() { return text_.Finish(); }

  static void WriteString(TextSink& text, std::string_view s, bool html_safe) {
    text << '"';
    text.Json(s, html_safe);
    text << '"';
  }

 private:
  TextSink text_;
  bool html_safe_;
};

// What edges repeat, as JSON strings rendered once: node ids, predicate
// names and document ids.
struct JsonEdgeTexts {
  JsonEdgeTexts(const ExportGraph& graph, bool html_safe);
  NodeTexts ids, predicates, documents;
};

// The node and edge members the Cytoscape.js and D3 documents share, in the
// order both write them: "id", "label", "type"; "aliases", "degree",
// "first_date", "last_date" (after a comma); and "source", "target",
// "predicate", "weight", "documents" (ends named by node id).
void JsonNodeNames(JsonSink& w, const ExportNode& n);
void JsonNodeFacts(JsonSink& w, const ExportNode& n);
void JsonEdgeFacts(JsonSink& w, const ExportGraph& graph, const JsonEdgeTexts& texts,
                   const ExportEdge& e);

// The Cytoscape.js document {"data", "directed", "multigraph", "elements":
// {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}. With `evidence`,
// edges carry their evidence sentences and the document table is added.
void WriteCytoscapeDocument(const ExportGraph& graph, JsonSink& sink, bool evidence,
                            const ExportOptions& options);

}  // namespace kg::exporting
