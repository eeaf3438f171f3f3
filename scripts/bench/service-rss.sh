#!/usr/bin/env bash
# Resident memory of the four services, to size the containers' requests and limits (k8s/).
# Starts the built jars with scripts/up.sh --no-build (the JVM flags up.sh uses: -Xms64m
# -Xmx512m) on other ports with its own OPENDATA_HOME, databases and Redis database index, reads
# VmRSS after start-up, drives a load (data reads through the gateway, three full CSV exports
# from the catalog, each service's /info through the gateway), reads VmRSS and the peak VmHWM
# again, and stops it. Repeats RUNS times and
# prints the medians as a Markdown table for docs/benchmarks.md.
#   scripts/bench/service-rss.sh [runs] [port base]      (defaults: 3, 18540)
# Needs wrk (apt-get install wrk) and a build (./mvnw -DskipTests package, or scripts/up.sh).
source "$(dirname "$0")/../lib/common.sh"
RUNS="${1:-3}"
BASE="${2:-18540}"
command -v wrk >/dev/null || apt_install wrk

BENCH_HOME="${BENCH_HOME:-$OPENDATA_HOME/bench-rss-$BASE}"
BENCH_REDIS_DB="${BENCH_REDIS_DB:-${E2E_REDIS_DB}}"
BENCH_CATALOG_DB="${TEST_DB_NAME}_rss_catalog" BENCH_ARCHIVE_DB="${TEST_DB_NAME}_rss_archive"
NAMES=(gateway catalog search archive)

bench() {
  OPENDATA_HOME="$BENCH_HOME" GATEWAY_PORT=$BASE CATALOG_PORT=$((BASE + 1)) \
    SEARCH_PORT=$((BASE + 2)) ARCHIVE_PORT=$((BASE + 3)) \
    CATALOG_DB_NAME="$BENCH_CATALOG_DB" ARCHIVE_DB_NAME="$BENCH_ARCHIVE_DB" \
    REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$BENCH_REDIS_DB" DB_URL= "$@"
}
stop() { bench "$ROOT_DIR/scripts/down.sh" >/dev/null 2>&1 || true; }
trap stop EXIT

rss_mib() { awk -v f="$2" '$1 == f":" {printf "%d", $2 / 1024}' "/proc/$1/status"; }
pid_of() { cat "$BENCH_HOME/run/$1.pid"; }

declare -A idle loaded peak
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS"
  rm -rf "$BENCH_HOME" && mkdir -p "$BENCH_HOME"
  drop_databases "$BENCH_CATALOG_DB" "$BENCH_ARCHIVE_DB"
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$BENCH_REDIS_DB" flushdb >/dev/null
  # up.sh gives up after 180 s; on a machine shared with other builds start-up can take longer,
  # and the services it started keep starting, so wait for them here as well.
  bench "$ROOT_DIR/scripts/up.sh" --no-build >/dev/null 2>&1 || true
  for p in $BASE $((BASE + 1)) $((BASE + 2)) $((BASE + 3)); do
    wait_until 600 "port $p" curl -fs "http://127.0.0.1:$p/$([ "$p" = "$BASE" ] && echo actuator/health/readiness || echo readyz)" \
      || die "the platform did not come up; see $BENCH_HOME/logs"
  done
  for n in "${NAMES[@]}"; do idle[$n]+="$(rss_mib "$(pid_of "$n")" VmRSS) "; done

  gw="http://127.0.0.1:$BASE/api/v1"
  # a key whose limits do not turn the load into cheap 429s
  admin=$(sed -n 's/^ADMIN_API_KEY=//p' "$BENCH_HOME/secrets.env")
  create_key() {
    key=$(curl -fs -X POST "$gw/admin/keys" -H "X-API-Key: $admin" -H 'Content-Type: application/json' \
      -d '{"name":"rss","owner":"bench@localhost","roles":["consumer"],"limits":{"read":1000000,"bulk":1000000,"search":1000000}}' \
      | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
    [ -n "$key" ]
  }
  # on a machine shared with other builds Redis may answer slowly at first (503): try again
  key=""
  wait_until 120 "benchmark key" create_key || true
  create_key || die "could not create a benchmark key"
  wrk -t2 -c16 -d20s -H "X-API-Key: $key" "$gw/catalog/fiscal/items?region=150600&year=2024&size=100" >/dev/null
  # the whole CSV export straight from the catalog: through the gateway a long export meets the
  # route's time limit (10 s) on a busy machine
  for _ in 1 2 3; do curl -fs -o /dev/null "http://127.0.0.1:$((BASE + 1))/api/v1/catalog/fiscal/items?format=csv"; done
  for s in catalog search archive; do wrk -t2 -c16 -d10s -H "X-API-Key: $key" "$gw/$s/info" >/dev/null; done
  for n in "${NAMES[@]}"; do
    loaded[$n]+="$(rss_mib "$(pid_of "$n")" VmRSS) "
    peak[$n]+="$(rss_mib "$(pid_of "$n")" VmHWM) "
  done
  log "run $run: after start ${idle[*]}| after load ${loaded[*]}| peak ${peak[*]} (MiB; gateway catalog search archive, runs so far)"
  stop
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo
echo "Command: \`scripts/bench/service-rss.sh $RUNS $BASE\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -n 1); JVM flags from up.sh: -Xms64m -Xmx512m"
echo
echo "| service | RSS after start (MiB) | RSS after load (MiB) | peak RSS, VmHWM (MiB) | runs (peak) |"
echo "|---|---|---|---|---|"
for n in "${NAMES[@]}"; do
  echo "| $n | $(median "${idle[$n]}") | $(median "${loaded[$n]}") | $(median "${peak[$n]}") | ${peak[$n]% } |"
done
