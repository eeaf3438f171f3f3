#!/usr/bin/env bash
# Benchmark of the catalog's deep iteration and CSV export (issue 4, "done when" 2), not part of
# ./mvnw verify. It
#   1. creates a fresh database opendata_bench_catalog and starts catalog-service in it with
#      -Xmx256m and demo data at --scale (3 = over a million fiscal line items, loaded by the
#      service at startup through COPY),
#   2. then --runs times (default 3), interleaved so that the service and its baseline see the
#      same machine load: iterates /fiscal/items with the cursor over every row (size 1000),
#      checking each id arrives exactly once; exports every row as CSV (format=csv) and checks the
#      row count; runs the baseline, psql \copy of the same rows, same order, same columns, to
#      stdout; times one /fiscal/summary (a year not asked before, so the first call misses the
#      cache) against the same SQL in psql,
#   3. samples the service's RSS and heap throughout and writes the medians (and every run's
#      figure) into docs/benchmarks.md between the catalog-export markers (--results elsewhere).
# Needs PostgreSQL and Redis running (scripts/up.sh or scripts/test.sh --keep).
#   scripts/bench/catalog-export.sh [--scale N] [--runs N] [--port P] [--management-port P]
#                                   [--db NAME] [--redis-db N] [--jar FILE] [--label TEXT]
#                                   [--results FILE] [--keep-db]
# --management-port defaults to --port + 1000.
# --jar measures another build (default: catalog-service/target), --label says which in the report.
source "$(dirname "$0")/../lib/common.sh"

SCALE=3
RUNS=3
PORT_BENCH=28081
PORT_MANAGEMENT=""
BENCH_DB=opendata_bench_catalog
BENCH_REDIS_DB=0
JAR=""
LABEL=""
RESULTS="$ROOT_DIR/docs/benchmarks.md"
KEEP_DB=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    --management-port) PORT_MANAGEMENT="$2"; shift ;;
    --db) BENCH_DB="$2"; shift ;;
    --redis-db) BENCH_REDIS_DB="$2"; shift ;;
    --jar) JAR="$2"; shift ;;
    --label) LABEL="$2"; shift ;;
    --results) RESULTS="$2"; shift ;;
    --keep-db) KEEP_DB=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ "$RUNS" -ge 1 ] 2>/dev/null || die "--runs must be a positive number"

WORK="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT_BENCH"
PORT_MANAGEMENT="${PORT_MANAGEMENT:-$((PORT_BENCH + 1000))}"
MANAGEMENT="http://127.0.0.1:$PORT_MANAGEMENT"
API="$BASE/api/v1/catalog"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U opendata -d "$BENCH_DB")

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

log "fresh database $BENCH_DB"
pg_admin -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB owner opendata"

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

PID=""
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ "$KEEP_DB" = 1 ] || pg_admin -d postgres -c "drop database if exists $BENCH_DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "starting catalog-service (-Xmx256m, demo data scale $SCALE) on port $PORT_BENCH"
started=$(date +%s.%N)
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$BENCH_REDIS_DB" \
  JWT_SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')" \
  CATALOG_DEMO_DATA=true CATALOG_DEMO_SCALE="$SCALE" PORT="$PORT_BENCH" MANAGEMENT_PORT="$PORT_MANAGEMENT" \
  java -Xmx256m -Xlog:gc:file="$WORK/gc.log" -jar "$WORK/catalog.jar" >"$WORK/service.log" 2>&1 &
PID=$!

# phase file: the sampler attributes each sample to the phase running at the time
echo startup >"$WORK/phase"
(
  set +e +o pipefail
  while kill -0 "$PID" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
    heap=$(curl -fs "$MANAGEMENT/actuator/metrics/jvm.memory.used?tag=area:heap" 2>/dev/null \
      | sed -n 's/.*"value":\([0-9.E]*\).*/\1/p')
    echo "$(cat "$WORK/phase") ${rss:-0} ${heap:-0}" >>"$WORK/samples"
    sleep 0.5
  done
) &
SAMPLER=$!

# Ready means the overall status UP (or DEGRADED), not only HTTP 200: a service whose health
# http-mapping lacks out-of-service: 503 answers 200 while the demo data is still loading.
service_ready() { curl -fs "$BASE/readyz" | grep -Eq '^\{"status":"(UP|DEGRADED)"'; }
wait_until 900 "catalog-service with demo data" service_ready || { tail -50 "$WORK/service.log"; die "service did not start"; }
ready=$(date +%s.%N)
startup_seconds=$(calc "$ready - $started")
load_seconds=$(sed -n 's/.*Loaded demo data.* in \([0-9]*\) s.*/\1/p' "$WORK/service.log")
ROWS=$("${PSQL[@]}" -At -c "select count(*) from catalog.fiscal_item")
log "$ROWS fiscal line items loaded in ${load_seconds:-?} s"

