#!/usr/bin/env bash
# Benchmark of archive-service (issue 11, item "done when" 5), not part of ./mvnw verify. It
#   1. creates a fresh database (default opendata_bench_archive) and an OCFL root in a work
#      directory, and starts archive-service from its jar on them (port 28083, -Xmx512m),
#   2. ingests --versions versions of --size bytes each (random, incompressible) spread over
#      --records records, --concurrency uploads at a time: ingest rate (versions/s, MB/s),
#   3. times a full backup (POST /backups: a BagIt bag serialized as one tar, sha512 manifests, to
#      one target) against `tar -cf` of the same OCFL root, each --runs times, interleaved; reports
#      MB/s and the ratio (the issue asks ≥ 60 % of tar), and against `cp -r` of the root (the same
#      files written as files, as a bag directory had to); checks the bag (one <id>.tar, tag files
#      first), records its size and times POST /backups/{id}/verify (one streaming pass over the
#      tar); every step's output is deleted and synced outside the timings,
#   4. times a fixity audit (POST /fixity-audits: ocfl-java validator + every content digest)
#      against `sha512sum` (the digest OCFL uses) and `sha256sum` of every file of the root, each
#      --runs times, interleaved; reports MB/s and the ratios (≥ 70 % asked),
#   5. sends --requests Accept-Datetime requests at random instants of random records' histories:
#      p50 and p95,
#   6. writes the medians between the archive markers of --results (default docs/benchmarks.md).
# The page cache is not dropped between runs (it cannot be without root on every machine): both
# sides of each comparison read warm files. Needs PostgreSQL and Redis (scripts/up.sh).
#   Small check (about a minute):  scripts/bench/archive.sh --versions 200 --records 20 --size 65536 --runs 1 --results /tmp/archive-bench.md
#   Full size (lead, quiet machine; ≥ 10,000 versions, ≥ 2 GB, ~30+ min):
#     scripts/bench/archive.sh --versions 10000 --records 1000 --size 262144 --runs 3
# Ingesting 10,000 versions takes long (minutes to tens of minutes on a busy machine). --reuse DIR
# keeps the OCFL root, the record list, the ingest figures (with the load they ran under) and the
# database (--db) in DIR across runs: the first run ingests into DIR, later ones skip the ingest and
# time backup, fixity and Accept-Datetime over the same files. --ingest-only stops after the
# ingest (e.g. ingest on a busy machine, then time the rest on a quiet one):
#   scripts/bench/archive.sh --reuse /tmp/archive-bench --ingest-only   # once, any time
#   scripts/bench/archive.sh --reuse /tmp/archive-bench --runs 3        # on a quiet machine
# ARCHIVE_BENCH_JAVA_OPTS adds JVM options to the service, e.g. a flight recording of the run:
#   ARCHIVE_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/archive.jfr,settings=profile"
#   scripts/bench/archive.sh [--versions N] [--records N] [--size BYTES] [--concurrency N]
#                            [--runs N] [--requests N] [--port P] [--db NAME] [--results FILE]
#                            [--reuse DIR] [--ingest-only]
source "$(dirname "$0")/../lib/common.sh"

VERSIONS=10000
RECORDS=1000
SIZE=262144
CONCURRENCY=4
RUNS=3
REQUESTS=500
PORT_BENCH=28083
BENCH_DB=opendata_bench_archive
RESULTS="$ROOT_DIR/docs/benchmarks.md"
REUSE=""
INGEST_ONLY=false
while [ $# -gt 0 ]; do
  case "$1" in
    --versions) VERSIONS="$2"; shift ;;
    --records) RECORDS="$2"; shift ;;
    --size) SIZE="$2"; shift ;;
    --concurrency) CONCURRENCY="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --requests) REQUESTS="$2"; shift ;;
    --port) PORT_BENCH="$2"; shift ;;
    --db) BENCH_DB="$2"; shift ;;
    --results) RESULTS="$2"; shift ;;
    --reuse) REUSE="$2"; shift ;;
    --ingest-only) INGEST_ONLY=true ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ "$VERSIONS" -ge "$RECORDS" ] 2>/dev/null || die "--versions must be at least --records"

pg_ready || die "PostgreSQL is not running on port $PG_PORT (scripts/up.sh starts it)."
redis_ready || die "Redis is not running on port $REDIS_PORT (scripts/up.sh starts it)."
port_open "$PORT_BENCH" && die "port $PORT_BENCH is taken; pass --port."

