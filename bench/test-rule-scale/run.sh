#!/usr/bin/env bash
# Whole-process cost of `aggregator test-rule --config DIR` over 20,000 items in four local feeds: with the
# ten rules of config-10, then with config-10000 (the same ten plus 9,990 rules that cannot match, each needing
# a made-up name no item has, over ten watch-list files). The extra rules add loading and indexing, not matches:
# both configs must print the same matches (the report less its header of each rule's word forms), checked first.
# Runs alternate (10, 10000, then 10000, 10) so drift on a shared machine hits both alike; output goes to /dev/null.
# Prints medians of wall and CPU (user+sys) time per config, their ratio, and the median of each round's own
# ratio (its two runs are next to each other, so a busier minute weighs on both alike).
# Usage: bench/test-rule-scale/run.sh [rounds]   (default 11; needs the .NET SDK, awk)
# APP_DIR=DIR times an aggregator already published there instead of publishing this checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

app=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  dotnet publish -c Release "$here/../../src/Aggregator" -o "$app" --nologo -v quiet | grep -E "error|warning" >&2 || true
fi
test -x "$app/aggregator"

mkdir -p "$work/feeds"
awk -v dir="$work" -v items=20000 -f "$here/generate.awk"
inputs=("$work"/feeds/*.xml)

# test-rule exits 0 when something matched, 1 when nothing did: both are a run; anything else is a failure.
run() {
  local status=0
  "$app/aggregator" test-rule --config "$work/config-$1" "${inputs[@]}" >"$2" 2>&1 || status=$?
  [ "$status" -le 1 ] || { cat "$2" >&2; echo "test-rule with $1 rules exited $status" >&2; exit 1; }
}

# The first runs warm the page cache and check that the 9,990 extra rules match nothing.
run 10 "$work/report-10"
run 10000 "$work/report-10000"
cmp -s <(grep -v "^rule " "$work/report-10") <(grep -v "^rule " "$work/report-10000") || { diff <(grep -v "^rule " "$work/report-10") <(grep -v "^rule " "$work/report-10000") | head >&2; echo "the reports differ" >&2; exit 1; }
echo "$(tail -1 "$work/report-10"), $(grep -c '^      rule ' "$work/report-10") rule matches; $(cat "$work"/feeds/*.xml | wc -c) bytes of feeds"

TIMEFORMAT='%R %U %S'
timed() {
  { time run "$1" /dev/null; } 2>&1 | awk -v rules="$1" '{ printf "%s %s %.3f\n", rules, $1, $2 + $3 }' >>"$work/times"
}
for ((round = 1; round <= rounds; round++)); do
  if ((round % 2)); then timed 10; timed 10000; else timed 10000; timed 10; fi
done

awk -v rounds="$rounds" '
  function median(list, n,    sorted, i, j, t) {
    for (i = 1; i <= n; i++) sorted[i] = list[i]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  { n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 }
  END {
    for (i = 1; i <= n[10]; i++) { rw[i] = wall[10000, i] / wall[10, i]; rc[i] = cpu[10000, i] / cpu[10, i] }
    for (rules = 10; rules <= 10000; rules *= 1000) {
      for (i = 1; i <= n[rules]; i++) { w[i] = wall[rules, i]; c[i] = cpu[rules, i]; wl = wl " " w[i] }
      mw[rules] = median(w, n[rules]); mc[rules] = median(c, n[rules])
      printf "%5d rules: wall median %.3f s, cpu (user+sys) median %.3f s over %d runs; walls:%s\n", rules, mw[rules], mc[rules], n[rules], wl
      wl = ""
    }
    printf "10000/10: wall %.2fx, cpu %.2fx (medians); wall %.2fx, cpu %.2fx (median of per-round ratios)\n", mw[10000] / mw[10], mc[10000] / mc[10], median(rw, n[10]), median(rc, n[10])
  }' "$work/times"
