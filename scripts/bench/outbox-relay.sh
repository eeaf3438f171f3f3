#!/usr/bin/env bash
# Benchmark of policy publication and the outbox relay (issue 9, "done when" 5), not part of
# ./mvnw verify. It
#   1. creates a fresh database opendata_bench_policies and starts catalog-service in it
#      (-Xmx256m, no demo data) with a JWT_SECRET of its own, so that it can mint the two
#      publishers' identity tokens itself (HS256 with openssl) and call the service directly,
#   2. publishes --count policies (default 10000) with --parallel workers (default 4): each one
#      create (key A) → submit (A) → approve (key B) → publish (B), i.e. 4 HTTP calls,
#   3. waits until the relay has sent every outbox row, checks that the Redis stream holds exactly
#      one policy.published entry per policy, and reports publish throughput (policies/s over the
#      whole run) and the outbox → stream lag per event: published_at − occurred_at of outbox_event
#      (occurred_at is the publishing transaction's start, published_at the relay's commit, so the
#      lag includes the rest of the publishing transaction), p50 / p95 / max,
#   4. writes the result into docs/benchmarks.md between the outbox-relay markers (--results
#      elsewhere). Run it on a quiet machine; on a loaded one, say so with --label.
# Needs PostgreSQL and Redis running (scripts/up.sh or scripts/test.sh --keep), and openssl.
#   scripts/bench/outbox-relay.sh [--count N] [--parallel N] [--port P] [--db NAME]
#                                 [--redis-db N] [--jar FILE] [--label TEXT] [--results FILE]
source "$(dirname "$0")/../lib/common.sh"

COUNT=10000
PARALLEL=4
PORT_BENCH=28091
BENCH_DB=opendata_bench_policies
BENCH_REDIS_DB=14
JAR=""
LABEL=""
RESULTS="$ROOT_DIR/docs/benchmarks.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift ;;
    --parallel) PARALLEL="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    --db) BENCH_DB="$2"; shift ;;
    --redis-db) BENCH_REDIS_DB="$2"; shift ;;
    --jar) JAR="$2"; shift ;;
    --label) LABEL="$2"; shift ;;
    --results) RESULTS="$2"; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ "$COUNT" -ge 1 ] 2>/dev/null || die "--count must be a positive number"
command -v openssl >/dev/null || die "openssl is needed to mint identity tokens"

