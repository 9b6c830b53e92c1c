#!/usr/bin/env bash
# Export benchmark: 1 M edges in each format.
#   bench/export.sh BUILD_DIR
# 1. Exporters alone: an in-memory graph of 1 M edges written in every format
#    (kg_export_bench), wall and CPU seconds per format.
# 2. End to end: a store loaded with 1 M relation triples (plus labels and
#    types for 200 k entities), then `kg export` of the whole graph in every
#    format, timed as a whole process (CPU and wall seconds, peak RSS).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
edges=${KG_EXPORT_BENCH_EDGES:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "-- exporters alone, $edges edges"
"$build/bench/kg_export_bench" "$edges" "$work"

echo "-- kg export end to end, $edges edges"
"$build/bench/kg_export_bench" --ntriples "$edges" > "$work/graph.nt"
"$build/kg" --db "$work/db" load "$work/graph.nt" > /dev/null
# CPU seconds and peak RSS from GNU time: on a shared machine wall time
# measures the neighbours as much as kg. Each format runs once to warm the
# page cache, then KG_EXPORT_BENCH_RUNS times (default 3); the row is the
# median run by CPU seconds.
runs=${KG_EXPORT_BENCH_RUNS:-3}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %8s %8s %14s %14s %9s\n' format cpu_s wall_s 'edges/s(cpu)' 'edges/s(wall)' peak_MiB
for format in dot graphml gexf cytoscape d3 mermaid csv ntriples nquads html; do
  out="$work/out.$format"
  : > "$work/times"
  for run in $(seq 0 "$runs"); do
    /usr/bin/time -f '%U %S %e %M' -o "$work/time" \
      "$build/kg" --db "$work/db" export --format "$format" -o "$out"
    rm -rf "$out"
    if [ "$run" -gt 0 ]; then cat "$work/time" >> "$work/times"; fi
  done
  awk '{ print $1 + $2, $3, $4 }' "$work/times" | sort -n | awk -v f="$format" -v n="$edges" \
    -v runs="$runs" 'NR == int((runs + 1) / 2) { cpu = $1; wall = $2;
    printf "%-10s %8.2f %8.2f %14.0f %14.0f %9.0f\n", f, cpu, wall, n / cpu, n / wall, $3 / 1024 }'
done