peak() { # peak RSS (MiB) and heap (MiB) sampled during a phase
  awk -v p="$1" '$1 == p { if ($2 > r) r = $2; if ($3 + 0 > h) h = $3 + 0 } END { printf "%.0f %.0f\n", r / 1024, h / 1048576 }' "$WORK/samples"
}

# median VALUES… — the middle value (the mean of the two middle ones for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# each VALUES… — every run's value, for the report
each() { local out="" v; for v in "$@"; do out="${out:+$out, }$v"; done; echo "$out"; }
ms() { calc "$1 * 1000"; }

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
walk_s=(); csv_s=(); copy_s=(); ratio_s=(); cold_s=(); warm_s=(); sql_s=()
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS: cursor iteration of /fiscal/items (size 1000)"
  echo cursor >"$WORK/phase"
  read -r walk_rows walk_distinct walk_pages walk_duplicates walk_seconds < <(
    java "$ROOT_DIR/scripts/bench/CursorWalk.java" "$API/fiscal/items?size=1000")
  [ "$walk_rows" = "$ROWS" ] && [ "$walk_distinct" = "$ROWS" ] && [ "$walk_duplicates" = 0 ] \
    || die "cursor iteration returned $walk_rows rows ($walk_distinct distinct, $walk_duplicates duplicates) of $ROWS"
  walk_s+=("$walk_seconds")

  log "run $run of $RUNS: every row as CSV"
  echo csv >"$WORK/phase"
  read -r csv_code csv_seconds csv_bytes < <(curl -s -o "$WORK/export.csv" \
    -w '%{http_code} %{time_total} %{size_download}\n' "$API/fiscal/items?format=csv")
  csv_lines=$(($(wc -l <"$WORK/export.csv") - 1))
  [ "$csv_code" = 200 ] && [ "$csv_lines" = "$ROWS" ] || die "CSV export: HTTP $csv_code, $csv_lines rows of $ROWS"
  head -c 3 "$WORK/export.csv" | od -An -tx1 | grep -q 'ef bb bf' || die "CSV export lacks the BOM"
  csv_s+=("$(calc "$csv_seconds")")

  log "run $run of $RUNS: baseline, psql \\copy of the same rows"
  echo baseline >"$WORK/phase"
  copy_started=$(date +%s.%N)
  "${PSQL[@]}" -c "\copy (select f.id, f.year, f.region_code, r.name, f.budget_type, f.stage, f.direction, f.classification_code, c.name, c.level, f.amount, '万元', f.modified from catalog.fiscal_item f join catalog.region r on r.code = f.region_code join catalog.classification c on c.code = f.classification_code order by f.year, f.region_code, f.budget_type, f.stage, f.direction, f.classification_code) to stdout with csv header" >"$WORK/baseline.csv"
  copy_seconds=$(calc "$(date +%s.%N) - $copy_started")
  copy_bytes=$(stat -c %s "$WORK/baseline.csv")
  copy_s+=("$copy_seconds")
  ratio_s+=("$(calc "$csv_seconds / $copy_seconds")")

  # a year no earlier run asked for: the first call computes, the second comes from Redis
  year=$((2025 - run))
  log "run $run of $RUNS: /fiscal/summary for $year (first call and cached) vs the same SQL"
  echo summary >"$WORK/phase"
  SUMMARY="$API/fiscal/summary?year=$year&region=150600&includeSubregions=true&budgetType=GENERAL_PUBLIC&stage=FINAL&direction=EXPENDITURE&groupBy=classification&level=2&size=1000"
  cold_s+=("$(curl -s -o /dev/null -w '%{time_total}' "$SUMMARY")")
  warm_s+=("$(curl -s -o /dev/null -w '%{time_total}' "$SUMMARY")")
  sql_started=$(date +%s.%N)
  "${PSQL[@]}" -At -c "select case when length(classification_code) > 5 then left(classification_code, 5) else classification_code end, sum(amount), count(*) from catalog.fiscal_item where year = $year and budget_type = 'GENERAL_PUBLIC' and stage = 'FINAL' and direction = 'EXPENDITURE' and region_code in (select code from catalog.region where code = '150600' or parent_code = '150600') group by 1 order by 1" >/dev/null
  sql_s+=("$(awk "BEGIN { printf \"%.4f\", $(date +%s.%N) - $sql_started }")")
done

read -r startup_rss startup_heap < <(peak startup)
read -r cursor_rss cursor_heap < <(peak cursor)
read -r csv_rss csv_heap < <(peak csv)
gc_max=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | sed 's/M->.*//' | sort -n | tail -1)

machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -n 1), PostgreSQL $("${PSQL[@]}" -At -c 'show server_version'), load average $LOAD_AT_START when the runs began"
report="$WORK/report.md"
cold_ms=(); warm_ms=(); sql_ms=()
for i in "${!cold_s[@]}"; do cold_ms+=("$(ms "${cold_s[$i]}")"); warm_ms+=("$(ms "${warm_s[$i]}")"); sql_ms+=("$(ms "${sql_s[$i]}")"); done
cat >"$report" <<MD
<!-- catalog-export:begin -->
## catalog-service: cursor iteration and CSV export of ${ROWS} fiscal line items

Run $(date -u +%Y-%m-%dT%H:%M:%SZ) with \`scripts/bench/catalog-export.sh --scale $SCALE --runs $RUNS\` on ${machine}, catalog-service ${LABEL:-$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')}.
catalog-service ran with \`-Xmx256m\` (heap capped at 256 MiB) against a fresh database; demo data
at scale $SCALE was generated and loaded by the service itself at startup (COPY). Then $RUNS runs, each
of them: cursor iteration, CSV export, the psql baseline, the summary — so the service and its
baseline alternate under the same load. Figures are medians of the $RUNS runs, every run's figure in
brackets. The client, PostgreSQL and the service share the machine.

| what | median [each run] |
|---|---|
| service start to ready, incl. generating and loading the demo data (once) | ${startup_seconds} s (of which generating + COPY of the line items: ${load_seconds:-?} s) |
| rows | ${ROWS} |
| cursor iteration, \`/fiscal/items?size=1000\` following \`meta.nextCursor\` (full JSON rows) | $(calc "$(median "${walk_s[@]}")") s [$(each "${walk_s[@]}")], ${walk_pages} requests, every row exactly once in every run |
| CSV export, \`/fiscal/items?format=csv\` (13 columns, BOM, streamed) | $(calc "$(median "${csv_s[@]}")") s [$(each "${csv_s[@]}")], $((csv_bytes / 1048576)) MiB, ${csv_lines} rows |
| baseline: \`psql \\copy (select … same columns, same order) to stdout\` | $(calc "$(median "${copy_s[@]}")") s [$(each "${copy_s[@]}")], $((copy_bytes / 1048576)) MiB |
| CSV export ÷ baseline (per run, then the median) | $(calc "$(median "${ratio_s[@]}")") [$(each "${ratio_s[@]}")] |
| peak RSS / sampled heap during startup and load | ${startup_rss} MiB / ${startup_heap} MiB |
| peak RSS / sampled heap during cursor iteration (all runs) | ${cursor_rss} MiB / ${cursor_heap} MiB |
| peak RSS / sampled heap during CSV export (all runs) | ${csv_rss} MiB / ${csv_heap} MiB |
| largest heap before a GC (from \`-Xlog:gc\`) | ${gc_max:-?} MiB of 256 MiB |
| \`/fiscal/summary\` (Ordos and its counties, one year per run, by 款): first call | $(calc "$(median "${cold_ms[@]}")") ms [$(each "${cold_ms[@]}")] |
| … the same request again (from the Redis cache) | $(calc "$(median "${warm_ms[@]}")") ms [$(each "${warm_ms[@]}")] |
| … the same SQL in psql | $(calc "$(median "${sql_ms[@]}")") ms [$(each "${sql_ms[@]}")] |

Heap is sampled every 0.5 s from \`/actuator/metrics/jvm.memory.used\` (used, including garbage
not yet collected); RSS from \`/proc/<pid>/status\`. The psql times include psql's own start-up
(about 20 ms on this machine).
<!-- catalog-export:end -->
MD

mkdir -p "$(dirname "$RESULTS")"
[ -f "$RESULTS" ] || printf '# Benchmarks\n\nMeasured by scripts under `scripts/bench/`, never by timed unit tests.\n\n' >"$RESULTS"
if grep -q '<!-- catalog-export:begin -->' "$RESULTS"; then
  awk -v report="$report" '
    /<!-- catalog-export:begin -->/ { while ((getline line < report) > 0) print line; skip = 1; next }
    /<!-- catalog-export:end -->/ { skip = 0; next }
    !skip { print }' "$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
else
  cat "$report" >>"$RESULTS"
fi
cat "$report"
log "results written to $RESULTS"
