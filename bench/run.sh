#!/usr/bin/env bash
# make bench: runs every benchmark section script in bench/ (each *.sh but
# this one) with the build directory as its argument.
#   bench/run.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
status=0
for section in "$here"/*.sh; do
  [ "$(basename "$section")" = run.sh ] && continue
  echo "== $(basename "$section" .sh)"
  bash "$section" "$build" || { echo "bench: $(basename "$section") failed" >&2; status=1; }
done
exit $status
