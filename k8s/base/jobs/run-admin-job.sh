#!/bin/sh
# Starts a long-running admin operation through the gateway and follows its job to the end:
#   run-admin-job.sh START_PATH      e.g. /api/v1/search/admin/reindex
# Contract (platform-common jobs): the POST answers with a Location header naming the job, and
# GET on it answers JSON with "state": RUNNING | SUCCEEDED | FAILED and "percent". Exits 0 on
# SUCCEEDED, 1 otherwise, so Kubernetes records the Job as failed and retries it (backoffLimit).
set -eu
GATEWAY="${GATEWAY:-http://gateway:8080}"
start="$1"
headers=/tmp/headers
body=$(curl -sS --fail-with-body --max-time 60 -X POST -D "$headers" \
  -H "X-API-Key: $ADMIN_API_KEY" -H 'Accept: application/json' "$GATEWAY$start") \
  || { echo "POST $start failed: $body" >&2; exit 1; }
job=$(tr -d '\r' <"$headers" | sed -n 's/^[Ll]ocation: *//p' | tail -n 1)
[ -n "$job" ] || { echo "POST $start answered without a Location header: $body" >&2; exit 1; }
case "$job" in http://*|https://*) url="$job" ;; *) url="$GATEWAY$job" ;; esac
echo "started $start -> $job"
while :; do
  status=$(curl -sS --fail-with-body --max-time 30 -H "X-API-Key: $ADMIN_API_KEY" \
    -H 'Accept: application/json' "$url") || { echo "GET $job failed: $status" >&2; exit 1; }
  state=$(printf '%s' "$status" | sed -n 's/.*"state" *: *"\([A-Za-z_]*\)".*/\1/p')
  percent=$(printf '%s' "$status" | sed -n 's/.*"percent" *: *\([0-9.]*\).*/\1/p')
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) ${state:-?} ${percent:-?}%"
  case "$state" in
    SUCCEEDED) exit 0 ;;
    FAILED) echo "$status" >&2; exit 1 ;;
  esac
  sleep 15
done
