// nodes.csv and edges.csv for `neo4j-admin database import`: typed headers,
// :ID/:LABEL on nodes, :START_ID/:END_ID/:TYPE on relationships, arrays
// separated by ';' (the importer's default array delimiter).
#include <filesystem>
#include <fstream>

#include "query/export/exporter.h"
#include "query/export/node_texts.h"
#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& a : items) {
    if (!out.empty()) out.push_back(';');
    out += a;
  }
  return out;
}

Status WriteNodes(const ExportGraph& graph, std::ostream& out, ProgressTicker& ticker) {
  TextSink s(out);
  s << "id:ID,name,type,aliases:string[],degree:long,first_date,last_date,:LABEL\n";
  for (const ExportNode& n : graph.nodes) {
    s.Csv(n.id);
    s << ',';
    s.Csv(n.label);
    s << ',';
    s.Csv(n.type);
    s << ',';
    s.Csv(Joined(n.aliases));
    s << ',' << n.degree << ',';
    s.Csv(n.first_date);
    s << ',';
    s.Csv(n.last_date);
    s << ',';
    s.Csv(n.type.empty() ? std::string("Entity") : "Entity;" + n.type);
    s << '\n';
    ticker.Tick();
  }
  return s.Finish();
}

Status WriteEdges(const ExportGraph& graph, std::ostream& out, ProgressTicker& ticker) {
  TextSink s(out);
  s << ":START_ID,:END_ID,:TYPE,weight:long,documents:string[]\n";
  NodeTexts ids(graph.nodes, [](TextSink& t, const ExportNode& n) { t.Csv(n.id); });
  NodeTexts predicates(graph.predicates, [](TextSink& t, const ExportPredicate& p) {
    t << ',';
    t.Csv(p.name);
    t << ',';
  });
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    ids.PrefetchEnds(graph.edges, i);
    const ExportEdge& e = graph.edges[i];
    s << ids[e.source] << ',' << ids[e.target] << predicates[e.predicate] << e.weight << ',';
    s.CsvDocuments(graph, e);
    s << '\n';
    ticker.Tick();
  }
  return s.Finish();
}

}  // namespace

Status WriteCsv(const ExportGraph& graph, const std::string& dir, const ExportOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return Status::InvalidInput(dir + ": cannot create the output directory" +
                                (ec ? ": " + ec.message() : std::string()));
  }
  ProgressTicker ticker(options.progress, graph.nodes.size() + graph.edges.size());
  for (const char* name : {"nodes.csv", "edges.csv"}) {
    std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::InvalidInput(path + ": cannot open for writing");
    Status st = name[0] == 'n' ? WriteNodes(graph, out, ticker) : WriteEdges(graph, out, ticker);
    if (!st.ok()) return st.WithPrefix(path + ": ");
  }
  ticker.Done();
  return Status::OK();
}

}  // namespace kg::exporting
