#include "query/export/json_sink.h"

#include "query/export/text_sink.h"

namespace kg::exporting {

void JsonSink::FlushBuffer() {
  std::string_view data(buf_.GetString(), buf_.GetSize());
  if (html_safe_) {
    // A plain loop: find_first_of with a set runs memchr per byte.
    escaped_.clear();
    size_t from = 0;
    for (size_t at = 0; at < data.size(); ++at) {
      char c = data[at];
      if (c != '<' && c != '>' && c != '&') continue;
      escaped_.append(data.substr(from, at - from));
      escaped_.append(c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026");
      from = at + 1;
    }
    if (from > 0) {
      escaped_.append(data.substr(from));
      data = escaped_;
    }
  }
  out_.write(data.data(), static_cast<std::streamsize>(data.size()));
  buf_.Clear();
}

Status JsonSink::Finish() {
  FlushBuffer();
  out_.flush();
  if (!out_) return Status::StoreError("write failed");
  return Status::OK();
}

void JsonString(JsonWriter& w, std::string_view s) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;  // ASCII fast path
  while (i < s.size()) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  std::string fixed;
  fixed.reserve(s.size() + 8);
  for (i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      fixed.append("\xEF\xBF\xBD");
      ++i;
    } else {
      fixed.append(s.substr(i, n));
      i += n;
    }
  }
  w.String(fixed.data(), static_cast<rapidjson::SizeType>(fixed.size()));
}

void JsonNodeNames(JsonWriter& w, const ExportNode& n) {
  w.Key("id");
  JsonString(w, n.id);
  w.Key("label");
  JsonString(w, n.label);
  w.Key("type");
  JsonString(w, n.type);
}

void JsonNodeFacts(JsonWriter& w, const ExportNode& n) {
  w.Key("aliases");
  w.StartArray();
  for (const std::string& a : n.aliases) JsonString(w, a);
  w.EndArray();
  w.Key("degree");
  w.Uint64(n.degree);
  w.Key("first_date");
  JsonString(w, n.first_date);
  w.Key("last_date");
  JsonString(w, n.last_date);
}

void JsonEdgeFacts(JsonWriter& w, const ExportGraph& graph, const ExportEdge& e) {
  w.Key("source");
  JsonString(w, graph.nodes[e.source].id);
  w.Key("target");
  JsonString(w, graph.nodes[e.target].id);
  w.Key("predicate");
  JsonString(w, graph.PredicateOf(e).name);
  w.Key("weight");
  w.Uint64(e.weight);
  w.Key("documents");
  w.StartArray();
  for (uint32_t d : graph.DocumentsOf(e)) JsonString(w, graph.documents[d].id);
  w.EndArray();
}

}  // namespace kg::exporting
