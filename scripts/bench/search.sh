#!/usr/bin/env bash
# Benchmark of search-service against Elasticsearch itself (issue 10), not part of ./mvnw verify.
#   1. generates N realistic policies as JSON lines (bodies from the seed corpus, the 121 real
#      regions, issuers with their issuer codes, valid document numbers, dates 2010-2025, every
#      validity, attachments and interpretations) with scripts/bench/SearchBench.java,
#   2. starts search-service A (port P, indices "${SEARCH_INDEX_PREFIX}bench-", query cache and event
#      indexer off) over all N and loads them once through its rebuild (skipped when an earlier
#      --phase load left that index with N documents),
#   3. measures folding + segmentation alone (one thread),
#   4. indexing on the first M policies (--index-docs, default min(N, 20000)), RUNS interleaved runs
#      of three paths: raw _bulk of the service's own documents (folded, segmented, same mapping:
#      the baseline), raw _bulk of the catalog-shaped JSON with a standard-analyzer mapping (the old,
#      cheap baseline), and the rebuild of a second service B (port P+1, "…benchidx-") over those M,
#   5. sends keyword, document-number, date-range, number-lookup and suggest requests through A and
#      the identical Elasticsearch requests (built by the service's own code) straight to
#      Elasticsearch, interleaved, against the N-document index, and writes the medians into
#      docs/benchmarks.md.
# Needs Elasticsearch and Redis running (scripts/up.sh or scripts/test.sh --keep).
#   scripts/bench/search.sh [--docs N] [--index-docs M] [--runs R] [--queries Q] [--port P]
#                           [--work DIR] [--phase load|measure|all]
#   --work DIR   keep the generated files (and the N-document index) there for a later run
#   --phase load only generates and loads the N documents (e.g. before a quiet slot); measure/all
#                run everything, reusing a loaded index
#   --skip-index queries only (no segmentation or indexing runs); prints, does not write the file
#   --label T    said with the printed results (e.g. the service's JVM flags, from BENCH_JAVA_OPTS)
#   --warmup-passes W  unmeasured passes (QUERIES requests each way) per query kind before its runs
#                (default 1); the service is a fresh JVM, still JIT-compiling for thousands of
#                requests, while Elasticsearch has long been warm
#   --kinds K,…  only the query kinds whose name contains one of these (e.g. "number (,date range")
source "$(dirname "$0")/../lib/common.sh"

DOCS=100000
INDEX_DOCS=""
RUNS=3
QUERIES=200
PORT_BENCH=28082
WORK=""
PHASE=all
SKIP_INDEX=0
LABEL=""
WARMUP_PASSES=1
KINDS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift ;;
    --index-docs) INDEX_DOCS="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --queries) QUERIES="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    --work) WORK="$2"; shift ;;
    --phase) PHASE="$2"; shift ;;
    --skip-index) SKIP_INDEX=1 ;;
    --label) LABEL="$2"; shift ;;
    --warmup-passes) WARMUP_PASSES="$2"; shift ;;
    --kinds) KINDS="$2"; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ -n "$INDEX_DOCS" ] || INDEX_DOCS=$(( DOCS < 20000 ? DOCS : 20000 ))
case "$PHASE" in load|measure|all) ;; *) die "--phase is load, measure or all" ;; esac

ES="http://127.0.0.1:$ES_PORT"
BASE="http://127.0.0.1:$PORT_BENCH"
BASE_IDX="http://127.0.0.1:$((PORT_BENCH + 1))"
# under SEARCH_INDEX_PREFIX too, so that benchmarks of several work trees share one cluster
PREFIX="${SEARCH_INDEX_PREFIX:-}bench-"
PREFIX_IDX="${SEARCH_INDEX_PREFIX:-}benchidx-"
KEEP_WORK=1
if [ -z "$WORK" ]; then WORK="$(mktemp -d)"; KEEP_WORK=0; fi
mkdir -p "$WORK"
RESULTS="$ROOT_DIR/docs/benchmarks.md"
es_ready || die "Elasticsearch is not running on port $ES_PORT (scripts/up.sh starts it)."
redis_ready || die "Redis is not running on port $REDIS_PORT (scripts/up.sh starts it)."
port_open "$PORT_BENCH" && die "port $PORT_BENCH is taken; pass --port."
port_open "$((PORT_BENCH + 1))" && die "port $((PORT_BENCH + 1)) is taken; pass --port."

