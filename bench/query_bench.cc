// kg_query_bench DB QUERIES RUNS: opens the store once (read-only) and runs
// each query of QUERIES (lines "name<TAB>query") RUNS times after one warm-up
// run, printing one line per query: name, median ms, min ms, rows.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "query/engine.h"

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
    std::vector<double> ms;
    size_t rows = 0;
    for (int i = 0; i <= runs; ++i) {
      // A fresh engine each run: name resolution and planning are timed too.
      kg::query::Engine engine(store->get());
      auto start = std::chrono::steady_clock::now();
      auto result = engine.RunText(text, options);
      double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count();
      if (!result.ok()) {
        std::cerr << "kg_query_bench: " << name << ": " << result.status().ToString() << "\n";
        return 1;
      }
      rows = result->rows.size();
      if (i > 0) ms.push_back(t);  // the first run warms the caches
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%s\t%.3f\t%.3f\t%zu\n", name.c_str(), ms[ms.size() / 2], ms.front(), rows);
  }
  return 0;
}
