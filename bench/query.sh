#!/usr/bin/env bash
# Query benchmark: median latency of a 1-pattern lookup, 2- and 3-pattern
# joins, count with group by and a 3-hop path in kg against Oxigraph (npm,
# in-memory store) running the equivalent SPARQL on the same data, in the
# same run: the generated graph of bench/gen_graph.py, and the DPV and DBpedia
# links files of ../shared/rdf.
# Both sides open or load once, then time each query in process: one warm-up
# run, then RUNS runs. kg times Engine::RunText (parse, bind, plan, execute,
# labels of the result; the store's label and planner-count caches, filled by
# the warm-up run, as in a REPL session); Oxigraph times store.query() (parse,
# plan, evaluate, the solutions as JavaScript terms). Neither prints rows.
#   bench/query.sh BUILD_DIR
# Environment: KG_BENCH_TRIPLES (default 10000000), KG_BENCH_RUNS (default 5),
# KG_BENCH_DIR (default BUILD_DIR/bench-query), KG_BENCH_SETS (default
# "gen dpv dbpedia"), KG_SHARED_DIR (default ../shared). Queries:
# bench/query_SET.kgq and bench/query_SET.rq (same names, same order).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${KG_BENCH_DIR:-$build/bench-query}
triples=${KG_BENCH_TRIPLES:-10000000}
runs=${KG_BENCH_RUNS:-5}
sets=${KG_BENCH_SETS:-gen dpv dbpedia}
shared=${KG_SHARED_DIR:-$root/../shared}
mkdir -p "$work"
for tool in node python3; do
  command -v "$tool" >/dev/null || { echo "query.sh: $tool is missing (make deps-bench)" >&2; exit 1; }
done
[ -x "$build/kg" ] && [ -x "$build/bench/kg_query_bench" ] ||
  { echo "query.sh: build kg and kg_query_bench first" >&2; exit 1; }

# run_set NAME NT QUERIES_BASENAME: loads NT into a kg store once, then times
# the set's queries on both sides and prints a Markdown table.
run_set() {
  local name=$1 nt=$2 queries=$root/bench/$3 db=$work/$1.db
  [ -d "$db" ] || "$build/kg" --db "$db" load "$nt" >/dev/null
  "$build/bench/kg_query_bench" "$db" "$queries.kgq" "$runs" >"$work/$name-kg.tsv"
  node "$root/bench/oxigraph_query.mjs" "$nt" "$queries.rq" "$runs" >"$work/$name-oxigraph.tsv"
  echo "### $name ($(grep -c '' "$nt") triples; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| query | kg median ms | Oxigraph median ms | kg / Oxigraph | kg CPU ms | Oxigraph CPU ms | CPU ratio | rows (kg, Oxigraph) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  paste "$work/$name-kg.tsv" "$work/$name-oxigraph.tsv" | awk -F'\t' '{
    printf "| %s | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f | %s, %s |\n",
      $1, $2, $7, $2 / $7, $5, $10, ($10 > 0 ? $5 / $10 : 0), $4, $9 }'
  echo
}

for set in $sets; do
  case $set in
    gen)
      nt=$work/gen-$triples.nt
      [ -s "$nt" ] || python3 "$root/bench/gen_graph.py" "$triples" "$nt"
      run_set "gen-$triples" "$nt" query_gen
      ;;
    dpv | dbpedia)
      gz=$shared/rdf/$([ "$set" = dpv ] && echo dpv-2.3 || echo dbpedia-links).nt.gz
      [ -f "$gz" ] || { echo "query.sh: $gz is absent; $set skipped" >&2; continue; }
      [ -s "$work/$set.nt" ] || zcat "$gz" >"$work/$set.nt"
      run_set "$set" "$work/$set.nt" "query_$set"
      ;;
    *) echo "query.sh: unknown set $set" >&2; exit 1 ;;
  esac
done
