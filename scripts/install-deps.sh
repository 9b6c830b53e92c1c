#!/usr/bin/env bash
# Installs what kg needs from Debian (and npm for the HTML viewer and benchmarks).
# Idempotent: prints nothing when everything is already present.
#   scripts/install-deps.sh build   packages to build and run kg
#   scripts/install-deps.sh test    plus the real consumers the tests drive
#   scripts/install-deps.sh bench   plus the peers the benchmarks compare against
set -euo pipefail
group=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)

build_pkgs=(build-essential cmake ninja-build pkg-config librocksdb-dev rapidjson-dev libboost-dev
            libfmt-dev libcli11-dev libedit-dev libpoppler-cpp-dev zlib1g-dev libssl-dev iso-codes
            libgtest-dev libgmock-dev)  # the default build compiles the tests too
test_pkgs=(graphviz libxml2-utils python3-networkx chromium
           clang libclang-rt-14-dev)
bench_pkgs=(libbenchmark-dev raptor2-utils sqlite3 time)

want=("${build_pkgs[@]}")
case "$group" in
  build) ;;
  test) want+=("${test_pkgs[@]}") ;;
  bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=()
# Node.js may come from elsewhere with its own npm; Debian's npm would conflict with it.
command -v npm >/dev/null 2>&1 || want+=(nodejs npm)
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# cytoscape.js is inlined into the HTML viewer at build time; oxigraph is a benchmark peer.
if [ ! -f "$root/node_modules/cytoscape/dist/cytoscape.min.js" ] ||
   { [ "$group" = bench ] && [ ! -d "$root/node_modules/oxigraph" ]; }; then
  echo "installing npm packages"
  (cd "$root" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
