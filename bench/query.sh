#!/usr/bin/env bash
# Query benchmark: median latency of a 1-pattern lookup, 2- and 3-pattern
# joins, count with group by and a 3-hop path in kg against Oxigraph (npm,
# in-memory store) running the equivalent SPARQL on the same data, in the
# same run: the generated graph of bench/gen_graph.py, and the DPV and DBpedia
# links files of ../shared/rdf.
# Both sides open or load once, then time each query in process, taking
# turns: ROUNDS rounds in which each side runs the query untimed for 100 ms
# (a warm-up: caches, and a processor woken from the other side's turn), then
# RUNS times timed; kg goes first in odd rounds. Each side reports the median
# over all its timed runs of the query. On a shared machine the turns spread
# both sides' samples over the same stretch of time. kg times Engine::RunText
# (parse, bind, plan, execute, labels of the result; the store's label and
# planner-count caches, filled by the warm-up, as in a REPL session);
# Oxigraph times store.query() (parse, plan, evaluate, the solutions as
# JavaScript terms). Neither prints rows.
#   bench/query.sh BUILD_DIR
# Environment: KG_BENCH_TRIPLES (default 10000000), KG_BENCH_RUNS (default 5),
# KG_BENCH_ROUNDS (default 5), KG_BENCH_DIR (default BUILD_DIR/bench-query),
# KG_BENCH_SETS (default "gen dpv dbpedia"), KG_SHARED_DIR (default ../shared),
# KG_BENCH_WARMUP_MS (kg_query_bench only; 0 for instruction counts). Queries:
# bench/query_SET.kgq and bench/query_SET.rq (same names, same order).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${KG_BENCH_DIR:-$build/bench-query}
triples=${KG_BENCH_TRIPLES:-10000000}
runs=${KG_BENCH_RUNS:-5}
rounds=${KG_BENCH_ROUNDS:-5}
sets=${KG_BENCH_SETS:-gen dpv dbpedia}
shared=${KG_SHARED_DIR:-$root/../shared}
mkdir -p "$work"
for tool in node python3; do
  command -v "$tool" >/dev/null || { echo "query.sh: $tool is missing (make deps-bench)" >&2; exit 1; }
done
[ -x "$build/kg" ] && [ -x "$build/bench/kg_query_bench" ] ||
  { echo "query.sh: build kg and kg_query_bench first" >&2; exit 1; }

# ask IN OUT PID QUERY: has the server on fds IN and OUT run QUERY, waits
# for it, then until its process PID is quiet: a JavaScript engine collects
# garbage on other threads for a while after a query (up to 50 ms of CPU in
# the next 300 ms here), which would slow the other tool's turn on a 2-core
# machine.
ask() {
  local line
  echo "$4" >&"$1"
  read -r line <&"$2" && [ "$line" = done ] || { echo "query.sh: a server failed on $4" >&2; exit 1; }
  settle "$3"
}

# settle PID: waits (at most 3 s) until PID has used no CPU for 100 ms.
settle() {
  local before after i
  after=$(cpu_ticks "$1")
  for i in $(seq 30); do
    before=$after
    sleep 0.1
    after=$(cpu_ticks "$1")
    [ "$after" = "$before" ] && return
  done
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# run_set NAME NT QUERIES_BASENAME: loads NT into a kg store once, then times
# the set's queries on both sides, taking turns, and prints a Markdown table.
# kg's benchmark is on fds 5 (in) and 6 (out), Oxigraph's on 7 and 8.
run_set() {
  local name=$1 nt=$2 queries=$root/bench/$3 db=$work/$1.db q r line kg_pid ox_pid
  [ -d "$db" ] || "$build/kg" --db "$db" load "$nt" >/dev/null
  rm -f "$work/kg.in" "$work/kg.out" "$work/ox.in" "$work/ox.out"
  mkfifo "$work/kg.in" "$work/kg.out" "$work/ox.in" "$work/ox.out"
  "$build/bench/kg_query_bench" --serve "$db" "$queries.kgq" "$runs" <"$work/kg.in" >"$work/kg.out" &
  kg_pid=$!
  node "$root/bench/oxigraph_query.mjs" --serve "$nt" "$queries.rq" "$runs" \
    <"$work/ox.in" >"$work/ox.out" &
  ox_pid=$!
  # In the order the servers open them, or both sides wait for ever.
  exec 5>"$work/kg.in" 6<"$work/kg.out" 7>"$work/ox.in" 8<"$work/ox.out"
  for fd in 6 8; do
    read -r line <&$fd && [ "$line" = ready ] || { echo "query.sh: a server did not start" >&2; exit 1; }
  done
  for q in $(grep -v '^#' "$queries.kgq" | cut -f1); do
    for r in $(seq "$rounds"); do
      if [ $((r % 2)) = 1 ]; then
        ask 5 6 "$kg_pid" "$q" && ask 7 8 "$ox_pid" "$q"
      else
        ask 7 8 "$ox_pid" "$q" && ask 5 6 "$kg_pid" "$q"
      fi
    done
  done
  exec 5>&- 7>&-  # end of input: each prints its medians over all runs
  cat <&6 >"$work/$name-kg.tsv"
  cat <&8 >"$work/$name-oxigraph.tsv"
  exec 6<&- 8<&-
  wait
  rm -f "$work/kg.in" "$work/kg.out" "$work/ox.in" "$work/ox.out"
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
