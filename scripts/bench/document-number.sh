#!/usr/bin/env bash
# Benchmark of document numbers (document-number) and personal-data screening (catalog-service,
# policy.screening); not part of ./mvnw verify. Needs no running service. It
#   1. compiles the two modules (no tests) and starts fresh JVMs to time the first calls: the
#      first parse loads the traditional → simplified dictionary; looksLikeDocumentNumber never does,
#   2. times parse and looksLikeDocumentNumber per call on 1,000 typed variants (half traditional),
#      interleaved with the baseline, NFKC normalisation of the same strings (a step parse takes),
#   3. times screening of --mb megabytes of Chinese text with a phone or ID number every ~1.4 KB,
#      interleaved with the baseline, one regex pass that finds every digit,
# and writes the medians into docs/benchmarks.md (between the document-number markers).
#   scripts/bench/document-number.sh [--rounds N] [--mb M] [--corpus FILE]
# --corpus: Chinese text to screen, repeated (default: generated text; the seed corpus in
# ../shared/data/seed-corpus-zh-hans.txt is realistic, and is only read here, never by the build).
source "$(dirname "$0")/../lib/common.sh"

ROUNDS=5
MB=20
CORPUS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift ;;
    --mb) MB="$2"; shift ;;
    --corpus) CORPUS="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ "$ROUNDS" -ge 3 ] || die "--rounds must be at least 3 (medians)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RESULTS="$ROOT_DIR/docs/benchmarks.md"
BENCH="$ROOT_DIR/scripts/bench/DocumentNumberBench.java"

log "compiling document-number and catalog-service"
"$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -pl document-number,catalog-service -am \
  -DskipTests -Dspotless.check.skip=true compile
"$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -pl document-number dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT_DIR/document-number/target/classes:$ROOT_DIR/catalog-service/target/classes:$(cat "$WORK/cp.txt")"
bench() { java -Xmx512m -cp "$CP" "$BENCH" "$@"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { awk -v c="$1" '{ print $c }' "$2" | median; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "cold start: $ROUNDS fresh JVMs"
for _ in $(seq "$ROUNDS"); do bench cold; done | tee "$WORK/cold"
log "steady state: parse, looksLikeDocumentNumber, NFKC baseline ($ROUNDS interleaved rounds)"
bench parse "$ROUNDS" | tee "$WORK/parse"
log "screening ${MB} MB, with the digit-regex baseline ($ROUNDS interleaved rounds)"
bench screen "$ROUNDS" "$MB" $CORPUS | tee "$WORK/screen"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cold_looks=$(column 1 "$WORK/cold"); cold_parse=$(column 2 "$WORK/cold"); cold_second=$(column 3 "$WORK/cold")
parse_ns=$(column 1 "$WORK/parse"); looks_ns=$(column 2 "$WORK/parse"); nfkc_ns=$(column 3 "$WORK/parse")
screen_mbps=$(column 1 "$WORK/screen"); digits_mbps=$(column 2 "$WORK/screen")
read -r _ _ findings digits size < "$WORK/screen"
text="${CORPUS:+the corpus $(basename "$CORPUS") repeated}"; text="${text:-generated Han text}"
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -n 1)"
args="--rounds $ROUNDS --mb $MB${CORPUS:+ --corpus $CORPUS}"

report="$WORK/report.md"
cat >"$report" <<MD
<!-- document-number:begin -->
## Document numbers and personal-data screening (pure Java, no service)

Run $(date -u +%Y-%m-%dT%H:%M:%SZ) with \`scripts/bench/document-number.sh $args\` on ${machine},
-Xmx512m. Load average before / after the run: ${load_before} / ${load_after} (other builds
share the machine: absolute figures move with the load; the ratios to the baselines, measured
interleaved in the same process, move less). Medians of ${ROUNDS} runs.

| what | median |
|---|---|
| first \`looksLikeDocumentNumber\` in a fresh JVM (no dictionary) | ${cold_looks} ms |
| first \`parse\` in a fresh JVM: loads OpenCC's traditional → simplified table | ${cold_parse} ms |
| second \`parse\` in the same JVM | ${cold_second} ms |
| \`parse\` + \`key()\`, steady state, 1,000 typed variants (half traditional, some full-width) | ${parse_ns} ns per call |
| \`looksLikeDocumentNumber\`, same strings | ${looks_ns} ns per call |
| baseline: NFKC normalisation of the same strings | ${nfkc_ns} ns per call |
| \`PersonalDataScreening.screen\`, ${size} MB of ${text}, ${findings} findings | ${screen_mbps} MB/s |
| baseline: one regex pass finding every digit (${digits} digits) in the same text | ${digits_mbps} MB/s |

Parse costs about $(awk "BEGIN { printf \"%.1f\", $parse_ns / $nfkc_ns }")× an NFKC pass (it folds, scans, looks the issuer code up in the
conversion cache and builds the number); the dictionary load is paid once, by the first number a
JVM parses (a service can parse one at start-up). Screening runs at
$(awk "BEGIN { printf \"%.2f\", $screen_mbps / $digits_mbps }")× the speed of a regex pass that only finds the digits: it skips Han text with a
plain character test and tries its patterns only where a digit run starts. A 50 MB attachment's
text screens in about $(awk "BEGIN { printf \"%.1f\", 50 / $screen_mbps }") s at this rate.
<!-- document-number:end -->
MD

mkdir -p "$(dirname "$RESULTS")"
if grep -q '<!-- document-number:begin -->' "$RESULTS"; then
  awk -v report="$report" '
    /<!-- document-number:begin -->/ { while ((getline line < report) > 0) print line; skip = 1; next }
    /<!-- document-number:end -->/ { skip = 0; next }
    !skip { print }' "$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
else
  printf '\n' >>"$RESULTS"
  cat "$report" >>"$RESULTS"
fi
cat "$report"
log "results written to $RESULTS"
