#!/usr/bin/env bash
# Clustered polling capacity of two worker builds, side by side, in one run.
#
#   deploy/capacity/compare.sh [--base-rev REV | --base-dll DLL] [--new-dll DLL] [--feeds F] [--seconds S]
#       [--warmup W] [--warmup-max M] [--node-cpu CORES] [--nodes "1 3"] [--rounds N]
#       [--kill-test[=new|base|both]] [--no-matrix] [--no-sqlite] [--clustered true|false] [--pg-nosync] [--keep] [--out FILE]
#
# BASE and NEW are two builds of aggregator.dll (also BASE_DLL / NEW_DLL in the environment). --base-rev REV
# checks REV out with `git worktree add` into a temporary directory and builds it there (removed at the end).
# NEW defaults to this checkout's src/Aggregator/bin/Release/net10.0/aggregator.dll (dotnet build src/Aggregator
# -c Release). Example: deploy/capacity/compare.sh --base-rev f315027 --kill-test=both
#
# It starts its own PostgreSQL (initdb + pg_ctl as the postgres user, 127.0.0.1 on a free port, socket in the temp
# directory, pg_stat_statements loaded, durable unless --pg-nosync) and a loopback feed server (feeds.py). Each
# worker node runs in its own cgroup (v1 cpu controller) held to --node-cpu cores (0.25); PostgreSQL and the feed
# server are not limited.
#
# Matrix: {base, new} x {1 node, 3 nodes} (--nodes), each on a fresh database, F feeds (600) at `every: 1s`,
# scheduler.clustered true (--clustered false: the in-memory scheduler, meaningful on one node), storage postgres.
# After W s of warm-up (20; longer, by up to --warmup-max 60 s, until every feed has had its first poll) it
# measures S s (40) and reports per cell: polls/s in all and per node (requests the feed server answered,
# attributed to the node owning the client socket), worker CPU per poll (utime+stime of the node processes) and
# cgroup throttling, PostgreSQL statements per poll (pg_stat_statements calls in the measured
# database, reset at the window's start; the harness queries from another database) and commits per poll
# (xact_commit delta), the top 8 statements by calls, and how polls kept to schedule: the share of gaps between
# consecutive polls of a feed that are <= interval + 2 s, and the share of feeds that never waited longer.
# Each round ends with a `sqlite` cell: NEW as a single node on SQLite with the in-memory scheduler, the same feeds
# and quota, the yardstick for a clustered node's CPU per poll (--no-sqlite skips it).
# 600 feeds saturate one node at 0.25 core; run e.g. --feeds 20 for the on-schedule figures below saturation.
# Figures move by tens of percent from run to run on a shared machine: --rounds N runs the matrix N times,
# interleaved, and adds the median of each figure.
#
# Kill test (--kill-test: for NEW; =base or =both): 3 nodes, 60 feeds at `every: 2s`, one rule matching every
# item, a webhook subscriber on the feed server's /hook, AGGREGATOR_DELIVERY_LEASE=10s. After warm-up the server
# adds an item to 10% of the feeds every 3 s; 10 s later node 1 gets SIGKILL; 40 s later publishing stops and
# deliveries get 15 s to settle. Reports the longest gap between polls of a feed after the kill (target <= 20 s),
# items published vs delivered (none lost) and items delivered more than once.
#
# Prints a table at the end and writes blocks and table to --out (default deploy/capacity/last-run.txt, not
# committed). --keep keeps the work directory (node logs, PostgreSQL log, raw request logs).
# Needs root (cgroups), dotnet, python3, psql, curl, initdb and pg_ctl (PATH or /usr/lib/postgresql/*/bin).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base_dll=${BASE_DLL:-}
new_dll=${NEW_DLL:-$root/src/Aggregator/bin/Release/net10.0/aggregator.dll}
base_rev=""
feeds=600 seconds=40 warmup=20 warmup_max=60 node_cpu=0.25 nodes_list="1 3" kill_test="" matrix=1 sqlite=1 pg_nosync=0 keep=0 clustered=true rounds=1
out="$here/last-run.txt"
kill_feeds=60 kill_every=2 kill_before=10 kill_after=40 kill_settle=15

