// Exporter: writes an ExportGraph in one file format.
//
// Formats: dot, graphml, gexf, cytoscape, d3, mermaid, csv, ntriples, nquads,
// html. Every format but csv writes one stream; csv writes nodes.csv and
// edges.csv (Neo4j admin-import headers) into a directory. Exporters are
// stateless and may be used from several threads.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"
#include "query/export/export_graph.h"

namespace kg::exporting {

struct ExportOptions {
  std::string gexf_version = "1.2draft";  // or "1.3"
  std::string title = "kg graph";         // graph name where the format has one
  // Called now and then with (items written, total items); for progress bars.
  std::function<void(uint64_t, uint64_t)> progress;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  // Writes `graph` to `out`. Errors: StoreError when the stream fails.
  virtual Status Write(const ExportGraph& graph, std::ostream& out) const = 0;
};

// The names accepted by MakeExporter, in the order the CLI lists them.
const std::vector<std::string>& FormatNames();

// An exporter for a single-stream format. InvalidInput for an unknown format
// or option (e.g. a GEXF version other than 1.2draft/1.3); csv is not a
// single-stream format (use WriteCsv).
Result<std::unique_ptr<Exporter>> MakeExporter(std::string_view format,
                                               const ExportOptions& options);

// Writes nodes.csv and edges.csv into `dir`, creating it when missing.
Status WriteCsv(const ExportGraph& graph, const std::string& dir, const ExportOptions& options);

// Writes `graph` in `format` to `path`, or to stdout when `path` is empty
// (csv requires a directory path).
Status ExportToPath(const ExportGraph& graph, std::string_view format, const std::string& path,
                    const ExportOptions& options);

}  // namespace kg::exporting
