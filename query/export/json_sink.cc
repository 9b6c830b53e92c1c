#include "query/export/json_sink.h"

namespace kg::exporting {

JsonEdgeTexts::JsonEdgeTexts(const ExportGraph& graph, bool html_safe)
    : ids(graph.nodes,
          [&](TextSink& s, const ExportNode& n) { JsonSink::WriteString(s, n.id, html_safe); }),
      predicates(graph.predicates,
                 [&](TextSink& s, const ExportPredicate& p) {
                   JsonSink::WriteString(s, p.name, html_safe);
                 }),
      documents(graph.documents, [&](TextSink& s, const ExportDocument& d) {
        JsonSink::WriteString(s, d.id, html_safe);
      }) {}

void JsonNodeNames(JsonSink& w, const ExportNode& n) {
  w.Raw("\"id\":").String(n.id).Raw(",\"label\":").String(n.label).Raw(",\"type\":").String(n.type);
}

void JsonNodeFacts(JsonSink& w, const ExportNode& n) {
  w.Raw(",\"aliases\":[");
  for (size_t i = 0; i < n.aliases.size(); ++i) {
    if (i) w.Raw(",");
    w.String(n.aliases[i]);
  }
  w.Raw("],\"degree\":").Uint(n.degree);
  w.Raw(",\"first_date\":").String(n.first_date).Raw(",\"last_date\":").String(n.last_date);
}

void JsonEdgeFacts(JsonSink& w, const ExportGraph& graph, const JsonEdgeTexts& texts,
                   const ExportEdge& e) {
  w.Raw("\"source\":").Raw(texts.ids[e.source]).Raw(",\"target\":").Raw(texts.ids[e.target]);
  w.Raw(",\"predicate\":").Raw(texts.predicates[e.predicate]);
  w.Raw(",\"weight\":").Uint(e.weight).Raw(",\"documents\":[");
  bool first = true;
  for (uint32_t d : graph.DocumentsOf(e)) {
    if (!first) w.Raw(",");
    first = false;
    w.Raw(texts.documents[d]);
  }
  w.Raw("]");
}

}  // namespace kg::exporting
