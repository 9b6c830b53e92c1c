// Export throughput without the store: builds an in-memory graph of N edges
// shaped like kg's (typed, labelled entities; a few predicates; documents per
// edge) and times every format writing it.
//   export_bench EDGES [OUT_DIR [FORMAT]]  prints one line per format: edges/s
//   export_bench --ntriples EDGES     writes an N-Triples graph of EDGES
//                                     relations (plus labels, types) to stdout
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "query/export/exporter.h"

namespace {

using kg::exporting::ExportGraph;
using kg::exporting::ExportNode;

const char* const kTypes[] = {"Country", "Company",   "Technology", "Policy",
                              "Agency",  "Institute", "Sector",     "Product"};
const char* const kPredicates[] = {"funds",     "supports", "restricts",
                                   "regulates", "develops", "part_of"};

// CPU seconds of this process: on a shared machine wall time measures the
// neighbours as much as the exporter.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

uint64_t NodesFor(uint64_t edges) { return std::max<uint64_t>(edges / 5, 10); }

ExportGraph MakeGraph(uint64_t edges) {
  std::mt19937_64 rng(42);
  ExportGraph g;
  uint64_t nodes = NodesFor(edges);
  g.nodes.reserve(nodes);
  for (uint64_t i = 0; i < nodes; ++i) {
    ExportNode n;
    n.id = "urn:kg:entity:entity-" + std::to_string(i);
    n.label = "Entity \"" + std::to_string(i) + "\" & Co <" + kTypes[i % 8] + ">";
    n.type = kTypes[i % 8];
    n.type_iri = std::string("urn:kg:type:") + kTypes[i % 8];
    n.label_stored = true;
    if (i % 3 == 0) n.aliases.push_back("E" + std::to_string(i));
    n.first_date = "2024-01-05";
    n.last_date = "2025-03-05";
    g.nodes.push_back(std::move(n));
  }
  // Documents by id, as builders leave them.
  for (int i = 0; i < 5000; ++i) g.documents.push_back({"doc-" + std::to_string(i), "", ""});
  std::sort(g.documents.begin(), g.documents.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  g.edges.reserve(edges);
  for (uint64_t i = 0; i < edges; ++i) {
    auto source = static_cast<uint32_t>(rng() % nodes);
    auto target = static_cast<uint32_t>(rng() % nodes);
    uint32_t predicate = g.AddPredicate(std::string("urn:kg:pred:") + kPredicates[i % 6]);
    uint64_t weight = 1 + rng() % 4;
    const uint32_t doc[] = {static_cast<uint32_t>(rng() % 5000)};
    g.AddEdge(source, target, predicate, weight, doc);
  }
  g.ComputeDegrees();
  return g;
}

int WriteNTriples(uint64_t edges) {
  std::ios::sync_with_stdio(false);
  std::mt19937_64 rng(42);
  uint64_t nodes = NodesFor(edges);
  std::string out;
  out.reserve(1 << 22);
  for (uint64_t i = 0; i < nodes; ++i) {
    std::string iri = "<urn:kg:entity:entity-" + std::to_string(i) + ">";
    out += iri +
           " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:kg:type:" + kTypes[i % 8] +
           "> .\n";
    out += iri + " <http://www.w3.org/2000/01/rdf-schema#label> \"Entity " + std::to_string(i) +
           "\" .\n";
    if (out.size() > (1 << 22) - 4096) {
      std::cout << out;
      out.clear();
    }
  }
  for (uint64_t i = 0; i < edges; ++i) {
    out += "<urn:kg:entity:entity-" + std::to_string(rng() % nodes) +
           "> <urn:kg:pred:" + kPredicates[i % 6] + "> <urn:kg:entity:entity-" +
           std::to_string(rng() % nodes) + "> .\n";
    if (out.size() > (1 << 22) - 4096) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out;
  return std::cout ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "--ntriples") {
    return WriteNTriples(std::strtoull(argv[2], nullptr, 10));
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: export_bench EDGES [OUT_DIR] | --ntriples EDGES\n");
    return 2;
  }
  uint64_t edges = std::strtoull(argv[1], nullptr, 10);
  std::string out_dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
  ExportGraph g = MakeGraph(edges);
  std::printf("%-10s %8s %8s %14s %14s %8s\n", "format", "wall_s", "cpu_s", "edges/s(wall)",
              "edges/s(cpu)", "MB");
  std::vector<std::string> formats = kg::exporting::FormatNames();
  if (argc > 3) formats = {argv[3]};
  for (const std::string& format : formats) {
    std::string path = out_dir + "/export_bench." + format;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = CpuSeconds();
    kg::Status st = kg::exporting::ExportToPath(g, format, path, {});
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double cpu = CpuSeconds() - cpu_start;
    if (!st.ok()) {
      std::fprintf(stderr, "%s: %s\n", format.c_str(), st.ToString().c_str());
      return 1;
    }
    uint64_t bytes = 0;
    if (std::filesystem::is_directory(path)) {
      for (const auto& f : std::filesystem::directory_iterator(path)) bytes += f.file_size();
    } else {
      bytes = std::filesystem::file_size(path);
    }
    std::filesystem::remove_all(path);
    std::printf("%-10s %8.3f %8.3f %14.0f %14.0f %8.1f\n", format.c_str(), secs, cpu,
                static_cast<double>(edges) / secs, static_cast<double>(edges) / cpu,
                static_cast<double>(bytes) / 1e6);
    std::fflush(stdout);
  }
  return 0;
}
