#!/usr/bin/env bash
# Aggregator, rss2email and feed2exec on the same 300 loopback feeds: see docs/PERFORMANCE.md,
# "Side by side with rss2email and feed2exec". Extra arguments go to sidebyside.py (--help lists them).
#   bench/side-by-side/run.sh
#   PUBLISH_ARGS="-p:PublishReadyToRun=false -p:TieredPGO=true" AGGREGATOR_OUT=/tmp/jit bench/side-by-side/run.sh --label "JIT"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# The peers come from Debian's packages, run by Debian's own Python.
missing=()
command -v r2e >/dev/null || missing+=(rss2email)
command -v feed2exec >/dev/null || missing+=(feed2exec)
if ((${#missing[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The worker as an operator installs it: published, run through its app host.
out="${AGGREGATOR_OUT:-$here/.out/aggregator}"
dotnet publish "$repo/src/Aggregator/Aggregator.csproj" -c Release -r "${RID:-linux-x64}" --self-contained false -o "$out" ${PUBLISH_ARGS:-} >/dev/null

uptime
exec /usr/bin/python3 "$here/sidebyside.py" --aggregator "$out/aggregator" --bundled-config "$repo/config" "$@"
