#!/usr/bin/env bash
# Published → searchable latency (issue 10): publishes N policies one after another through the
# gateway of the platform of scripts/up.sh and, after each, polls search-service every 20 ms until
# the document is found by its number. Latency = first successful search − return of the publish
# call (outbox relay → Redis stream → indexer → catalog fetch → Elasticsearch refresh; the
# index's 1 s refresh interval dominates). Prints p50 / p95 / max in ms.
#   scripts/bench/search-latency.sh [--count N] [--timeout S] [--label TEXT]
#   --count N    publications (default 100; 5 is enough to try it)
#   --timeout S  give up on one document after S seconds (default 60)
#   --label T    printed with the result (say "loaded machine" when it is)
# Prints only; the lead copies a run on a quiet machine into docs/benchmarks.md.
source "$(dirname "$0")/search-common.sh"

COUNT=100
TIMEOUT=60
LABEL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift ;;
    --timeout) TIMEOUT="$2"; shift ;;
    --label) LABEL="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
[ "$COUNT" -ge 1 ] 2>/dev/null || die "--count must be a positive number"

SUBJECT="latency-$(date +%s)"
base=$(run_serial_base)
publisher_keys
samples="$(mktemp)"
trap 'rm -f "$samples"' EXIT
log "publishing $COUNT policies, each polled until searchable"
for i in $(seq 1 "$COUNT"); do
  serial=$((base + i))
  id=$(publish_policy "$SUBJECT" "$serial") || die "publication $i failed"
  t0=$(now_ms)
  until is_searchable "$id" "$serial"; do
    [ $(( $(now_ms) - t0 )) -gt $((TIMEOUT * 1000)) ] && die "$id not searchable after $TIMEOUT s"
    sleep 0.02
  done
  echo $(( $(now_ms) - t0 )) >>"$samples"
done
sort -n "$samples" | awk -v n="$COUNT" -v label="$LABEL" '
  { v[NR] = $1 }
  END {
    p50 = v[int((n - 1) * 0.50) + 1]; p95 = v[int((n - 1) * 0.95) + 1]
    printf "published → searchable over %d publications%s: p50 %d ms, p95 %d ms, max %d ms\n",
      n, (label == "" ? "" : " (" label ")"), p50, p95, v[n]
  }'
