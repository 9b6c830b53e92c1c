// kg export: the whole graph, a query's subgraph or an entity's
// neighbourhood, in one of the visualizer formats of query/export/.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "query/export/exporter.h"
#include "query/export/graph_builder.h"
#include "query/export/query_subgraph.h"
#include "tools/cli.h"
#include "tools/progress_bar.h"

namespace kg::cli {
namespace {

struct ExportArgs {
  std::string format;
  std::string output;
  std::string query;
  std::string around;
  int depth = 1;
  std::string gexf_version = "1.2draft";
  std::string title = "kg graph";
};

// Exports of fewer items finish before a bar would be worth drawing.
constexpr uint64_t kMinProgressItems = 50000;

// The callback a build or an exporter reports (done, total) to.
std::function<void(uint64_t, uint64_t)> Reporter(ProgressBar& bar) {
  if (!bar.on()) return {};
  return [&bar](uint64_t done, uint64_t total) {
    bar.Update(done, total,
               [&] { return total ? fmt::format("{}/{}", done, total) : fmt::format("{}", done); });
  };
}

int RunExport(const ExportArgs& args, GlobalOptions& g) {
  int rc = 0;
  std::unique_ptr<Store> store = OpenForRead(g, &rc);
  if (!store) return rc;

  exporting::BuildOptions build;
  build.evidence = args.format == "html";
  ProgressBar reading("reading graph", kMinProgressItems);
  build.progress = Reporter(reading);
  Result<exporting::ExportGraph> graph = Status::Internal("no graph built");
  if (!args.query.empty()) {
    graph = exporting::BuildFromQuery(*store, args.query, build);
  } else if (!args.around.empty()) {
    graph = exporting::BuildAround(*store, args.around, args.depth, build);
  } else {
    graph = exporting::BuildWholeGraph(*store, build);
  }
  if (!graph.ok()) return Fail(graph.status());

  exporting::ExportOptions options;
  options.gexf_version = args.gexf_version;
  options.title = args.title;
  ProgressBar writing("writing " + args.format, kMinProgressItems);
  options.progress = Reporter(writing);
  Status st = exporting::ExportToPath(*graph, args.format, args.output, options);
  if (!st.ok()) return Fail(st);
  return 0;
}

}  // namespace

void RegisterExportCommand(CLI::App& app, GlobalOptions& g) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export the graph, a query's subgraph or an entity's neighbourhood");
  cmd->add_option("--format", args->format, "output format")
      ->required()
      ->check(CLI::IsMember(exporting::FormatNames()));
  cmd->add_option("-o,--output", args->output,
                  "output file (stdout when absent); a directory for csv");
  CLI::Option* query =
      cmd->add_option("--query", args->query, "export the triples this query's patterns match");
  CLI::Option* around =
      cmd->add_option("--around", args->around, "export the neighbourhood of this entity");
  cmd->add_option("--depth", args->depth, "neighbourhood depth for --around")
      ->capture_default_str()
      ->check(CLI::Range(0, 100))
      ->needs(around);
  query->excludes(around);
  cmd->add_option("--gexf-version", args->gexf_version, "GEXF version")
      ->capture_default_str()
      ->check(CLI::IsMember({"1.2draft", "1.3"}));
  cmd->add_option("--title", args->title, "graph title (HTML page, GEXF, DOT)")
      ->capture_default_str();
  cmd->callback([args, &g] { g.exit_code = RunExport(*args, g); });
}

}  // namespace kg::cli