# BENCH_JAR: another build of the service (e.g. the main branch's, for a before/after in one slot)
jar=${BENCH_JAR:-$(ls "$ROOT_DIR"/search-service/target/search-service-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1 || true)}
if [ -z "$jar" ]; then
  log "building search-service"
  "$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -pl search-service -am -DskipTests -Dspotless.check.skip=true package
  jar=$(ls "$ROOT_DIR"/search-service/target/search-service-*.jar | grep -v -- '-plain\|-tests' | head -n 1)
fi
cp "$jar" "$WORK/search.jar"
# the benchmark tool runs on the service's own classes: the same query builder, folding, segmenter
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && (cd "$WORK/app" && unzip -q ../search.jar)
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
bench() {
  java -Xmx2g -Dfile.encoding=UTF-8 -Dbench.warmupPasses="$WARMUP_PASSES" -Dbench.kinds="$KINDS" \
    -cp "$CP" "$ROOT_DIR/scripts/bench/SearchBench.java" "$@"
}

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  for index in $(curl -s "$ES/_cat/indices/${PREFIX_IDX}*?h=index" 2>/dev/null); do
    curl -s -X DELETE "$ES/$index" >/dev/null || true
  done
  if [ "$KEEP_WORK" = 0 ]; then
    for index in $(curl -s "$ES/_cat/indices/${PREFIX}*?h=index" 2>/dev/null); do
      curl -s -X DELETE "$ES/$index" >/dev/null || true
    done
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
# start_service PORT PREFIX FILE LOG: search-service with FILE as its policy source, cache and indexer off
start_service() {
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${TEST_REDIS_DB:-12}" ES_URL="$ES" JWT_SECRET="$SECRET" PORT="$1" MANAGEMENT_PORT="$(($1 + 1000))" \
    SEARCH_INDEX_PREFIX="$2" SEARCH_POLICIES_FILE="$3" SEARCH_CACHE_ENABLED=false SEARCH_INDEXER_ENABLED=false \
    java -Xms256m -Xmx512m -Dfile.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} -jar "$WORK/search.jar" >"$4" 2>&1 &
  PIDS+=($!)
  wait_until 180 "search-service on port $1" curl -fs "http://127.0.0.1:$1/readyz" \
    || { tail -n 40 "$4"; die "search-service did not start"; }
}
alias_count() { curl -s "$ES/${PREFIX}policies/_count" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'; }

LOAD_AT_START=$(uptime | sed 's/.*load average: //')
if [ "$(wc -l <"$WORK/policies.ndjson" 2>/dev/null || echo 0)" != "$DOCS" ]; then
  log "generating $DOCS policies"
  bench generate "$WORK/policies.ndjson" "$DOCS" "$ROOT_DIR/search-service/src/test/resources/corpus/seed-corpus-zh-hans.txt"
fi
log "  $(du -h "$WORK/policies.ndjson" | cut -f1) of JSON lines"

log "starting search-service on port $PORT_BENCH over all $DOCS policies"
start_service "$PORT_BENCH" "$PREFIX" "$WORK/policies.ndjson" "$WORK/service.log"
LOAD_NOTE=""
if [ "$(alias_count)" -ge "$DOCS" ] 2>/dev/null; then
  log "the index of $DOCS policies from an earlier --phase load is there ($(alias_count) documents): reused"
  LOAD_NOTE=$(cat "$WORK/load.md" 2>/dev/null || true)
else
  log "loading all $DOCS policies through the service's rebuild (once)"
  load_load=$(uptime | sed 's/.*load average: //')
  t0=$(date +%s%3N)
  bench rebuild "$BASE" "$SECRET"
  t1=$(date +%s%3N)
  LOAD_NOTE="The $DOCS-policy index was built once by the service's rebuild in $(( (t1 - t0) / 1000 )) s ($(( DOCS * 1000 / (t1 - t0) )) docs/s; load average at its start $load_load, at its end $(uptime | sed 's/.*load average: //'))."
  echo "$LOAD_NOTE" >"$WORK/load.md"
  [ "$(alias_count)" = "$DOCS" ] || die "the index holds $(alias_count) documents, not $DOCS"
fi
log "$LOAD_NOTE"
if [ "$PHASE" = load ]; then
  log "index ${PREFIX}policies and $WORK kept; run again with --phase measure --work $WORK"
  exit 0
fi

if [ "$SKIP_INDEX" = 1 ]; then
  log "queries only ($LABEL): all $DOCS policies, $RUNS interleaved runs, $QUERIES queries per kind, $WARMUP_PASSES warm-up pass(es) per kind; $(uptime)"
  bench queries "$ES" "$BASE" "$PREFIX" "$WORK/policies.ndjson" "$RUNS" "$QUERIES" "$WORK/queries-only.md"
  log "done ($LABEL); $(uptime)"
  exit 0
fi
log "segmentation cost"
bench segmentation "$WORK/policies.ndjson" "$WORK/segmentation.md"

log "indexing: $INDEX_DOCS policies, $RUNS interleaved runs of each path"
bench subset "$WORK/policies.ndjson" "$INDEX_DOCS" "$WORK/index.ndjson"
bench documents "$WORK/index.ndjson" "$WORK/index-documents.ndjson"
start_service "$((PORT_BENCH + 1))" "$PREFIX_IDX" "$WORK/index.ndjson" "$WORK/service-index.log"
bench index "$ES" "$BASE_IDX" "$PREFIX_IDX" "$SECRET" "$WORK/index.ndjson" "$WORK/index-documents.ndjson" "$RUNS" "$WORK/index.md"
kill "${PIDS[1]}" 2>/dev/null || true

log "queries against all $DOCS policies ($RUNS interleaved runs, $QUERIES queries per kind)"
bench queries "$ES" "$BASE" "$PREFIX" "$WORK/policies.ndjson" "$RUNS" "$QUERIES" "$WORK/queries.md"
cat "$WORK/index.md" "$WORK/queries.md" >"$WORK/run.md"

LOAD_AT_END=$(uptime | sed 's/.*load average: //')
cpu=$(nproc); mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n 1)
section=$(cat <<MD
<!-- search:begin -->
## search-service vs Elasticsearch ($DOCS policies)

Run $(date -u +%FT%TZ) with \`scripts/bench/search.sh --docs $DOCS --index-docs $INDEX_DOCS --runs $RUNS --queries $QUERIES$([ "$WARMUP_PASSES" = 1 ] || echo " --warmup-passes $WARMUP_PASSES")\` on
$cpu cores, $mem RAM, $jv, Elasticsearch 8.19.21 (single node, 512 MB heap, shared with the
other work on this machine). Load average (1/5/15 min) $LOAD_AT_START at the start and
$LOAD_AT_END at the end (\`uptime\`). search-service ran with \`-Xmx512m\`, its Redis query cache off (both
sides do the same work), the benchmark client on the same machine. Raw requests are the ones the
service's own \`DocumentQueryBuilder\` produces, sent straight to Elasticsearch.

**Segmentation cost** (the policy bodies, one thread, median of 3 passes after 2 warm-up passes):

$(cat "$WORK/segmentation.md")

$LOAD_NOTE

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