WORK="$(mktemp -d)"
API="http://127.0.0.1:$PORT_BENCH/api/v1/catalog"
PSQL=(psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U opendata -d "$BENCH_DB")
REDIS=(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$BENCH_REDIS_DB")

pg_ready || die "PostgreSQL is not running on port $PG_PORT (scripts/up.sh starts it)."
redis_ready || die "Redis is not running on port $REDIS_PORT (scripts/up.sh starts it)."
port_open "$PORT_BENCH" && die "port $PORT_BENCH is taken; pass --port."

jar="$JAR"
[ -n "$jar" ] || jar=$(ls "$ROOT_DIR"/catalog-service/target/catalog-service-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1 || true)
if [ -z "$jar" ]; then
  log "building catalog-service"
  "$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -pl catalog-service -am -DskipTests -Dspotless.check.skip=true package
  jar=$(ls "$ROOT_DIR"/catalog-service/target/catalog-service-*.jar | grep -v -- '-plain\|-tests' | head -n 1)
fi
cp "$jar" "$WORK/catalog.jar"

log "fresh database $BENCH_DB, empty stream in Redis db $BENCH_REDIS_DB"
pg_admin -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB owner opendata"
"${REDIS[@]}" del opendata.events >/dev/null

PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  pg_admin -d postgres -c "drop database if exists $BENCH_DB" || true
  "${REDIS[@]}" del opendata.events >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
log "starting catalog-service on port $PORT_BENCH"
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$BENCH_REDIS_DB" \
  JWT_SECRET="$SECRET" PORT="$PORT_BENCH" MANAGEMENT_PORT="$((PORT_BENCH + 1000))" \
  java -Xmx256m -jar "$WORK/catalog.jar" >"$WORK/service.log" 2>&1 &
PID=$!
service_ready() { curl -fs "http://127.0.0.1:$PORT_BENCH/readyz" | grep -Eq '"status":"(UP|DEGRADED)"'; }
wait_until 300 "catalog-service" service_ready || { tail -50 "$WORK/service.log"; die "service did not start"; }

# The gateway's identity token (platform-common IdentityToken): HS256, issuer opendata-gateway,
# subject = key id, roles; 50 s lifetime (the service refuses more than 60 s), minted per call.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
mint() {
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"opendata-gateway","sub":"%s","roles":["publisher"],"iat":%d,"exp":%d}' "$1" "$now" $((now + 50)) | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -binary -sha256 -hmac "$SECRET" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
export API SECRET
export -f b64url mint

publish_one() { # publish_one N — one policy through the whole workflow
  local n=$1 a b id
  a=$(mint bench_publisher_a); b=$(mint bench_publisher_b)
  id=$(curl -fs -X POST "$API/policies" -H "Authorization: Bearer $a" -H 'Content-Type: application/json' \
    -d "{\"title\":\"基准测试通知第${n}号\",\"documentNumber\":\"内政办发〔2026〕${n}号\",\"issuer\":\"内蒙古自治区人民政府办公厅\",\"documentType\":\"通知\",\"regionCode\":\"150000\",\"body\":\"为做好相关工作，现将有关事项通知如下。第${n}项。\"}" \
    | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || { echo "create $n failed" >&2; return 1; }
  curl -fs -o /dev/null -X POST "$API/policies/$id/submit" -H "Authorization: Bearer $a" -H 'Content-Type: application/json' -d '{}' &&
    curl -fs -o /dev/null -X POST "$API/policies/$id/approve" -H "Authorization: Bearer $b" -H 'Content-Type: application/json' -d '{}' &&
    curl -fs -o /dev/null -X POST "$API/policies/$id/publish" -H "Authorization: Bearer $b" -H 'Content-Type: application/json' -d '{}' ||
    { echo "workflow of $n failed" >&2; return 1; }
}
export -f publish_one

log "publishing $COUNT policies with $PARALLEL workers"
started=$(date +%s.%N)
seq 1 "$COUNT" | xargs -P "$PARALLEL" -I{} bash -c 'publish_one {}' 2>"$WORK/errors" || true
finished=$(date +%s.%N)
failed=$(wc -l <"$WORK/errors")
[ "$failed" = 0 ] || { head -5 "$WORK/errors"; die "$failed publications failed"; }

unsent() { "${PSQL[@]}" -c "select count(*) from catalog.outbox_event where published_at is null"; }
wait_until 300 "the relay to send every event" test "$(unsent)" = 0 || die "events left in the outbox"
relayed=$(date +%s.%N)

stream=$("${REDIS[@]}" xlen opendata.events)
published_entries=$("${PSQL[@]}" -c "select count(*) from catalog.outbox_event where type = 'policy.published'")
[ "$stream" = "$COUNT" ] || die "the stream holds $stream entries for $COUNT publications"
[ "$published_entries" = "$COUNT" ] || die "$published_entries policy.published rows for $COUNT publications"

read -r p50 p95 pmax < <("${PSQL[@]}" -F ' ' -c "
  select round(1000 * percentile_cont(0.5) within group (order by extract(epoch from published_at - occurred_at))::numeric, 1),
         round(1000 * percentile_cont(0.95) within group (order by extract(epoch from published_at - occurred_at))::numeric, 1),
         round(1000 * max(extract(epoch from published_at - occurred_at))::numeric, 1)
  from catalog.outbox_event")
seconds=$(awk "BEGIN { printf \"%.1f\", $finished - $started }")
rate=$(awk "BEGIN { printf \"%.1f\", $COUNT / ($finished - $started) }")
drain=$(awk "BEGIN { printf \"%.1f\", $relayed - $finished }")

report="<!-- outbox-relay:begin -->
### Policy publication and outbox relay (\`scripts/bench/outbox-relay.sh\`)

$(date -u +%Y-%m-%d) · $(nproc) cores · $COUNT policies, $PARALLEL workers, each create → submit → approve (other key) → publish (4 HTTP calls, direct to catalog-service, -Xmx256m)${LABEL:+ · $LABEL}

| measure | value |
|---|---|
| publish throughput (whole workflow) | $rate policies/s ($seconds s) |
| outbox → stream lag p50 / p95 / max | $p50 / $p95 / $pmax ms |
| stream entries after the run | $stream \`policy.published\` (exactly one per policy) |
| events still unsent when the last publication returned, drained in | $drain s |
<!-- outbox-relay:end -->"
printf '%s\n' "$report"
if [ -f "$RESULTS" ] && grep -q '<!-- outbox-relay:begin -->' "$RESULTS"; then
  awk -v r="$report" '/<!-- outbox-relay:begin -->/ {print r; skip=1} /<!-- outbox-relay:end -->/ {skip=0; next} !skip' "$RESULTS" >"$WORK/results" && cp "$WORK/results" "$RESULTS"
else
  printf '\n%s\n' "$report" >>"$RESULTS"
fi
log "results written to $RESULTS"
