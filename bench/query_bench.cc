// kg_query_bench DB QUERIES RUNS: opens the store once (read-only) and runs
// each query of QUERIES (lines "name<TAB>query") RUNS times after a warm-up
// (below), printing one line per query: name, median ms, min ms, rows, median
// CPU ms. Each run times Engine::RunText: parse, bind, plan, execute and the
// labels of the result. CPU time (the process's) is printed too: on a shared
// machine it is the steadier figure.
//
// kg_query_bench --serve DB QUERIES RUNS: the same, driven by a script that
// takes turns with another tool (bench/query.sh): it prints "ready" once the
// store is open, then reads query names from stdin, runs the named query RUNS
// times (after a warm-up) and prints "done"; at the end of its
// input it prints the lines above, over all the timed runs of each query. Turns
// keep both tools' samples of a query within seconds of each other, so a
// busy spell on a shared machine falls on both.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "query/engine.h"

namespace {

double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// One benchmark query and what its runs measured.
struct Query {
  std::string name, text;
  // One engine per query, as a REPL session or a script has: the warm-up
  // run loads its catalog of RDF predicate and type names, and fills the
  // store's caches of labels and planner counts, which later runs (like a
  // session's later queries) read. Each run still parses, resolves names,
  // plans and executes every join afresh; no result is kept.
  std::unique_ptr<kg::query::Engine> engine;
  std::vector<double> ms, cpu_ms;
  size_t rows = 0;
};

// Runs `q` untimed until kWarmUpMs have passed (at least once), then `runs`
// times timed; false on error. The warm-up fills the caches the first time;
// later it wakes the processor: after a pause (the other tool's turn) the
// same runs took 4.5 ms instead of 2.8 ms (docs/benchmarks.md).
bool RunQuery(kg::Store* store, Query& q, int runs) {
  // KG_BENCH_WARMUP_MS=0 leaves one warm-up run, for instruction counts.
  static const double kWarmUpMs = [] {
    const char* ms = std::getenv("KG_BENCH_WARMUP_MS");
    return ms ? std::atof(ms) : 100.0;
  }();
  kg::query::QueryOptions options;
  options.timeout_seconds = 600;
  options.max_rows = 0;
  if (!q.engine) q.engine = std::make_unique<kg::query::Engine>(store);
  auto run = [&](double* ms, double* cpu_ms) {
    double cpu_start = CpuMs();
    auto start = std::chrono::steady_clock::now();
    auto result = q.engine->RunText(q.text, options);
    *ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    *cpu_ms = CpuMs() - cpu_start;
    if (!result.ok()) {
      std::cerr << "kg_query_bench: " << q.name << ": " << result.status().ToString() << "\n";
      return false;
    }
    q.rows = result->rows.size();
    return true;
  };
  double ms = 0, cpu_ms = 0;
  for (double warmed = 0; warmed < kWarmUpMs; warmed += ms)
    if (!run(&ms, &cpu_ms)) return false;
  for (int i = 0; i < runs; ++i) {
    if (!run(&ms, &cpu_ms)) return false;
    q.ms.push_back(ms);
    q.cpu_ms.push_back(cpu_ms);
  }
  return true;
}

void Report(Query& q) {
  if (q.ms.empty()) return;
  std::sort(q.ms.begin(), q.ms.end());
  std::sort(q.cpu_ms.begin(), q.cpu_ms.end());
  std::printf("%s\t%.3f\t%.3f\t%zu\t%.3f\n", q.name.c_str(), q.ms[q.ms.size() / 2], q.ms.front(),
              q.rows, q.cpu_ms[q.cpu_ms.size() / 2]);
}

}  // namespace

int main(int argc, char** argv) {
  bool serve = argc > 1 && std::strcmp(argv[1], "--serve") == 0;
  if (argc != (serve ? 5 : 4)) {
    std::cerr << "usage: kg_query_bench [--serve] DB QUERIES RUNS\n";
    return 2;
  }
  char** args = argv + (serve ? 2 : 1);
  // KG_BENCH_RANGE_CACHE_MB sets the reader's range cache (0: none), to
  // measure reads through RocksDB alone.
  kg::OpenOptions open{.read_only = true, .create_if_missing = false};
  if (const char* mb = std::getenv("KG_BENCH_RANGE_CACHE_MB"))
    open.range_cache_bytes = static_cast<size_t>(std::atof(mb) * (1 << 20));
  auto store = kg::Store::Open(args[0], open);
  if (!store.ok()) {
    std::cerr << "kg_query_bench: " << store.status().ToString() << "\n";
    return 3;
  }
  int runs = std::stoi(args[2]);
  std::vector<Query> queries;
  std::ifstream in(args[1]);
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    queries.push_back(Query{line.substr(0, tab), line.substr(tab + 1), nullptr, {}, {}, 0});
  }
  if (!serve) {
    for (Query& q : queries) {
      if (!RunQuery(store->get(), q, runs)) return 1;
      Report(q);
    }
    return 0;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  while (std::getline(std::cin, line)) {
    auto q = std::find_if(queries.begin(), queries.end(),
                          [&](const Query& x) { return x.name == line; });
    if (q == queries.end()) {
      std::cerr << "kg_query_bench: no query named '" << line << "' in " << args[1] << "\n";
      return 2;
    }
    if (!RunQuery(store->get(), *q, runs)) return 1;
    std::printf("done\n");
    std::fflush(stdout);
  }
  for (Query& q : queries) Report(q);
  return 0;
}
