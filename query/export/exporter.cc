#include "query/export/exporter.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "query/export/formats.h"

namespace kg::exporting {

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> kNames = {
      "dot", "graphml", "gexf", "cytoscape", "d3", "mermaid", "csv", "ntriples", "nquads", "html"};
  return kNames;
}

std::string JoinDocuments(const ExportGraph& graph, const ExportEdge& edge, char separator) {
  std::string out;
  for (uint32_t d : graph.DocumentsOf(edge)) {
    if (!out.empty()) out.push_back(separator);
    out += graph.documents[d].id;
  }
  return out;
}

std::string JoinAliases(const ExportNode& node) {
  std::string out;
  for (const std::string& a : node.aliases) {
    if (!out.empty()) out += " | ";
    out += a;
  }
  return out;
}

Result<std::unique_ptr<Exporter>> MakeExporter(std::string_view format,
                                               const ExportOptions& options) {
  if (options.gexf_version != "1.2draft" && options.gexf_version != "1.3") {
    return Status::InvalidInput("unknown GEXF version '" + options.gexf_version +
                                "' (expected 1.2draft or 1.3)");
  }
  if (format == "dot") return NewDotExporter(options);
  if (format == "graphml") return NewGraphmlExporter(options);
  if (format == "gexf") return NewGexfExporter(options);
  if (format == "cytoscape") return NewCytoscapeExporter(options);
  if (format == "d3") return NewD3Exporter(options);
  if (format == "mermaid") return NewMermaidExporter(options);
  if (format == "ntriples") return NewNTriplesExporter(options, /*quads=*/false);
  if (format == "nquads") return NewNTriplesExporter(options, /*quads=*/true);
  if (format == "html") return NewHtmlExporter(options);
  if (format == "csv") {
    return Status::InvalidInput("format csv writes a directory: use WriteCsv");
  }
  std::string known;
  for (const std::string& n : FormatNames()) known += (known.empty() ? "" : ", ") + n;
  return Status::InvalidInput("unknown export format '" + std::string(format) + "' (expected " +
                              known + ")");
}

Status ExportToPath(const ExportGraph& graph, std::string_view format, const std::string& path,
                    const ExportOptions& options) {
  if (format == "csv") {
    if (path.empty()) {
      return Status::InvalidInput(
          "format csv writes nodes.csv and edges.csv: give a directory with -o");
    }
    return WriteCsv(graph, path, options);
  }
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Exporter> exporter, MakeExporter(format, options));
  if (path.empty() || path == "-") return exporter->Write(graph, std::cout);
  // Written beside the target and renamed, so a failed export never leaves
  // half a file under the requested name.
  std::string tmp = path + ".kg-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::InvalidInput(path + ": cannot open for writing");
    Status st = exporter->Write(graph, out);
    if (!st.ok()) {
      out.close();
      std::remove(tmp.c_str());
      return st.WithPrefix(path + ": ");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::InvalidInput(path + ": cannot write: " + ec.message());
  }
  return Status::OK();
}

}  // namespace kg::exporting
