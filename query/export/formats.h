// The exporter of each format (one file each); MakeExporter picks among them.
#pragma once

#include <memory>

#include "query/export/exporter.h"

namespace kg::exporting {

std::unique_ptr<Exporter> NewDotExporter(const ExportOptions& options);
std::unique_ptr<Exporter> NewGraphmlExporter(const ExportOptions& options);
std::unique_ptr<Exporter> NewGexfExporter(
    const ExportOptions& options);  // version checked by caller
std::unique_ptr<Exporter> NewCytoscapeExporter(const ExportOptions& options);
std::unique_ptr<Exporter> NewD3Exporter(const ExportOptions& options);
std::unique_ptr<Exporter> NewMermaidExporter(const ExportOptions& options);
std::unique_ptr<Exporter> NewNTriplesExporter(const ExportOptions& options, bool quads);
std::unique_ptr<Exporter> NewHtmlExporter(const ExportOptions& options);

// The documents of an edge joined by `separator`.
std::string JoinDocuments(const ExportGraph& graph, const ExportEdge& edge, char separator = ' ');
// Aliases joined by " | ".
std::string JoinAliases(const ExportNode& node);

}  // namespace kg::exporting
