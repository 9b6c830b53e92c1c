// kg_query_bench DB QUERIES RUNS: opens the store once (read-only) and runs
// each query of QUERIES (lines "name<TAB>query") RUNS times after one warm-up
// run, printing one line per query: name, median ms, min ms, rows, median
// CPU ms. Each run times Engine::RunText: parse, bind, plan, execute and the
// labels of the result. CPU time (the process's) is printed too: on a shared
// machine it is the steadier figure.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "query/engine.h"

namespace {

double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: kg_query_bench DB QUERIES RUNS\n";
    return 2;
  }
  auto store =
      kg::Store::Open(argv[1], kg::OpenOptions{.read_only = true, .create_if_missing = false});
  if (!store.ok()) {
    std::cerr << "kg_query_bench: " << store.status().ToString() << "\n";
    return 3;
  }
  int runs = std::stoi(argv[3]);
  std::ifstream in(argv[2]);
  std::string line;
  kg::query::QueryOptions options;
  options.timeout_seconds = 600;
  options.max_rows = 0;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    std::string name = line.substr(0, tab), text = line.substr(tab + 1);
    std::vector<double> ms, cpu_ms;
    size_t rows = 0;
    // One engine per query, as a REPL session or a script has: the warm-up
    // run loads its catalog of RDF predicate and type names, and fills the
    // store's caches of labels and planner counts, which later runs (like a
    // session's later queries) read. Each run still parses, resolves names,
    // plans and executes every join afresh; no result is kept.
    kg::query::Engine engine(store->get());
    for (int i = 0; i <= runs; ++i) {
      double cpu_start = CpuMs();
      auto start = std::chrono::steady_clock::now();
      auto result = engine.RunText(text, options);
      double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count();
      double cpu = CpuMs() - cpu_start;
      if (!result.ok()) {
        std::cerr << "kg_query_bench: " << name << ": " << result.status().ToString() << "\n";
        return 1;
      }
      rows = result->rows.size();
      if (i > 0) {  // the first run warms the caches
        ms.push_back(t);
        cpu_ms.push_back(cpu);
      }
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu_ms.begin(), cpu_ms.end());
    std::printf("%s\t%.3f\t%.3f\t%zu\t%.3f\n", name.c_str(), ms[ms.size() / 2], ms.front(), rows,
                cpu_ms[cpu_ms.size() / 2]);
  }
  return 0;
}
