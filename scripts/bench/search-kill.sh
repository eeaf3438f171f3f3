#!/usr/bin/env bash
# Kill test of search's indexer (issue 10): kill -9 search-service while N policies are being
# published, restart it, and check that all N become searchable — nothing lost, because the
# indexer acknowledges (XACK) an event only after Elasticsearch took the document, and a
# restarted consumer reads its pending entries again (XAUTOCLAIM takes over a dead one's).
# Runs against the platform of scripts/up.sh: publishes through the gateway (two publisher keys),
# kills the search-service that up.sh recorded ($RUN_DIR/search.pid), restarts it with
# `scripts/up.sh --no-build`, then polls search-service until the run's subject has N hits.
#   scripts/bench/search-kill.sh [--count N] [--kill-after K] [--wait S]
#   --count N       policies to publish (default 200; 5 is enough to try it)
#   --kill-after K  kill search-service after K publications (default N/3)
#   --wait S        seconds to wait for all N after the restart (default 300)
# Exit status 0 only when all N are searchable. No numbers go into docs/benchmarks.md.
source "$(dirname "$0")/search-common.sh"

COUNT=200
KILL_AFTER=""
WAIT=300
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift ;;
    --kill-after) KILL_AFTER="$2"; shift ;;
    --wait) WAIT="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ "$COUNT" -ge 1 ] 2>/dev/null || die "--count must be a positive number"
KILL_AFTER="${KILL_AFTER:-$(( COUNT / 3 ))}"
running search || die "search-service is not running under scripts/up.sh ($RUN_DIR/search.pid)"

SUBJECT="kill-test-$(date +%s)"
base=$(run_serial_base)
publisher_keys
log "publishing $COUNT policies (subject $SUBJECT); search-service is killed after $KILL_AFTER"
published=0
for i in $(seq 1 "$COUNT"); do
  publish_policy "$SUBJECT" $((base + i)) >/dev/null || die "publication $i failed"
  published=$((published + 1))
  if [ "$published" = "$KILL_AFTER" ]; then
    pid=$(recorded_pid search)
    log "kill -9 search-service (pid $pid) after $published publications"
    kill -KILL "$pid"
  fi
done
[ "$KILL_AFTER" -ge "$COUNT" ] && { pid=$(recorded_pid search); log "kill -9 search-service (pid $pid)"; kill -KILL "$pid"; }
while pid_alive "$(recorded_pid search)"; do sleep 0.2; done
log "all $COUNT published, $((COUNT - KILL_AFTER)) of them while search-service was dead"
log "restarting search-service (scripts/up.sh --no-build)"
"$ROOT_DIR/scripts/up.sh" --no-build >/dev/null || die "restart failed; see $LOG_DIR/search.log"

deadline=$((SECONDS + WAIT))
found=0
while [ "$SECONDS" -lt "$deadline" ]; do
  found=$(searchable_count "$SUBJECT"); found=${found:-0}
  [ "$found" -ge "$COUNT" ] && break
  sleep 1
done
if [ "$found" = "$COUNT" ]; then
  log "PASS: all $COUNT policies searchable after kill -9 and restart"
else
  die "FAIL: $found of $COUNT policies searchable $WAIT s after the restart (XINFO GROUPS opendata.events; $LOG_DIR/search.log)"
fi