die() { echo "compare.sh: $*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --base-rev) base_rev=${2:?--base-rev REV}; shift ;;
    --base-dll) base_dll=${2:?--base-dll DLL}; shift ;;
    --new-dll) new_dll=${2:?--new-dll DLL}; shift ;;
    --feeds) feeds=${2:?--feeds F}; shift ;;
    --seconds) seconds=${2:?--seconds S}; shift ;;
    --warmup) warmup=${2:?--warmup W}; shift ;;
    --warmup-max) warmup_max=${2:?--warmup-max SECONDS}; shift ;;
    --node-cpu) node_cpu=${2:?--node-cpu CORES}; shift ;;
    --rounds) rounds=${2:?--rounds N}; shift ;;
    --nodes) nodes_list=${2:?--nodes \"1 3\"}; shift ;;
    --kill-test) kill_test=new ;;
    --kill-test=*) kill_test=${1#--kill-test=} ;;
    --no-matrix) matrix=0 ;;
    --no-sqlite) sqlite=0 ;;
    --pg-nosync) pg_nosync=1 ;;
    --clustered) clustered=${2:?--clustered true|false}; shift ;;
    --keep) keep=1 ;;
    --out) out=${2:?--out FILE}; shift ;;
    -h|--help) usage ;;
    *) echo "compare.sh: unknown argument $1" >&2; usage 2 ;;
  esac
  shift
done
case "$kill_test" in ""|new|base|both) ;; *) die "--kill-test takes new, base or both" ;; esac
case "$clustered" in true|false) ;; *) die "--clustered takes true or false" ;; esac
[[ $feeds =~ ^[0-9]+$ && $seconds =~ ^[0-9]+$ && $warmup =~ ^[0-9]+$ && $warmup_max =~ ^[0-9]+$ && $rounds =~ ^[1-9][0-9]*$ ]] ||
  die "--feeds, --seconds, --warmup, --warmup-max and --rounds take whole numbers"
[[ $node_cpu =~ ^[0-9]*\.?[0-9]+$ ]] || die "--node-cpu takes a number of cores, e.g. 0.25"
[ -n "$base_rev" ] && [ -n "$base_dll" ] && die "give either --base-rev or --base-dll (BASE_DLL), not both"

