#!/usr/bin/env bash
# Cache misses and instructions per item of the rule matching loop, from valgrind's cache simulation:
# deterministic, so two builds can be compared on a machine whose timings move with its neighbours.
# The simulated last level is this machine's 512 KB per-core L2; the L3 it shares with other tenants is not modelled.
# Usage: bench/cache-misses/run.sh [rules...]   (default 10 10000; needs gcc, valgrind and its headers)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -shared -fPIC -o "$work/libcallgrind_region.so" "$here/callgrind_region.c"
dotnet build -c Release "$here/../Aggregator.Benchmarks" -o "$work/bin" --nologo -v quiet | grep -E "error|warning" >&2 || true
test -f "$work/bin/Aggregator.Benchmarks.dll"
items=2000
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 10000)
for count in "${counts[@]}"; do
  # Tiered compilation off: the same fully optimised code in every run. No GC inside the measured loop.
  LD_LIBRARY_PATH="$work" DOTNET_TieredCompilation=0 DOTNET_GCgen0size=0x10000000 DOTNET_EnableWriteXorExecute=0 \
    valgrind --tool=callgrind --cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 --LL=524288,8,64 \
      --collect-atstart=no --instr-atstart=no --callgrind-out-file="$work/out.%p" \
      dotnet "$work/bin/Aggregator.Benchmarks.dll" cache-misses "$count" "$items" >/dev/null 2>"$work/valgrind.log" \
    || { cat "$work/valgrind.log" >&2; exit 1; }
  # The dump the benchmark asked for (".1") holds the matching loop alone.
  awk -v rules="$count" -v n="$items" '/^summary:/ {
      printf "%7d rules: %8.0f instructions, %6.1f L1d read misses, %5.1f L1d write misses, %5.1f L2 read misses, %5.1f L2 write misses per item\n",
        rules, $2/n, $6/n, $7/n, $9/n, $10/n }' "$work"/out.*.1
  rm -f "$work"/out.*
done
