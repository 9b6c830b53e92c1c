// kg load, kg dump: RDF in and out (parsers/rdf does the work).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "parsers/rdf/rdf_dump.h"
#include "parsers/rdf/rdf_load.h"
#include "tools/cli.h"
#include "tools/progress_bar.h"

namespace kg::cli {
namespace {

struct LoadArgs {
  std::vector<std::string> files;
  std::string format;
  bool check = false;
};

struct DumpArgs {
  std::string format = "ntriples";
  std::string output;
};

// "[#####.....]  45%  12.3/27.0 MB  1.2M triples  410k triples/s" while
// reading, then "writing 1.2M triples to the store..." for the final write.
class LoadProgress {
 public:
  explicit LoadProgress(const std::string& name)
      : bar_(name), start_(std::chrono::steady_clock::now()) {}
  std::function<void(uint64_t)> Writing() {
    if (!bar_.on()) return {};
    return [this](uint64_t triples) {
      bar_.Say("writing " + ProgressBar::Count(static_cast<double>(triples)) +
               " triples to the store...");
    };
  }
  std::function<void(uint64_t, uint64_t, uint64_t)> Callback() {
    if (!bar_.on()) return {};
    return [this](uint64_t bytes, uint64_t total, uint64_t triples) {
      bar_.Update(bytes, total, [&] {
        double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        double rate = secs > 0 ? static_cast<double>(triples) / secs : 0;
        char mb[64];
        std::snprintf(mb, sizeof mb, "%.1f/%.1f MB  ", static_cast<double>(bytes) / 1e6,
                      static_cast<double>(total) / 1e6);
        return mb + ProgressBar::Count(static_cast<double>(triples)) + " triples  " +
               ProgressBar::Count(rate) + " triples/s";
      });
    };
  }

 private:
  ProgressBar bar_;
  std::chrono::steady_clock::time_point start_;
};

// Problems that need no parsing are found before anything is written.
Status Preflight(const std::string& path, const rdf::LoadOptions& options) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::InvalidInput(path + ": cannot read: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput(path + ": is a directory, not an RDF file");
  if (::access(path.c_str(), R_OK) != 0) {
    return Status::InvalidInput(path + ": cannot read: " + std::strerror(errno));
  }
  if (!options.format) return rdf::FormatFromPath(path).status();
  return Status::OK();
}

int RunLoad(const LoadArgs& args, GlobalOptions& g) {
  rdf::LoadOptions options;
  if (!args.format.empty()) {
    auto f = rdf::ParseFormatName(args.format);
    if (!f.ok()) return Fail(f.status());
    options.format = *f;
  }
  for (const auto& path : args.files) {
    Status st = Preflight(path, options);
    if (!st.ok()) return Fail(st);
  }

  int rc = 0;
  if (args.check) {
    for (const auto& path : args.files) {
      LoadProgress progress(path);
      options.progress = progress.Callback();
      auto n = rdf::CheckFile(path, options);
      if (!n.ok()) {
        rc = std::max(rc, Fail(n.status()));
        continue;
      }
      std::cout << path << ": ok, " << *n << " statements\n";
    }
    return rc;
  }

  std::unique_ptr<Store> store = OpenForWrite(g, &rc);
  if (!store) return rc;
  for (const auto& path : args.files) {
    auto start = std::chrono::steady_clock::now();
    Result<rdf::LoadReport> report = Status::Internal("not loaded");
    {
      LoadProgress progress(path);
      options.progress = progress.Callback();
      options.writing = progress.Writing();
      report = rdf::LoadFile(*store, path, options);
    }
    if (!report.ok()) {
      rc = std::max(rc, Fail(report.status()));
      continue;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (report->unchanged) {
      std::cout << report->doc_id << ": unchanged (" << report->triples << " triples)\n";
    } else {
      char rate[64];
      std::snprintf(rate, sizeof rate, "%.2f s, %.0f triples/s", secs,
                    secs > 0 ? static_cast<double>(report->triples) / secs : 0.0);
      std::cout << report->doc_id << ": " << (report->replaced ? "replaced, " : "loaded ")
                << report->triples << " triples (" << rate << ")\n";
    }
  }
  return rc;
}

int RunDump(const DumpArgs& args, GlobalOptions& g) {
  auto format = rdf::ParseFormatName(args.format);
  if (!format.ok()) return Fail(format.status());
  int rc = 0;
  std::unique_ptr<Store> store = OpenForRead(g, &rc);
  if (!store) return rc;
  std::FILE* file = stdout;
  std::string name = "standard output";
  if (!args.output.empty() && args.output != "-") {
    file = std::fopen(args.output.c_str(), "wb");
    if (!file) {
      return Fail(Status::InvalidInput(args.output + ": cannot write: " + std::strerror(errno)));
    }
    name = args.output;
  }
  uint64_t n = 0;
  Status st;
  {
    rdf::Writer writer(file, name);
    st = rdf::Dump(*store, *format, &writer, &n);
  }
  if (file != stdout && std::fclose(file) != 0 && st.ok()) {
    st = Status::InvalidInput(name + ": write error: " + std::strerror(errno));
  }
  if (!st.ok()) return Fail(st);
  return 0;
}

}  // namespace

void RegisterRdfCommands(CLI::App& app, GlobalOptions& g) {
  auto load = std::make_shared<LoadArgs>();
  CLI::App* lc = app.add_subcommand(
      "load", "Load N-Triples/N-Quads files (plain or .gz), one document per file");
  lc->add_option("files", load->files, "RDF files (.nt, .nq, optionally .gz)")->required();
  lc->add_option("--format", load->format, "ntriples or nquads (default: by file extension)")
      ->check(CLI::IsMember({"ntriples", "nquads", "nt", "nq"}));
  lc->add_flag("--check", load->check, "parse and validate only; needs no store");
  lc->callback([load, &g] { g.exit_code = RunLoad(*load, g); });

  auto dump = std::make_shared<DumpArgs>();
  CLI::App* dc = app.add_subcommand("dump", "Write the whole store as N-Triples or N-Quads");
  dc->add_option("--format", dump->format, "ntriples or nquads (graph = source document)")
      ->check(CLI::IsMember({"ntriples", "nquads"}))
      ->capture_default_str();
  dc->add_option("-o,--output", dump->output, "output file (default: standard output)");
  dc->callback([dump, &g] { g.exit_code = RunDump(*dump, g); });
}

}  // namespace kg::cli