WORK="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT_BENCH/api/v1/archive"
ROOT="$WORK/ocfl"
TARGET="$WORK/backup"
OUT="$WORK/results.txt"
INGESTED=false
if [ -n "$REUSE" ]; then
  mkdir -p "$REUSE"
  REUSE="$(cd "$REUSE" && pwd)"
  ROOT="$REUSE/ocfl"
  if [ -f "$REUSE/ingest.txt" ] && [ -f "$ROOT/0=ocfl_1.1" ]; then
    INGESTED=true
    cp "$REUSE/ingest.txt" "$OUT"
  else
    rm -rf "$ROOT" "$ROOT-work"
  fi
  # the backup target and tar's archive on the root's file system, as without --reuse
  TARGET="$REUSE/backup"
fi
$INGEST_ONLY && [ -z "$REUSE" ] && die "--ingest-only needs --reuse DIR"

jar=$(ls "$ROOT_DIR"/archive-service/target/archive-service-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1 || true)
if [ -z "$jar" ]; then
  log "building archive-service"
  "$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -pl archive-service -am -DskipTests -Dspotless.check.skip=true package
  jar=$(ls "$ROOT_DIR"/archive-service/target/archive-service-*.jar | grep -v -- '-plain\|-tests' | head -n 1)
fi
cp "$jar" "$WORK/archive.jar"
mkdir -p "$WORK/app" && (cd "$WORK/app" && unzip -q ../archive.jar)
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
bench() { java -Xmx512m -cp "$CP" "$ROOT_DIR/scripts/bench/ArchiveBench.java" "$@"; }

if ! $INGESTED; then
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "drop database if exists $BENCH_DB" >/dev/null
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database $BENCH_DB owner opendata" >/dev/null
fi

PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  if [ -z "$REUSE" ]; then
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "drop database if exists $BENCH_DB" >/dev/null 2>&1 || true
  else
    rm -rf "$TARGET"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

SECRET="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
log "starting archive-service on port $PORT_BENCH (root $ROOT)"
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" DB_USER=opendata DB_PASSWORD=opendata \
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${TEST_REDIS_DB:-12}" JWT_SECRET="$SECRET" PORT="$PORT_BENCH" MANAGEMENT_PORT="$((PORT_BENCH + 1000))" \
  ARCHIVE_OCFL_ROOT="$ROOT" ARCHIVE_BACKUP_TARGETS="$TARGET" ARCHIVE_FIXITY_CRON=- ARCHIVE_CAPTURE_ENABLED=false \
  ARCHIVE_UPLOAD_LIMIT=1GB ARCHIVE_IO_THREADS="${ARCHIVE_IO_THREADS:-0}" java -Xms256m -Xmx512m ${ARCHIVE_BENCH_JAVA_OPTS:-} -jar "$WORK/archive.jar" >"$WORK/service.log" 2>&1 &
PID=$!
wait_until 180 "archive-service" curl -fs "http://127.0.0.1:$PORT_BENCH/readyz" \
  || { tail -n 40 "$WORK/service.log"; die "archive-service did not start"; }

LOAD_START=$(uptime | sed 's/^ *//')
if $INGESTED; then
  log "reusing the ingested root $ROOT and database $BENCH_DB"
  cp "$REUSE/records.txt" "$WORK/records.txt"
else
  log "ingesting $VERSIONS versions of $SIZE bytes over $RECORDS records ($CONCURRENCY at a time)"
  bench ingest "$BASE" "$SECRET" "$RECORDS" "$VERSIONS" "$SIZE" "$CONCURRENCY" "$OUT"
  echo "ingest_load_before $LOAD_START" | tr -s ' ' ' ' >>"$OUT"
  echo "ingest_load_after $(uptime | sed 's/^ *//')" >>"$OUT"
  if [ -n "$REUSE" ]; then
    cp "$OUT" "$REUSE/ingest.txt"
    cp "$WORK/records.txt" "$REUSE/records.txt"
  fi
fi
files=$(find "$ROOT" -type f | wc -l)
bytes=$(du -sb "$ROOT" | cut -f1)
log "  $files files, $bytes bytes in the OCFL root"
if $INGEST_ONLY; then
  log "ingest kept in $REUSE (database $BENCH_DB): $(grep '^ingest_' "$REUSE/ingest.txt" | tr '\n' ' ')"
  exit 0
