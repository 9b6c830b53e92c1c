#!/usr/bin/env bash
# Extraction benchmark: kg extract and kg ingest over ../shared/corpus/news.
#   bench/extract.sh BUILD_DIR [BASELINE_KG]
# BASELINE_KG, another kg binary (an earlier build), is timed in the same run,
# each command right after kg's, so the two see the same machine load. Both
# read the same data/ (KG_DATA_DIR if set).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/../shared/corpus/news"
if [ ! -d "$corpus" ]; then echo "extract: $corpus is absent, skipped"; exit 0; fi
bytes=$(cat "$corpus"/*.jsonl | wc -c)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; return 1; }
  read -r wall user rss <"$tmp/time"
  awk -v l="$label" -v b="$bytes" -v w="$wall" -v u="$user" -v r="$rss" 'BEGIN {
    printf "%-28s %6.1f MB  wall %6.2f s  user %6.2f s  %5.1f MB/s per core (user)  peak RSS %4.0f MB\n",
      l, b/1e6, w, u, b/1e6/u, r/1024 }'
}
base=${2:-}
export KG_DATA_DIR=${KG_DATA_DIR:-$here/data}
for kg in "$build/kg" ${base:+"$base"}; do
  tag=""; [ "$kg" = "$base" ] && tag=" (baseline)"
  measure "kg extract$tag" "$kg" extract --format jsonl "$corpus"
done
for kg in "$build/kg" ${base:+"$base"}; do
  tag=""; [ "$kg" = "$base" ] && tag=" (baseline)"
  measure "kg extract --jobs 2$tag" "$kg" extract --jobs 2 --format jsonl "$corpus"
done
for kg in "$build/kg" ${base:+"$base"}; do
  tag=""; [ "$kg" = "$base" ] && tag=" (baseline)"
  rm -rf "$tmp/db"
  measure "kg ingest$tag" "$kg" --db "$tmp/db" ingest "$corpus"
done
