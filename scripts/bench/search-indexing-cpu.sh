#!/usr/bin/env bash
# Where indexing CPU goes (issue 10): CPU per document of Elasticsearch and of search-service, for
#   raw `_bulk` of the service's own, already folded and segmented documents (500 per request, 2 in
#   flight, mapping policies.json, refresh off) and for the service's rebuild (POST /admin/reindex)
#   of the same policies, RUNS interleaved runs each. CPU = utime + stime of each process, read from
#   /proc/<pid>/stat around the load. Prints a table; not part of ./mvnw verify.
#   scripts/bench/search-indexing-cpu.sh [--docs N] [--runs R] [--port P] [--work DIR]
# Needs Elasticsearch and Redis running (scripts/up.sh, or scripts/test.sh --keep).
source "$(dirname "$0")/../lib/common.sh"

DOCS=10000
RUNS=3
PORT_BENCH=28182
WORK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    --work) WORK="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
ES="http://127.0.0.1:$ES_PORT"
PREFIX="${SEARCH_INDEX_PREFIX:-}cpubench-"
RAW_INDEX="${PREFIX}raw"
[ -n "$WORK" ] || WORK="$(mktemp -d)"
mkdir -p "$WORK"
es_ready || die "Elasticsearch is not running on port $ES_PORT (scripts/up.sh starts it)."
redis_ready || die "Redis is not running on port $REDIS_PORT (scripts/up.sh starts it)."
port_open "$PORT_BENCH" && die "port $PORT_BENCH is taken; pass --port."
es_pid=$(pgrep -f org.elasticsearch.bootstrap | head -n 1)
[ -n "$es_pid" ] || die "Elasticsearch runs on this machine in another way (no local process): its CPU cannot be read."

jar=${BENCH_JAR:-$(ls "$ROOT_DIR"/search-service/target/search-service-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1 || true)}
[ -n "$jar" ] || die "build search-service first (./mvnw -pl search-service -am package -DskipTests)"
cp "$jar" "$WORK/search.jar"
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && (cd "$WORK/app" && unzip -q ../search.jar)
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
bench() { java -Xmx2g -Dfile.encoding=UTF-8 -cp "$CP" "$ROOT_DIR/scripts/bench/SearchBench.java" "$@"; }

if [ "$(wc -l <"$WORK/policies.ndjson" 2>/dev/null || echo 0)" != "$DOCS" ]; then
  log "generating $DOCS policies"
  bench generate "$WORK/policies.ndjson" "$DOCS" "$ROOT_DIR/search-service/src/test/resources/corpus/seed-corpus-zh-hans.txt"
  bench documents "$WORK/policies.ndjson" "$WORK/documents.ndjson"
fi
rm -rf "$WORK/chunks" && mkdir -p "$WORK/chunks"
split -l 1000 -d -a 4 "$WORK/documents.ndjson" "$WORK/chunks/c"

SVC_PID=""
cleanup() {
  [ -n "$SVC_PID" ] && kill "$SVC_PID" 2>/dev/null && wait "$SVC_PID" 2>/dev/null
  for index in $(curl -s "$ES/_cat/indices/${PREFIX}*?h=index" 2>/dev/null); do
    curl -s -X DELETE "$ES/$index" >/dev/null || true
  done
}
trap cleanup EXIT
SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${TEST_REDIS_DB:-12}" ES_URL="$ES" JWT_SECRET="$SECRET" PORT="$PORT_BENCH" MANAGEMENT_PORT="$((PORT_BENCH + 1000))" \
  SEARCH_INDEX_PREFIX="$PREFIX" SEARCH_POLICIES_FILE="$WORK/policies.ndjson" SEARCH_CACHE_ENABLED=false SEARCH_INDEXER_ENABLED=false \
  java -Xms256m -Xmx512m -Dfile.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} -jar "$WORK/search.jar" >"$WORK/service.log" 2>&1 &
SVC_PID=$!
wait_until 180 "search-service on port $PORT_BENCH" curl -fs "http://127.0.0.1:$PORT_BENCH/readyz" \
  || { tail -n 40 "$WORK/service.log"; die "search-service did not start"; }

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
now_ms() { date +%s%3N; }
raw_run() {
  curl -s -X DELETE "$ES/$RAW_INDEX" >/dev/null
  curl -sf -X PUT "$ES/$RAW_INDEX" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/app/BOOT-INF/classes/elasticsearch/policies.json" >/dev/null || die "cannot create $RAW_INDEX"
  curl -sf -X PUT "$ES/$RAW_INDEX/_settings" -H 'Content-Type: application/json' -d '{"index":{"refresh_interval":"-1"}}' >/dev/null
  local c0 t0 t1 c1 n
  c0=$(cpu "$es_pid"); t0=$(now_ms)
  ls "$WORK"/chunks/* | xargs -P2 -I{} curl -sf -o /dev/null -X POST "$ES/$RAW_INDEX/_bulk" \
    -H 'Content-Type: application/x-ndjson' --data-binary @{}
  t1=$(now_ms); c1=$(cpu "$es_pid")
  curl -s -X POST "$ES/$RAW_INDEX/_refresh" >/dev/null
  n=$(curl -s "$ES/$RAW_INDEX/_count" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
  [ "$n" = "$DOCS" ] || die "raw _bulk indexed $n documents, not $DOCS"
  echo "$((t1 - t0)) $((c1 - c0)) 0"
}
rebuild_run() {
  local e0 s0 t0 t1 e1 s1
  e0=$(cpu "$es_pid"); s0=$(cpu "$SVC_PID"); t0=$(now_ms)
  bench rebuild "http://127.0.0.1:$PORT_BENCH" "$SECRET" >/dev/null
  t1=$(now_ms); e1=$(cpu "$es_pid"); s1=$(cpu "$SVC_PID")
  echo "$((t1 - t0)) $((e1 - e0)) $((s1 - s0))"
}
row() { # label wall_ms es_ticks svc_ticks
  awk -v l="$1" -v w="$2" -v e="$3" -v s="$4" -v n="$DOCS" -v t="$ticks" 'BEGIN {
    printf "| %s | %.0f | %.2f ms | %s |\n", l, n * 1000 / w, e / t * 1000 / n, (s > 0 ? sprintf("%.2f ms", s / t * 1000 / n) : "–") }'
}
log "$RUNS interleaved runs of raw _bulk and the rebuild, $DOCS documents; $(uptime)"
echo "| run | docs/s | Elasticsearch CPU per document | search-service CPU per document |"
echo "|---|---|---|---|"
for r in $(seq 1 "$RUNS"); do
  read -r w e s < <(raw_run); row "$r raw \`_bulk\`" "$w" "$e" "$s"
  read -r w e s < <(rebuild_run); row "$r rebuild" "$w" "$e" "$s"
done
log "done; $(uptime)"