fi
LOAD_START=$(uptime | sed 's/^ *//')

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }

: >"$WORK/backup.s"; : >"$WORK/verify.s"; : >"$WORK/bag.bytes"; : >"$WORK/tar.s"; : >"$WORK/tarsync.s"; : >"$WORK/cp.s"; : >"$WORK/fixity.s"; : >"$WORK/sha512.s"; : >"$WORK/sha256.s"
# Whatever a step wrote is deleted and flushed (sync) before the next timed step, outside the
# timings: on a file system mounted with online discard (ext4 -o discard), deleting the last run's
# bag and tar (tens of thousands of inodes, gigabytes) costs its discards at the next journal
# commit, and without the sync that bill went to whichever step came next (the backup).
settle() { rm -rf "$@"; sync; }
for run in $(seq 1 "$RUNS"); do
  log "run $run/$RUNS: backup vs tar vs cp -r"
  # every run is a full backup: the previous bags and backup rows go
  settle "$TARGET"; mkdir -p "$TARGET"
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U opendata -d "$BENCH_DB" \
    -c "delete from archive.backup_object; delete from archive.backup" >/dev/null
  bench job "$BASE" "$SECRET" /backups >>"$WORK/backup.s"
  bag=$(find "$TARGET" -maxdepth 1 -name '*.tar' | head -n 1)
  [ -n "$bag" ] && [ "$(find "$TARGET" -mindepth 1 -maxdepth 1 | wc -l)" = 1 ] \
    || die "expected one serialized bag in $TARGET: $(ls "$TARGET")"
  bag_id=$(basename "$bag" .tar)
  [ "$(tar -tf "$bag" | grep -v '/$' | head -n 4 | tr '\n' ' ')" = \
    "$bag_id/bagit.txt $bag_id/bag-info.txt $bag_id/manifest-sha512.txt $bag_id/tagmanifest-sha512.txt " ] \
    || die "the tag files are not the first entries of $bag"
  stat -c %s "$bag" >>"$WORK/bag.bytes"
  bench verify "$BASE" "$SECRET" "$bag_id" >>"$WORK/verify.s"
  settle "$TARGET"/*
  t=$(now); tar -cf "$TARGET/root.tar" -C "$ROOT" .; since "$t" >>"$WORK/tar.s"
  settle "$TARGET/root.tar"
  # the durable baseline: the backup forces its bag to disk before it reports success (a crash
  # must not leave a bag that looks complete), tar -cf does not; the same tar, then fsync of it
  t=$(now); tar -cf "$TARGET/root.tar" -C "$ROOT" .; sync "$TARGET/root.tar"; since "$t" >>"$WORK/tarsync.s"
  settle "$TARGET/root.tar"
  # the same files written as files (what a directory bag has to do), by coreutils
  t=$(now); cp -r "$ROOT" "$TARGET/root-copy"; since "$t" >>"$WORK/cp.s"
  settle "$TARGET/root-copy"
  log "run $run/$RUNS: fixity audit vs sha512sum / sha256sum"
  bench job "$BASE" "$SECRET" /fixity-audits >>"$WORK/fixity.s"
  t=$(now); find "$ROOT" -type f -print0 | xargs -0 sha512sum >/dev/null; since "$t" >>"$WORK/sha512.s"
  t=$(now); find "$ROOT" -type f -print0 | xargs -0 sha256sum >/dev/null; since "$t" >>"$WORK/sha256.s"
  log "  run $run seconds: backup $(tail -n 1 "$WORK/backup.s"), verify $(tail -n 1 "$WORK/verify.s"), tar $(tail -n 1 "$WORK/tar.s"), tar+fsync $(tail -n 1 "$WORK/tarsync.s"), cp -r $(tail -n 1 "$WORK/cp.s"), fixity $(tail -n 1 "$WORK/fixity.s"), sha512sum $(tail -n 1 "$WORK/sha512.s"), sha256sum $(tail -n 1 "$WORK/sha256.s") (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  log "  run $run backup by stage (service log): $(grep -o "objects planned in.*" "$WORK/service.log" | tail -n 1)"
done
log "Accept-Datetime retrieval ($REQUESTS requests)"
bench timegate "$BASE" "$SECRET" "$WORK/records.txt" "$REQUESTS" "$OUT"

LOAD_END=$(uptime | sed 's/^ *//')
mb=$(echo "$bytes / 1000000" | bc -l)
rate() { echo "$mb / $1" | bc -l | xargs printf '%.1f'; }
pct() { echo "100 * $2 / $1" | bc -l | xargs printf '%.0f'; }
b=$(median <"$WORK/backup.s"); v=$(median <"$WORK/verify.s"); bagb=$(median <"$WORK/bag.bytes"); tr=$(median <"$WORK/tar.s"); trs=$(median <"$WORK/tarsync.s"); cpr=$(median <"$WORK/cp.s")
f=$(median <"$WORK/fixity.s"); s5=$(median <"$WORK/sha512.s"); s2=$(median <"$WORK/sha256.s")
val() { awk -v k="$1" '$1 == k {print $2}' "$OUT"; }
cpu=$(nproc); mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n 1)
section=$(cat <<MD
<!-- archive:begin -->
## archive-service: ingest, backup, fixity, Accept-Datetime

Run $(date -u +%FT%TZ) with \`scripts/bench/archive.sh --versions $VERSIONS --records $RECORDS --size $SIZE --concurrency $CONCURRENCY --runs $RUNS --requests $REQUESTS\`
on $cpu cores, $mem RAM, $jv; service, PostgreSQL, client and baselines on the same machine,
page cache warm for both sides. OCFL root: $files files, $bytes bytes. Medians of $RUNS run(s).
Ingest $($INGESTED && echo "(reused from an earlier run, --reuse) ")ran under \`uptime\` $(sed -n 's/^ingest_load_before //p' "$OUT") → $(sed -n 's/^ingest_load_after //p' "$OUT").
Backup, fixity and Accept-Datetime: \`uptime\` before: $LOAD_START; after the last run: $LOAD_END.
The service's \`ARCHIVE_IO_THREADS\`: ${ARCHIVE_IO_THREADS:-0 (one per processor)}; \`tar\`,
\`sha512sum\` and \`sha256sum\` use one thread each.

| what | archive | baseline | ratio |
|---|---|---|---|
| ingest | $(val ingest_versions_per_s) versions/s, $(val ingest_mb_per_s) MB/s | — | — |
| full backup (serialized BagIt bag, one tar, sha512) vs \`tar -cf\` | $(rate "$b") MB/s ($b s) | $(rate "$tr") MB/s ($tr s) | $(pct "$b" "$tr") % (asked ≥ 60 %) |
| full backup vs \`tar -cf\` then \`sync FILE\` (fsync: as durable as the backup, which forces its bag to disk) | | $(rate "$trs") MB/s ($trs s) | $(pct "$b" "$trs") % |
| full backup vs \`cp -r\` (the same files written as files) | | $(rate "$cpr") MB/s ($cpr s) | $(pct "$b" "$cpr") % |
| bag size (the tar) | $(printf '%.0f' "$bagb") bytes ($(echo "100 * $bagb / $bytes" | bc -l | xargs printf '%.1f') % of the root) | — | — |
| verify (POST /backups/{id}/verify: one pass, every sha512) vs \`sha512sum\` of the root | $(rate "$v") MB/s ($v s) | $(rate "$s5") MB/s ($s5 s) | $(pct "$v" "$s5") % |
| fixity audit vs \`sha512sum\` | $(rate "$f") MB/s ($f s) | $(rate "$s5") MB/s ($s5 s) | $(pct "$f" "$s5") % (asked ≥ 70 %) |
| fixity audit vs \`sha256sum\` | | $(rate "$s2") MB/s ($s2 s) | $(pct "$f" "$s2") % |
| Accept-Datetime retrieval | p50 $(val timegate_p50_ms) ms, p95 $(val timegate_p95_ms) ms ($(val timegate_requests) requests) | — | — |
<!-- archive:end -->
MD
)
if [ -f "$RESULTS" ] && grep -q '<!-- archive:begin -->' "$RESULTS"; then
  python3 - "$RESULTS" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- archive:begin -->.*?<!-- archive:end -->", lambda m: section, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
else
  printf '\n%s\n' "$section" >>"$RESULTS"
fi
log "results written to $RESULTS"
printf '%s\n' "$section"
