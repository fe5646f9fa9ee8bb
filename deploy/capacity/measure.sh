#!/usr/bin/env bash
# Polls per second that N `aggregator run` nodes sustain over F loopback feeds polled every second.
#   deploy/capacity/measure.sh FEEDS NODES [SECONDS] [clustered: true|false]
# Needs: a built aggregator (dotnet build -c Release), python3, psql, and a PostgreSQL server reachable with
# PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres). Creates and drops the database aggregator_capacity.
set -euo pipefail
feeds=${1:?feeds}; nodes=${2:?nodes}; seconds=${3:-30}; clustered=${4:-true}
root="$(cd "$(dirname "$0")/../.." && pwd)"
dll=${AGGREGATOR_DLL:-$root/src/Aggregator/bin/Release/net10.0/aggregator.dll}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${FEED_PORT:-58080}
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

psql -q -d postgres -c "DROP DATABASE IF EXISTS aggregator_capacity WITH (FORCE)" -c "CREATE DATABASE aggregator_capacity"
python3 "$root/deploy/capacity/feeds.py" "$port" & pids+=($!)
mkdir -p "$work/config"
{
  echo "settings:"
  echo "  storage: { provider: postgres, connectionString: \"Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=aggregator_capacity\" }"
  echo "  scheduler: { clustered: $clustered }"
  echo "  polling: { minEvery: 1s, timeout: 10s, perHostConcurrency: 16 }"
  echo "  network: { allowedPrivateNetworks: [\"127.0.0.0/8\"] }"
  echo "feeds:"
  for i in $(seq 0 $((feeds - 1))); do echo "  - { id: f$i, url: \"http://127.0.0.1:$port/feed/$i\", every: 1s }"; done
} > "$work/config/aggregator.yaml"

for i in $(seq 1 "$nodes"); do
  mkdir -p "$work/node$i"
  (cd "$work/node$i" && AGGREGATOR_HEARTBEAT="$work/node$i/heartbeat.json" exec dotnet "$dll" run --config "$work/config" > out.log 2>&1) &
  pids+=($!)
done
sleep 20 # start-up, baseline polls
count() { curl -s "http://127.0.0.1:$port/count"; }
cpu() { local t=0; for p in $(pgrep -f "$work/config"); do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
c0=$(count); u0=$(cpu); s0=$(date +%s.%N)
sleep "$seconds"
c1=$(count); u1=$(cpu); s1=$(date +%s.%N)
python3 - "$c0" "$c1" "$u0" "$u1" "$s0" "$s1" "$(getconf CLK_TCK)" <<PY
import sys
c0, c1, u0, u1 = map(int, sys.argv[1:5]); s0, s1 = map(float, sys.argv[5:7]); tck = int(sys.argv[7])
el = s1 - s0; polls = c1 - c0; cpu = (u1 - u0) / tck
print("feeds=$feeds nodes=$nodes clustered=$clustered: %.1f polls/s in all (%.1f per node; %d wanted), "
      "workers used %.2f cores, %.1f ms CPU per poll" % (polls / el, polls / el / $nodes, $feeds, cpu / el, 1000 * cpu / max(polls, 1)))
PY
