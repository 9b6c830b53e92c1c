#!/usr/bin/env bash
# Extraction benchmark: kg extract and kg ingest over ../shared/corpus/news.
#   bench/extract.sh BUILD_DIR [BASELINE_KG]
# BASELINE_KG, another kg binary (an earlier build), is timed in the same run,
# each run right after kg's, so the two see the same machine load. Both read
# the same data/ (KG_DATA_DIR if set). RUNS (default 3) runs of each command;
# the medians of wall, user CPU and peak RSS are printed, and with a baseline
# the median of the run-by-run ratios of user CPU and wall time.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/../shared/corpus/news"
if [ ! -d "$corpus" ]; then echo "extract: $corpus is absent, skipped"; exit 0; fi
bytes=$(cat "$corpus"/*.jsonl | wc -c)
runs=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base=${2:-}
export KG_DATA_DIR=${KG_DATA_DIR:-$here/data}

once() {  # kg, out file, args...: appends "wall user rss" to the out file
  local kg=$1 out=$2; shift 2
  rm -rf "$tmp/db"
  /usr/bin/time -f "%e %U %M" -o "$tmp/time" "$kg" "$@" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err"; return 1; }
  cat "$tmp/time" >>"$out"
}

median() {  # column of a file
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report() {  # label, file of runs
  local wall user rss
  wall=$(cut -d' ' -f1 "$2" | median)
  user=$(cut -d' ' -f2 "$2" | median)
  rss=$(cut -d' ' -f3 "$2" | median)
  awk -v l="$1" -v b="$bytes" -v w="$wall" -v u="$user" -v r="$rss" -v n="$runs" 'BEGIN {
    printf "%-34s %5.1f MB  wall %6.2f s %5.1f MB/s  user %6.2f s %5.1f MB/s per core  peak RSS %4.0f MB  (median of %d)\n",
      l, b/1e6, w, b/1e6/w, u, b/1e6/u, r/1024, n }'
}

ratios() {  # label, kg runs, baseline runs
  paste -d' ' "$2" "$3" | awk '{ print $2 / $5, $1 / $4 }' >"$tmp/ratios"
  local user wall
  user=$(cut -d' ' -f1 "$tmp/ratios" | median)
  wall=$(cut -d' ' -f2 "$tmp/ratios" | median)
  printf "%-34s user %.3f  wall %.3f  (median of run-by-run ratios kg/baseline)\n" "$1" "$user" "$wall"
}

bench() {  # label, args...
  local label=$1; shift
  : >"$tmp/a"; : >"$tmp/b"
  for ((r = 0; r < runs; ++r)); do
    once "$build/kg" "$tmp/a" "$@"
    if [ -n "$base" ]; then once "$base" "$tmp/b" "$@"; fi
  done
  report "$label" "$tmp/a"
  if [ -n "$base" ]; then
    report "$label (baseline)" "$tmp/b"
    ratios "$label" "$tmp/a" "$tmp/b"
  fi
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
bench "kg extract --jobs 1" extract --jobs 1 --format jsonl "$corpus"
bench "kg extract --jobs 2" extract --jobs 2 --format jsonl "$corpus"
bench "kg ingest (default --jobs)" --db "$tmp/db" ingest "$corpus"
bench "kg ingest --jobs 1" --db "$tmp/db" ingest --jobs 1 "$corpus"
bench "kg ingest --jobs 2" --db "$tmp/db" ingest --jobs 2 "$corpus"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
