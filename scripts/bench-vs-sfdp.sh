#!/usr/bin/env bash
# Times `minilateral render` (release) against Graphviz `sfdp -Tpng` on the same synthetic
# graphs, from a file to a 1920x1080 PNG, and prints the ratios and the peak memory.
# The graphs come from `minilateral generate --nodes N --dot ...` (four actors per body,
# eight events per node); sfdp draws the DOT file of the same network.
# Usage: scripts/bench-vs-sfdp.sh [--no-build] [--runs R] [NODES...]   (default 700 5000 20000)
# Installs graphviz from Debian (apt-get) when sfdp is missing. Run it on a quiet machine
# (e.g. `nice -n -0 scripts/bench-vs-sfdp.sh`); each figure is the best of R runs (default 3).
set -eu
cd "$(dirname "$0")/.."
build=1; runs=3; sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    --runs) shift; runs=$1 ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(700 5000 20000)
if ! command -v sfdp >/dev/null; then
  echo "installing graphviz (apt-get)..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y graphviz >/dev/null; else sudo apt-get install -y graphviz >/dev/null; fi
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }
[ $build = 0 ] || cargo build --release --quiet
exe=target/release/minilateral
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# best_of CMD...: runs CMD $runs times; prints "seconds peak_kB" of the fastest run.
best_of() {
  local best="" line
  for _ in $(seq "$runs"); do
    line=$(/usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1)
    if [ -z "$best" ] || awk -v a="${line% *}" -v b="${best% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
  done
  echo "$best"
}

printf '%-8s %-8s %-12s %-12s %-10s %-10s %s\n' nodes ties "ours (s)" "sfdp (s)" "sfdp/ours" "ours MB" "sfdp MB"
for n in "${sizes[@]}"; do
  "$exe" generate "$work/g$n.json" --nodes "$n" --dot "$work/g$n.dot" 2>/dev/null
  ties=$(grep -c -- ' -- ' "$work/g$n.dot")
  ours=$(best_of "$exe" render "$work/g$n.json" --out "$work/ours$n.png")
  # 20 x 11.25 inches at 96 dpi: 1920 x 1080 pixels, as `render` draws.
  theirs=$(best_of sfdp -Tpng -Gsize='20,11.25!' -Gdpi=96 -o "$work/sfdp$n.png" "$work/g$n.dot")
  awk -v n="$n" -v t="$ties" -v o="$ours" -v s="$theirs" 'BEGIN{
    split(o, a, " "); split(s, b, " ");
    printf "%-8d %-8d %-12.2f %-12.2f %-10.1f %-10.0f %.0f\n", n, t, a[1], b[1], (a[1] > 0 ? b[1] / a[1] : 0), a[2] / 1024, b[2] / 1024 }'
done