# --- what the machine must have ----------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || die "run as root: each node gets its own cgroup under /sys/fs/cgroup/cpu"
for tool in dotnet python3 psql curl; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
pgbin=""
for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")" /usr/lib/postgresql/{17,16,15}/bin; do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then pgbin=$d; break; fi
done
[ -n "$pgbin" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin"
pglib="$("$pgbin/pg_config" --pkglibdir 2>/dev/null || pg_config --pkglibdir 2>/dev/null || true)"
if [ -n "$pglib" ] && [ ! -e "$pglib/pg_stat_statements.so" ]; then
  die "pg_stat_statements is not installed with this PostgreSQL ($pglib)"
fi
id postgres >/dev/null 2>&1 || die "no postgres user to run initdb and the server as"
command -v runuser >/dev/null || die "runuser not found (needed to run PostgreSQL as the postgres user)"
cgroot=/sys/fs/cgroup/cpu
[ -w "$cgroot/cgroup.procs" ] && [ -e "$cgroot/cpu.cfs_quota_us" ] ||
  die "needs the cgroup v1 cpu controller writable at $cgroot (cpu.cfs_quota_us)"

# --- work directory, cleanup ------------------------------------------------------------------------------
work="$(mktemp -d /tmp/aggcap.XXXXXX)"
chmod 755 "$work"
base_wt=""
node_pids=()
aux_pids=()
pg_started=0
cgroups=()
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
stop_nodes() {
  local p
  for p in "${node_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for p in "${node_pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  for p in "${node_pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  node_pids=()
}
stop_aux() {
  local p
  for p in "${aux_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  aux_pids=()
}
cleanup() {
  set +e
  stop_nodes
  stop_aux
  [ $pg_started = 1 ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  local cg
  for cg in "${cgroups[@]}"; do
    [ -d "$cg" ] || continue
    while read -r p; do echo "$p" > "$cgroot/cgroup.procs" 2>/dev/null; done < "$cg/cgroup.procs"
    rmdir "$cg" 2>/dev/null || echo "compare.sh: could not remove cgroup $cg" >&2
  done
  if [ -n "$base_wt" ]; then git -C "$root" worktree remove --force "$base_wt" >/dev/null 2>&1 || echo "compare.sh: could not remove worktree $base_wt" >&2; fi
  if [ $keep = 1 ]; then echo "compare.sh: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- the two builds ---------------------------------------------------------------------------------------
if [ -n "$base_rev" ]; then
  git -C "$root" rev-parse --verify --quiet "$base_rev^{commit}" >/dev/null || die "--base-rev $base_rev is not a commit"
  base_wt="$work/base-src"
  log "checking out $base_rev and building it"
  git -C "$root" worktree add --detach "$base_wt" "$base_rev" >/dev/null 2>&1 || die "git worktree add $base_rev failed"
  (cd "$base_wt" && dotnet build src/Aggregator -c Release > "$work/base-build.log" 2>&1) ||
    { tail -20 "$work/base-build.log" >&2; die "building $base_rev failed (log above)"; }
  base_dll="$base_wt/src/Aggregator/bin/Release/net10.0/aggregator.dll"
fi
[ -n "$base_dll" ] || die "give the base build: --base-rev REV, --base-dll DLL or BASE_DLL"
[ -f "$base_dll" ] || die "base build not found: $base_dll"
[ -f "$new_dll" ] || die "new build not found: $new_dll (dotnet build src/Aggregator -c Release)"
base_dll="$(realpath "$base_dll")" new_dll="$(realpath "$new_dll")"
if [ -n "$base_rev" ]; then base_desc="$base_rev"; else base_desc="$base_dll"; fi
new_desc="$new_dll"
if [ "$new_dll" = "$root/src/Aggregator/bin/Release/net10.0/aggregator.dll" ]; then
  new_desc="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src || echo '+changes') (this checkout)"
fi

# --- PostgreSQL ------------------------------------------------------------------------------------------
mkdir -p "$work/pg"
chown -R postgres:postgres "$work/pg"
as_pg() { runuser -u postgres -- "$@"; }
log "starting PostgreSQL ($pgbin)"
as_pg "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres --no-sync -E UTF8 > "$work/pg/initdb.log" 2>&1 ||
  { cat "$work/pg/initdb.log" >&2; die "initdb failed"; }
pgport=$(free_port)
pgopts="-p $pgport -h 127.0.0.1 -k $work/pg -c max_connections=200 -c shared_preload_libraries=pg_stat_statements"
pgopts+=" -c pg_stat_statements.track=all -c pg_stat_statements.max=10000"
[ $pg_nosync = 1 ] && pgopts+=" -c fsync=off -c synchronous_commit=off"
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -o "$pgopts" -l "$work/pg/log" -w -t 60 start > /dev/null 2>&1 ||
  { tail -20 "$work/pg/log" >&2; die "pg_ctl start failed (log above)"; }
pg_started=1
q() { local db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d "$db" "$@"; }
q postgres -c "CREATE EXTENSION pg_stat_statements" || die "CREATE EXTENSION pg_stat_statements failed"

# --- one cgroup per node ---------------------------------------------------------------------------------
period=100000
quota=$(python3 -c "print(max(1000, int(round($node_cpu * $period))))")
maxnodes=3
for n in $nodes_list; do [ "$n" -gt $maxnodes ] && maxnodes=$n; done
for i in $(seq 1 $maxnodes); do
  cg="$cgroot/aggcap-$$-node$i"
  mkdir "$cg" || die "cannot create cgroup $cg"
  cgroups+=("$cg")
  echo $period > "$cg/cpu.cfs_period_us"
  echo "$quota" > "$cg/cpu.cfs_quota_us"
done

clk_tck=$(getconf CLK_TCK)
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
throttled_of() { awk '$1 == "nr_throttled" {t = $2} $1 == "nr_periods" {p = $2} END {printf "%d/%d", t, p}' "$1/cpu.stat"; }

# cell_start DIR LABEL DLL NODES FEEDS EVERY [kill]: database, feed server, config, nodes
cell_start() {
  local dir=$1 label=$2 dll=$3 nodes=$4 nf=$5 every=$6 mode=${7:-}
  mkdir -p "$dir/config"
  db="cap_$(basename "$dir" | tr -c 'a-z0-9\n' '_')"
  q postgres -c "CREATE DATABASE $db"
  q "$db" -c "CREATE EXTENSION pg_stat_statements"
  dboid=$(q postgres -c "SELECT oid FROM pg_database WHERE datname = '$db'")
  fport=$(free_port)
  : > "$dir/pids"
  python3 "$here/feeds.py" "$fport" --feeds "$nf" --pids "$dir/pids" > "$dir/feeds.log" 2>&1 &
  aux_pids+=($!)
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$fport/count" >/dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$fport/count" >/dev/null || die "the feed server did not start ($dir/feeds.log)"
  {
    echo "settings:"
    if [ "$label" = sqlite ]; then
      echo "  storage: { provider: sqlite, connectionString: \"Data Source=$dir/state.db\" }"
      echo "  scheduler: { clustered: false }"
    else
      echo "  storage: { provider: postgres, connectionString: \"Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db\" }"
      echo "  scheduler: { clustered: $clustered }"
    fi
    echo "  polling: { minEvery: 1s, timeout: 10s, perHostConcurrency: 16 }"
    echo "  network: { allowedPrivateNetworks: [\"127.0.0.0/8\"] }"
    if [ "$mode" = kill ]; then
      echo "subscribers:"
      echo "  - { id: hook, webhook: { url: \"http://127.0.0.1:$fport/hook\", secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }, digest: immediate }"
      echo "rules:"
      echo "  - { id: all, query: \"story OR news\", notify: [hook] }"
    fi
    echo "feeds:"
    for i in $(seq 0 $((nf - 1))); do echo "  - { id: f$i, url: \"http://127.0.0.1:$fport/feed/$i\", every: ${every}s }"; done
  } > "$dir/config/aggregator.yaml"
  local i
  for i in $(seq 1 "$nodes"); do
    mkdir -p "$dir/node$i"
    local cg="$cgroot/aggcap-$$-node$i"
    (cd "$dir/node$i" && AGGREGATOR_HEARTBEAT="$dir/node$i/heartbeat.json" AGGREGATOR_DELIVERY_LEASE=10s \
      exec bash -c 'echo $$ > "$0/cgroup.procs" && exec dotnet "$@"' "$cg" "$dll" run --config "$dir/config" \
      > "$dir/node$i/out.log" 2>&1) &
    node_pids+=($!)
    echo $! >> "$dir/pids"
  done
  log "$label: $nodes node(s) on $nf feeds every ${every}s started (database $db, feed server :$fport); warm-up ${warmup}s"
}

node_problems() {
  local dir=$1 i=1 p
  for p in "${node_pids[@]}"; do
    if ! kill -0 "$p" 2>/dev/null; then
      log "node$i has exited; the end of its log ($dir/node$i/out.log):"
      tail -5 "$dir/node$i/out.log" >&2
    fi
    i=$((i + 1))
  done
}

# throughput cell
run_cell() {
  local label=$1 dll=$2 nodes=$3 round=$4 dir="$work/$1-${3}n"
  [ "$rounds" -gt 1 ] && dir+="-r$round"
  cell_start "$dir" "$label" "$dll" "$nodes" "$feeds" 1
  local started=$SECONDS
  sleep "$warmup"
  # first polls fetch in full and record 20 items each: measure only once every feed is past its first poll
  local polled=0 waited=0
  while polled=$(curl -sf "http://127.0.0.1:$fport/polled") && [ "${polled:-0}" -lt "$feeds" ] && [ $waited -lt "$warmup_max" ]; do
    sleep 1; waited=$((waited + 1))
  done
  [ "${polled:-0}" -lt "$feeds" ] && log "$label: only $polled of $feeds feeds polled after $((SECONDS - started)) s of warm-up; measuring anyway"
  sleep 2
  local warm=$((SECONDS - started))
  node_problems "$dir"
  local i cpu0="" cpu1="" thr0=() thr=""
  q postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
  local xact0; xact0=$(q postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'")
  local t0; t0=$(curl -sf "http://127.0.0.1:$fport/now")
  local stat0 feeds0
  stat0=$(head -1 /proc/stat | cut -d' ' -f2-)
  feeds0=$(cpu_of "${aux_pids[-1]}")
  for i in $(seq 1 "$nodes"); do cpu0+="\"$i\": $(cpu_of "${node_pids[$((i - 1))]}"), "; thr0+=("$(throttled_of "$cgroot/aggcap-$$-node$i")"); done
  log "$label: measuring ${seconds}s"
  sleep "$seconds"
  local t1; t1=$(curl -sf "http://127.0.0.1:$fport/now")
  local stat1 feeds1
  stat1=$(head -1 /proc/stat | cut -d' ' -f2-)
  feeds1=$(cpu_of "${aux_pids[-1]}")
  for i in $(seq 1 "$nodes"); do
    cpu1+="\"$i\": $(cpu_of "${node_pids[$((i - 1))]}"), "
    local a b; a=${thr0[$((i - 1))]}; b=$(throttled_of "$cgroot/aggcap-$$-node$i")
    thr+="\"$i\": \"$(( ${b%/*} - ${a%/*} ))/$(( ${b#*/} - ${a#*/} ))\", "
  done
  local xact1; xact1=$(q postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'")
  local calls; calls=$(q postgres -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = $dboid")
  q postgres -c "SELECT json_agg(json_build_array(calls, q)) FROM (SELECT calls, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS q
                 FROM pg_stat_statements WHERE dbid = $dboid ORDER BY calls DESC LIMIT 8) t" > "$dir/top.json"
  curl -sf "http://127.0.0.1:$fport/requests" > "$dir/requests.json"
  node_problems "$dir"
  local pids=""
  for i in $(seq 1 "$nodes"); do pids+="\"$i\": ${node_pids[$((i - 1))]}, "; done
  cat > "$dir/meta.json" <<JSON
{"label": "$label", "round": $round, "warmup": $warm, "dll": "$( [ "$label" = base ] && echo "$base_desc" || echo "$new_desc")", "nodes": $nodes,
 "feeds": $feeds, "every": 1, "slack": 2, "t0": $t0, "t1": $t1, "clk_tck": $clk_tck,
 "pids": {${pids%, }}, "cpu0": {${cpu0%, }}, "cpu1": {${cpu1%, }}, "throttled": {${thr%, }},
 "stat0": "$stat0", "stat1": "$stat1", "feeds_cpu": $((feeds1 - feeds0)),
 "xact0": $xact0, "xact1": $xact1, "pgss_calls": $calls, "top": $(cat "$dir/top.json" | sed 's/^$/[]/')}
JSON
  stop_nodes
  stop_aux
  python3 "$here/analyse.py" cell "$dir" | tee -a "$work/blocks.txt"
  results+=("$dir")
}

# kill test
run_kill() {
  local label=$1 dll=$2 dir="$work/$1-kill"
  cell_start "$dir" "$label" "$dll" 3 "$kill_feeds" "$kill_every" kill
  sleep "$warmup"
  node_problems "$dir"
  curl -sf -X POST "http://127.0.0.1:$fport/publish/start?every=3&share=0.1" >/dev/null
  log "$label kill test: publishing; SIGKILL to node1 in ${kill_before}s"
  sleep "$kill_before"
  local tk; tk=$(curl -sf "http://127.0.0.1:$fport/now")
  kill -KILL "${node_pids[0]}"
  wait "${node_pids[0]}" 2>/dev/null || true
  sleep "$kill_after"
  curl -sf -X POST "http://127.0.0.1:$fport/publish/stop" >/dev/null
  log "$label kill test: publishing stopped; ${kill_settle}s for deliveries to settle"
  sleep "$kill_settle"
  curl -sf "http://127.0.0.1:$fport/requests" > "$dir/requests.json"
  curl -sf "http://127.0.0.1:$fport/published" > "$dir/published.json"
  curl -sf "http://127.0.0.1:$fport/hooks" > "$dir/hooks.json"
  cat > "$dir/meta.json" <<JSON
{"label": "$label", "nodes": 3, "feeds": $kill_feeds, "every": $kill_every, "t_kill": $tk, "after_kill": $kill_after}
JSON
  stop_nodes
  stop_aux
  python3 "$here/analyse.py" kill "$dir" | tee -a "$work/blocks.txt"
  results+=("$dir")
}

results=()
: > "$work/blocks.txt"
log "base: $base_desc"
log "new:  $new_desc"
log "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; nodes held to $node_cpu core each"
if [ $matrix = 1 ]; then
  for round in $(seq 1 "$rounds"); do
    for label in base new; do
      if [ $label = base ]; then dll=$base_dll; else dll=$new_dll; fi
      for n in $nodes_list; do run_cell "$label" "$dll" "$n" "$round"; done
    done
    [ $sqlite = 1 ] && run_cell sqlite "$new_dll" 1 "$round"
  done
fi
case "$kill_test" in
  base) run_kill base "$base_dll" ;;
  new) run_kill new "$new_dll" ;;
  both) run_kill base "$base_dll"; run_kill new "$new_dll" ;;
esac

{
  echo "Clustered polling capacity, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "base: $base_desc"
  echo "new:  $new_desc"
  echo "each node held to $node_cpu core (cgroup cpu quota); PostgreSQL $("$pgbin/postgres" --version | awk '{print $NF}')$( [ $pg_nosync = 1 ] && echo ', fsync off')"
  echo "warm-up ${warmup}s, measured ${seconds}s"
  echo
  cat "$work/blocks.txt"
  echo
  python3 "$here/analyse.py" table "${results[@]}"
} > "$work/report.txt"
mkdir -p "$(dirname "$out")"
cp "$work/report.txt" "$out"
echo
python3 "$here/analyse.py" table "${results[@]}"
echo
log "full report in $out"
