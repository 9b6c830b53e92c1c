// A small graph whose labels hold everything an exporter must escape.
#pragma once

#include <string>

#include "query/export/export_graph.h"
#include "query/export/exporter.h"

namespace kg::exporting::testing {

// 9 nodes (one untyped, one isolated), 10 edges (a parallel pair, a self-loop).
ExportGraph SampleGraph();

// Writes `graph` in `format` to a string (single-stream formats only).
std::string Render(const ExportGraph& graph, const std::string& format,
                   const ExportOptions& options = {});

}  // namespace kg::exporting::testing
