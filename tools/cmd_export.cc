// kg export: the whole graph, a query's subgraph or an entity's
// neighbourhood, in one of the visualizer formats of query/export/.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "query/export/exporter.h"
#include "query/export/graph_builder.h"
#include "query/export/query_subgraph.h"
#include "tools/cli.h"

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

// A one-line progress bar on stderr, redrawn at most ten times a second;
// only when stderr is a terminal and the work is large enough to wait for.
class ProgressBar {
 public:
  explicit ProgressBar(std::string what) : what_(std::move(what)), on_(IsTerminal(2)) {}
  ~ProgressBar() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }
  std::function<void(uint64_t, uint64_t)> Callback() {
    if (!on_) return {};
    return [this](uint64_t done, uint64_t total) { Draw(done, total); };
  }

 private:
  void Draw(uint64_t done, uint64_t total) {
    if (total < kMinItems && !drawn_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    if (total == 0) {
      std::fprintf(stderr, "\r%s: %llu", what_.c_str(), static_cast<unsigned long long>(done));
    } else {
      int pct = static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
      int bar = pct * 30 / 100;
      std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %llu/%llu", what_.c_str(), bar,
                   "##############################", 30 - bar, "", pct,
                   static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
    }
    std::fflush(stderr);
  }

  static constexpr uint64_t kMinItems = 50000;
  std::string what_;
  bool on_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

int RunExport(const ExportArgs& args, GlobalOptions& g) {
  int rc = 0;
  std::unique_ptr<Store> store = OpenForRead(g, &rc);
  if (!store) return rc;

  exporting::BuildOptions build;
  build.evidence = args.format == "html";
  ProgressBar reading("reading graph");
  build.progress = reading.Callback();
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
  ProgressBar writing("writing " + args.format);
  options.progress = writing.Callback();
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
