#!/usr/bin/env bash
# make demo: ingests examples/ into a fresh store and shows what it holds.
#   scripts/demo.sh KG DB
set -euo pipefail
kg=${1:-build/kg}
db=${2:-build/demo.db}
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$db"
echo "== kg ingest examples/"
"$kg" --db "$db" ingest "$here/examples"
echo
echo "== kg docs"
"$kg" --db "$db" docs
echo
echo "== kg stats"
"$kg" --db "$db" stats
echo
echo "== kg extract --format table examples/ (what each document states)"
"$kg" extract --format table "$here/examples"
if "$kg" query --help >/dev/null 2>&1; then
  run() { echo; echo "== kg query '$1'"; "$kg" --db "$db" query "$1" || true; }
  run '?s funds ?o'
  run '"Executive Order 99001" directs ?agency'
  run '?company based_in ?country'
fi
