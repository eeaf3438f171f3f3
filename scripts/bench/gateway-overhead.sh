#!/usr/bin/env bash
# Gateway overhead: the same request straight to the catalog service and through the gateway
# (API key lookup, rate limit in Redis, identity token, routing, circuit breaker), in one run.
# Needs a running platform (scripts/up.sh) and wrk (apt-get install wrk).
#   scripts/bench/gateway-overhead.sh [path] [seconds] [connections]
# Prints a Markdown table for docs/benchmarks.md.
source "$(dirname "$0")/../lib/common.sh"
PATH_UNDER_TEST="${1:-/api/v1/catalog/info}"
SECONDS_PER_RUN="${2:-20}"
CONNECTIONS="${3:-16}"
command -v wrk >/dev/null || apt_install wrk
ensure_local_secrets >/dev/null

# a key whose limit does not get in the way of the measurement
key=$(curl -fs -X POST http://127.0.0.1:$GATEWAY_PORT/api/v1/admin/keys -H "X-API-Key: $ADMIN_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"name":"benchmark","owner":"bench@localhost","roles":["consumer"],"limits":{"read":1000000,"bulk":1000000,"search":1000000}}' \
  | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$key" ] || die "could not create a benchmark key (is the platform up?)"

run() { # run LABEL URL
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "X-API-Key: $key" "$2" >"/tmp/wrk-$1.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "/tmp/wrk-$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "/tmp/wrk-$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "/tmp/wrk-$1.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "/tmp/wrk-$1.txt")
  echo "| $1 | $rps | $p50 | $p99 | ${non2xx:-0} |"
}

log "warming up (10 s each)"
wrk -t2 -c4 -d10s -H "X-API-Key: $key" "http://127.0.0.1:$CATALOG_PORT$PATH_UNDER_TEST" >/dev/null
wrk -t2 -c4 -d10s -H "X-API-Key: $key" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" >/dev/null

echo
echo "Command: \`scripts/bench/gateway-overhead.sh $PATH_UNDER_TEST $SECONDS_PER_RUN $CONNECTIONS\` — $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -n 1), wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s on the same machine"
echo
echo "| target | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run "direct (catalog :$CATALOG_PORT)" "http://127.0.0.1:$CATALOG_PORT$PATH_UNDER_TEST"
run "through gateway (:$GATEWAY_PORT)" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
