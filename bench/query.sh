#!/usr/bin/env bash
# Query benchmark: median latency of five queries (1-pattern lookup, 2- and
# 3-pattern joins, count with group by, a 3-hop path) in kg against Oxigraph
# (npm, in-memory store) running the equivalent SPARQL on the same generated
# graph, in the same run. Both sides open/load once and time each query in
# process (one warm-up run, then RUNS runs; kg times parse, bind, plan,
# execute and label rendering).
#   bench/query.sh BUILD_DIR
# Environment: KG_BENCH_TRIPLES (default 10000000), KG_BENCH_RUNS (default 5),
# KG_BENCH_DIR (default BUILD_DIR/bench-query). Queries: bench/query_gen.kgq
# and bench/query_gen.rq (same names, same order).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${KG_BENCH_DIR:-$build/bench-query}
triples=${KG_BENCH_TRIPLES:-10000000}
runs=${KG_BENCH_RUNS:-5}
mkdir -p "$work"
for tool in node python3; do
  command -v "$tool" >/dev/null || { echo "query.sh: $tool is missing (make deps-bench)" >&2; exit 1; }
done
[ -x "$build/kg" ] && [ -x "$build/bench/kg_query_bench" ] ||
  { echo "query.sh: build kg and kg_query_bench first" >&2; exit 1; }

nt=$work/gen-$triples.nt
db=$work/gen-$triples.db
[ -s "$nt" ] || python3 "$root/bench/gen_graph.py" "$triples" "$nt"
[ -d "$db" ] || "$build/kg" --db "$db" load "$nt" >/dev/null

"$build/bench/kg_query_bench" "$db" "$root/bench/query_gen.kgq" "$runs" >"$work/kg.tsv"
node "$root/bench/oxigraph_query.mjs" "$nt" "$root/bench/query_gen.rq" "$runs" >"$work/oxigraph.tsv"

echo "| query | kg median ms | Oxigraph median ms | kg / Oxigraph | rows (kg, Oxigraph) |"
echo "|---|---:|---:|---:|---|"
paste "$work/kg.tsv" "$work/oxigraph.tsv" | awk -F'\t' '{
  printf "| %s | %.3f | %.3f | %.2f | %s, %s |\n", $1, $2, $6, $2 / $6, $4, $8 }'
