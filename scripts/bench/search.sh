#!/usr/bin/env bash
# Benchmark of search-service against Elasticsearch itself (issue 10, phase 1), not part of
# ./mvnw verify. It
#   1. generates N realistic policies as JSON lines (bodies from the seed corpus, the 121 real
#      regions, issuers with their issuer codes, valid document numbers, dates 2010-2025, every
#      validity, attachments and interpretations) with scripts/bench/SearchBench.java,
#   2. measures folding + segmentation alone (one thread),
#   3. starts search-service (port 28082, indices prefixed "${SEARCH_INDEX_PREFIX}bench-", query cache off so that both
#      sides do the same work, event indexer off) with the file as its policy source,
#   4. indexes the same documents RUNS times each, interleaved: raw _bulk of the JSON lines into a
#      plain index, and the service's rebuild (POST /admin/reindex: fold, segment, bulk, alias),
#   5. sends keyword, document-number, date-range and number-lookup queries through the service and
#      the identical Elasticsearch requests (built by the service's own query builder) straight to
#      Elasticsearch, interleaved, and writes the medians into docs/benchmarks.md.
# Needs Elasticsearch and Redis running (scripts/up.sh or scripts/test.sh --keep).
#   scripts/bench/search.sh [--docs N] [--runs R] [--queries Q] [--port P]
source "$(dirname "$0")/../lib/common.sh"

DOCS=100000
RUNS=3
QUERIES=200
PORT_BENCH=28082
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --queries) QUERIES="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done

ES="http://127.0.0.1:$ES_PORT"
BASE="http://127.0.0.1:$PORT_BENCH"
# under SEARCH_INDEX_PREFIX too, so that benchmarks of several work trees share one cluster
PREFIX="${SEARCH_INDEX_PREFIX:-}bench-"
WORK="$(mktemp -d)"
RESULTS="$ROOT_DIR/docs/benchmarks.md"
es_ready || die "Elasticsearch is not running on port $ES_PORT (scripts/up.sh starts it)."
redis_ready || die "Redis is not running on port $REDIS_PORT (scripts/up.sh starts it)."
port_open "$PORT_BENCH" && die "port $PORT_BENCH is taken; pass --port."

jar=$(ls "$ROOT_DIR"/search-service/target/search-service-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1 || true)
if [ -z "$jar" ]; then
  log "building search-service"
  "$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -pl search-service -am -DskipTests -Dspotless.check.skip=true package
  jar=$(ls "$ROOT_DIR"/search-service/target/search-service-*.jar | grep -v -- '-plain\|-tests' | head -n 1)
fi
cp "$jar" "$WORK/search.jar"
# the benchmark tool runs on the service's own classes: the same query builder, folding, segmenter
mkdir -p "$WORK/app" && (cd "$WORK/app" && unzip -q ../search.jar)
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
bench() { java -Xmx1g -Dfile.encoding=UTF-8 -cp "$CP" "$ROOT_DIR/scripts/bench/SearchBench.java" "$@"; }

PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  for index in $(curl -s "$ES/_cat/indices/${PREFIX}*?h=index" 2>/dev/null); do
    curl -s -X DELETE "$ES/$index" >/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

LOAD_AT_START=$(uptime | sed 's/.*load average: //')
log "generating $DOCS policies"
bench generate "$WORK/policies.ndjson" "$DOCS" "$ROOT_DIR/search-service/src/test/resources/corpus/seed-corpus-zh-hans.txt"
log "  $(du -h "$WORK/policies.ndjson" | cut -f1) of JSON lines"
log "segmentation cost"
bench segmentation "$WORK/policies.ndjson" "$WORK/segmentation.md"

SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
log "starting search-service on port $PORT_BENCH"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${TEST_REDIS_DB:-12}" ES_URL="$ES" JWT_SECRET="$SECRET" PORT="$PORT_BENCH" MANAGEMENT_PORT="$((PORT_BENCH + 1000))" \
  SEARCH_INDEX_PREFIX="$PREFIX" SEARCH_POLICIES_FILE="$WORK/policies.ndjson" SEARCH_CACHE_ENABLED=false \
  SEARCH_INDEXER_ENABLED=false \
  java -Xms256m -Xmx512m -Dfile.encoding=UTF-8 -jar "$WORK/search.jar" >"$WORK/service.log" 2>&1 &
PID=$!
wait_until 120 "search-service" curl -fs "$BASE/readyz" \
  || { tail -n 40 "$WORK/service.log"; die "search-service did not start"; }

log "indexing and queries ($RUNS interleaved runs, $QUERIES queries per kind)"
bench run "$ES" "$BASE" "$PREFIX" "$SECRET" "$WORK/policies.ndjson" "$RUNS" "$QUERIES" "$WORK/run.md"

LOAD_AT_END=$(uptime | sed 's/.*load average: //')
cpu=$(nproc); mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n 1)
section=$(cat <<MD
<!-- search:begin -->
## search-service vs Elasticsearch ($DOCS policies)

Run $(date -u +%FT%TZ) with \`scripts/bench/search.sh --docs $DOCS --runs $RUNS --queries $QUERIES\` on
$cpu cores, $mem RAM, $jv, Elasticsearch 8.19.21 (single node, 512 MB heap, shared with the
other work on this machine). Load average (1/5/15 min) $LOAD_AT_START at the start and
$LOAD_AT_END at the end (\`uptime\`). search-service ran with \`-Xmx512m\`, its Redis query cache off (both
sides do the same work), the benchmark client on the same machine. Raw requests are the ones the
service's own \`DocumentQueryBuilder\` produces, sent straight to Elasticsearch.

**Segmentation cost** (the policy bodies, one thread, median of 3 passes after 2 warm-up passes):

$(cat "$WORK/segmentation.md")

$(cat "$WORK/run.md")
<!-- search:end -->
MD
)
if grep -q '<!-- search:begin -->' "$RESULTS"; then
  python3 - "$RESULTS" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- search:begin -->.*?<!-- search:end -->", lambda m: section, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
else
  printf '\n%s\n' "$section" >>"$RESULTS"
fi
log "results written to docs/benchmarks.md"
cat "$WORK/run.md"
