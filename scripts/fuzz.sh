#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 60). New inputs go to build-fuzz/corpus/<target>;
# crashes to build-fuzz/crashes/<target>/ and make the script fail. Add a
# crashing input to tests/fuzz/corpus/<target>/ once fixed: it then runs as a
# regression test in `make test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_BUILD:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"fuzz_rdf fuzz_document fuzz_html fuzz_rules fuzz_query"}

cmake -S "$root" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKG_BUILD_FUZZ=ON -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=OFF >/dev/null
# shellcheck disable=SC2086
cmake --build "$out" -j "$(nproc)" --target $targets

failed=0
for t in $targets; do
  work="$out/corpus/$t"
  crashes="$out/crashes/$t"
  mkdir -p "$work" "$crashes"
  seeds=("$root/tests/fuzz/corpus/$t")
  [ "$t" = fuzz_rules ] && seeds+=("$root/data/rules")
  echo "fuzzing $t for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=0 "$out/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$crashes/" "$work" "${seeds[@]}" \
      >"$out/$t.log" 2>&1; then
    echo "FAILED: $t (see $out/$t.log, inputs in $crashes)"
    tail -n 30 "$out/$t.log"
    failed=1
  else
    grep -E '^Done|DONE' "$out/$t.log" | tail -n 1
  fi
done
exit $failed
