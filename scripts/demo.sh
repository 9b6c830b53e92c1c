#!/usr/bin/env bash
# make demo: ingests examples/ into a fresh store and shows what it holds.
#   scripts/demo.sh KG DB
set -euo pipefail
kg=${1:-build/kg}
db=${2:-build/demo.db}
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$db"
echo "== kg ingest examples/*.txt"
"$kg" --db "$db" ingest "$here"/examples/*.txt
echo
echo "== kg docs"
"$kg" --db "$db" docs
echo
echo "== kg stats"
"$kg" --db "$db" stats
echo
echo "== kg extract --format table examples/*.txt (what each document states)"
"$kg" extract --format table "$here"/examples/*.txt
run() { echo; echo "== kg query '$1'"; "$kg" --db "$db" query --format table "$1"; }
run '?s funds ?o'
run 'find ?t, count(?c) as backers where ?c (funds|supports) ?t group by ?t order by backers desc limit 5'
run '"Executive Order 99001" directs ?agency'
run '?company based_in ?country'
run 'find ?t where ?t part_of+ "Artificial intelligence" limit 5'
run 'path Japan to "Artificial intelligence" max 4'
run 'why Japan funds Robotics'
run 'describe Huawei'
echo
echo "== kg export --format html -o ${db%.db}-graph.html (open it in a browser)"
"$kg" --db "$db" export --format html -o "${db%.db}-graph.html"
