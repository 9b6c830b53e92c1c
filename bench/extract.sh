#!/usr/bin/env bash
# Extraction benchmark: kg extract and kg ingest over ../shared/corpus/news.
#   bench/extract.sh BUILD_DIR
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
measure "kg extract (jsonl)" "$build/kg" extract --format jsonl "$corpus"
measure "kg extract --jobs 2" "$build/kg" extract --jobs 2 --format jsonl "$corpus"
measure "kg ingest" "$build/kg" --db "$tmp/db" ingest "$corpus"
