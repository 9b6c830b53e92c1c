#!/usr/bin/env bash
# Load benchmark: kg load against Oxigraph (npm, in-memory store), rapper
# (parse only) and SQLite (an (s,p,o) text table with SPO, POS and OSP
# indexes), on the DBpedia links and DPV files of ../shared/rdf and on a
# generated graph. Every tool reads the same decompressed N-Triples file.
#   bench/load.sh BUILD_DIR
# Environment: KG_BENCH_TRIPLES (generated graph size, default 10000000),
# KG_BENCH_DIR (work directory, default BUILD_DIR/bench-load), KG_SHARED_DIR.
# Prints a Markdown table and kg/peer ratios; also writes them to
# $KG_BENCH_DIR/load-results.md.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KG_SHARED_DIR:-$root/../shared}
work=${KG_BENCH_DIR:-$build/bench-load}
gen_triples=${KG_BENCH_TRIPLES:-10000000}
kg=$build/kg
mkdir -p "$work"

for tool in /usr/bin/time rapper sqlite3 node perl python3; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is missing (make deps-bench)" >&2; exit 1; }
done
[ -x "$kg" ] || { echo "load.sh: $kg is not built" >&2; exit 1; }

datasets=()
for f in dbpedia-links dpv-2.3; do
  if [ -f "$shared/rdf/$f.nt.gz" ]; then
    [ -s "$work/$f.nt" ] || zcat "$shared/rdf/$f.nt.gz" >"$work/$f.nt"
    datasets+=("$f")
  else
    echo "load.sh: $shared/rdf/$f.nt.gz is absent; skipped" >&2
  fi
done
gen=gen-$gen_triples
[ -s "$work/$gen.nt" ] || python3 "$root/bench/gen_graph.py" "$gen_triples" "$work/$gen.nt"
datasets+=("$gen")

# measure NAME CMD...: runs CMD under /usr/bin/time; sets wall, cpu, rss_mb.
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/$name.out" 2>"$work/$name.err" ||
    { echo "load.sh: $name failed:" >&2; tail -3 "$work/$name.err" >&2; return 1; }
  read -r wall user sys rss_kb <"$work/time.txt"
  cpu=$(awk "BEGIN { print $user + $sys }")
  rss_mb=$((rss_kb / 1024))
}

results=$work/load-results.md
{
  echo "| data | tool | triples | wall s | CPU s | triples/s (wall) | triples/CPU-s | bytes/triple | peak RSS MB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$results"
ratios=()

row() {  # data tool triples bytes
  local rate cpu_rate bpt="-"
  rate=$(awk "BEGIN { printf \"%d\", $3 / ($wall > 0 ? $wall : 0.01) }")
  cpu_rate=$(awk "BEGIN { printf \"%d\", $3 / ($cpu > 0 ? $cpu : 0.01) }")
  [ "$4" != "-" ] && bpt=$(awk "BEGIN { printf \"%.1f\", $4 / $3 }")
  echo "| $1 | $2 | $3 | $wall | $cpu | $rate | $cpu_rate | $bpt | $rss_mb |" >>"$results"
  eval "rate_${2//[^a-z]/}=$rate"
  eval "cpurate_${2//[^a-z]/}=$cpu_rate"
}

for d in "${datasets[@]}"; do
  nt=$work/$d.nt
  n=$(grep -c -v -e '^#' -e '^[[:space:]]*$' "$nt")
  echo "load.sh: $d ($n triples)" >&2

  rm -rf "$work/kg.db"
  measure "kg-$d" "$kg" --db "$work/kg.db" load "$nt"
  row "$d" kg "$n" "$(du -sb "$work/kg.db" | cut -f1)"
  kg_rss=$rss_mb

  measure "kgcheck-$d" "$kg" load --check "$nt"
  row "$d" "kg load --check (parse only)" "$n" -

  measure "oxigraph-$d" node "$root/bench/oxigraph_load.mjs" "$nt"
  row "$d" oxigraph "$n" -

  measure "rapper-$d" rapper -i ntriples -c "$nt"
  row "$d" "rapper (parse only)" "$n" -

  # SQLite reads an ASCII-separated conversion (made before timing).
  [ -s "$work/$d.sqlite-in" ] || perl -ne 'print "$1\x1f$2\x1f$3\x1e" if /^(\S+)\s+(\S+)\s+(.*?)\s*\.\s*$/' "$nt" >"$work/$d.sqlite-in"
  rm -f "$work/sqlite.db"
  cat >"$work/sqlite.sql" <<SQL
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;
CREATE TABLE t(s TEXT, p TEXT, o TEXT);
.mode ascii
.import '$work/$d.sqlite-in' t
CREATE INDEX spo ON t(s, p, o); CREATE INDEX pos ON t(p, o, s); CREATE INDEX osp ON t(o, s, p);
SQL
  measure "sqlite-$d" sqlite3 "$work/sqlite.db" ".read $work/sqlite.sql"
  row "$d" sqlite "$n" "$(stat -c %s "$work/sqlite.db")"

  ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
  ratios+=("$d: kg/oxigraph load rate $(ratio "$rate_kg" "$rate_oxigraph")x wall, $(ratio "$cpurate_kg" "$cpurate_oxigraph")x per CPU-second; kg/sqlite $(ratio "$rate_kg" "$rate_sqlite")x wall, $(ratio "$cpurate_kg" "$cpurate_sqlite")x CPU; kg/rapper-parse $(ratio "$rate_kg" "$rate_rapperparseonly")x wall, $(ratio "$cpurate_kg" "$cpurate_rapperparseonly")x CPU; kg parse-only/rapper $(ratio "$cpurate_kgloadcheckparseonly" "$cpurate_rapperparseonly")x CPU; kg peak RSS $kg_rss MB")
done
rm -rf "$work/kg.db" "$work/sqlite.db"

{
  echo
  for r in "${ratios[@]}"; do echo "- $r"; done
} >>"$results"
cat "$results"
