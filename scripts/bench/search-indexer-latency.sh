#!/usr/bin/env bash
# Event → searchable latency of search-service alone (issue 10), for when the whole platform
# cannot run (search-latency.sh needs catalog, gateway and PostgreSQL). It
#   1. generates N policies as JSON lines (scripts/bench/SearchBench.java) and starts
#      search-service with that file as its policy source, the indexer on its own stream, the
#      query cache on (as deployed),
#   2. for each policy, one after another: XADD policy.published to the stream, then polls
#      GET /documents?documentNumber=… every 20 ms until the hit is there,
#   3. prints p50 / p95 / max of XADD → first hit.
# What this leaves out compared with search-latency.sh: the catalog's transaction and outbox relay
# (p95 25 ms in outbox-relay.sh) and the catalog fetch (a file read here instead of an HTTP GET).
# Needs Elasticsearch and Redis running. Prints only.
#   scripts/bench/search-indexer-latency.sh [--count N] [--port P] [--jar PATH]
#   --jar PATH  the search-service jar to run (default: search-service/target's), e.g. a baseline
source "$(dirname "$0")/../lib/common.sh"

COUNT=200
JAR=""
PORT_BENCH=28182
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    --jar) JAR="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done

ES="http://127.0.0.1:$ES_PORT"
BASE="http://127.0.0.1:$PORT_BENCH"
PREFIX="${SEARCH_INDEX_PREFIX:-}latency-"
REDIS_DB="${TEST_REDIS_DB:-12}"
STREAM="bench.latency.$$.events"
WORK="$(mktemp -d)"
es_ready || die "Elasticsearch is not running on port $ES_PORT"
redis_ready || die "Redis is not running on port $REDIS_PORT"
port_open "$PORT_BENCH" && die "port $PORT_BENCH is taken; pass --port."

jar="${JAR:-$(ls "$ROOT_DIR"/search-service/target/search-service-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1 || true)}"
[ -n "$jar" ] || die "build search-service first (./mvnw -pl search-service -am package -DskipTests)"
cp "$jar" "$WORK/search.jar"
mkdir -p "$WORK/app" && (cd "$WORK/app" && unzip -q ../search.jar)
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
rcli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }

PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  for index in $(curl -s "$ES/_cat/indices/${PREFIX}*?h=index" 2>/dev/null); do
    curl -s -X DELETE "$ES/$index" >/dev/null || true
  done
  rcli del "$STREAM" "$STREAM.dead-letter.search-indexer" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

LOAD_AT_START=$(uptime | sed 's/.*load average: //')
java -Xmx512m -Dfile.encoding=UTF-8 -cp "$CP" "$ROOT_DIR/scripts/bench/SearchBench.java" generate \
  "$WORK/policies.ndjson" "$COUNT" "$ROOT_DIR/search-service/src/test/resources/corpus/seed-corpus-zh-hans.txt"
# id, version and the number as written, one policy a line
python3 - "$WORK/policies.ndjson" >"$WORK/policies.tsv" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    p = json.loads(line)
    print(p["id"], p.get("version", 1), p["documentNumber"]["asWritten"], sep="\t")
PY

SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$REDIS_DB" ES_URL="$ES" JWT_SECRET="$SECRET" PORT="$PORT_BENCH" \
  MANAGEMENT_PORT="$((PORT_BENCH + 1000))" SEARCH_INDEX_PREFIX="$PREFIX" SEARCH_POLICIES_FILE="$WORK/policies.ndjson" \
  java -Xms256m -Xmx512m -Dfile.encoding=UTF-8 -jar "$WORK/search.jar" --opendata.search.indexer.stream="$STREAM" \
  >"$WORK/service.log" 2>&1 &
PID=$!
wait_until 300 "search-service" curl -fs "$BASE/readyz" \
  || { tail -n 40 "$WORK/service.log"; die "search-service did not start"; }

samples="$WORK/samples"
log "publishing $COUNT events, each polled until searchable"
while IFS=$'\t' read -r id version number; do
  t0=$(date +%s%3N)
  rcli xadd "$STREAM" '*' type policy.published id "$id" version "$version" occurredAt "$(date -u +%FT%T.%3NZ)" >/dev/null
  until curl -s -G "$BASE/api/v1/search/documents" --data-urlencode "documentNumber=$number" | grep -q "\"id\":\"$id\""; do
    [ $(( $(date +%s%3N) - t0 )) -gt 60000 ] && die "$id not searchable after 60 s"
    sleep 0.02
  done
  echo $(( $(date +%s%3N) - t0 )) >>"$samples"
done <"$WORK/policies.tsv"
LOAD_AT_END=$(uptime | sed 's/.*load average: //')
sort -n "$samples" | awk -v n="$COUNT" -v a="$LOAD_AT_START" -v b="$LOAD_AT_END" '
  { v[NR] = $1 }
  END {
    p50 = v[int((n - 1) * 0.50) + 1]; p95 = v[int((n - 1) * 0.95) + 1]
    printf "event → searchable over %d events: p50 %d ms, p95 %d ms, max %d ms (load average %s → %s)\n",
      n, p50, p95, v[n], a, b
  }'
