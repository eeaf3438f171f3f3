#!/usr/bin/env bash
# Gateway overhead: the same requests straight to the catalog service and through the gateway
# (API key, rate limit, identity token, routing, circuit breaker), interleaved in one run.
# Needs a running platform (scripts/up.sh) and wrk (apt-get install wrk).
#   scripts/bench/gateway-overhead.sh
# Environment: GATEWAY_PORT, CATALOG_PORT (common.sh), RUNS (3), SECONDS_PER_RUN (10),
#   CONNECTIONS (16), THREADS (2), WARM_UP (5 s per target), LOAD_SECONDS (30; 0 skips the
#   200-connection run), ADMIN_API_KEY (else $OPENDATA_HOME/secrets.env).
# For each target (the fixed-cost /info and a real data read) and each caller (a key created by
# the admin key, with limits raised so they do not get in the way, and anonymous): warm-up, then
# RUNS × (direct, gateway) interleaved, so both see the same background load; prints the medians
# and the ratios as Markdown for docs/benchmarks.md. Anonymous runs measure the 429 path unless
# the gateway was started with a raised anonymous read limit
# (OPENDATA_GATEWAY_RATELIMITS_ANONYMOUS_READ): the non-2xx column shows it.
# STOCK=1 (the default) also measures, interleaved in the same runs, a stock Spring Cloud Gateway of
# the same versions with one route and one circuit-breaker filter (scripts/bench/stock-gateway,
# built here with ./mvnw -f, started on STOCK_GATEWAY_PORT, default GATEWAY_PORT + 100, in front
# of the same catalog with the same JVM flags as ours, GATEWAY_JAVA_OPTS included — as up.sh
# started our gateway with): the issue-13 baseline, "what Spring Cloud Gateway itself costs".
# STOCK=0 skips it.
# Finally 200 connections for LOAD_SECONDS through the gateway with the default limits: every
# status is tallied, only intended 429s may be non-2xx.
source "$(dirname "$0")/../lib/common.sh"
RUNS="${RUNS:-3}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
WARM_UP="${WARM_UP:-5}"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
INFO=/api/v1/catalog/info
DATA='/api/v1/catalog/fiscal/items?region=150600&year=2024&size=20'
command -v wrk >/dev/null || apt_install wrk
[ -n "${ADMIN_API_KEY:-}" ] || ensure_local_secrets >/dev/null
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
DIRECT="http://127.0.0.1:$CATALOG_PORT"
OUT=$(mktemp -d)
STOCK="${STOCK:-1}"
STOCK_GATEWAY_PORT="${STOCK_GATEWAY_PORT:-$((GATEWAY_PORT + 100))}"
STOCK_URL="http://127.0.0.1:$STOCK_GATEWAY_PORT"
stock_pid=""
cleanup() {
  if [ -n "$stock_pid" ]; then kill "$stock_pid" 2>/dev/null || true; fi
  rm -rf "$OUT"
}
trap cleanup EXIT
if [ "$STOCK" = 1 ]; then
  "$ROOT_DIR/mvnw" -B -q -f "$ROOT_DIR/scripts/bench/stock-gateway/pom.xml" package -DskipTests >"$OUT/stock-build.log" 2>&1 \
    || die "could not build the stock gateway (see $OUT/stock-build.log)"
  port_open "$STOCK_GATEWAY_PORT" && die "port $STOCK_GATEWAY_PORT (STOCK_GATEWAY_PORT) is taken"
  STOCK_GATEWAY_PORT=$STOCK_GATEWAY_PORT CATALOG_PORT=$CATALOG_PORT \
    java -Xms64m -Xmx512m -Dfile.encoding=UTF-8 $GATEWAY_JAVA_OPTS -jar "$ROOT_DIR/scripts/bench/stock-gateway/target/stock-gateway.jar" \
    >"$OUT/stock.log" 2>&1 &
  stock_pid=$!
  wait_until 60 "stock gateway" curl -fs -o /dev/null "$STOCK_URL/api/v1/catalog/info" >&2 \
    || die "the stock gateway did not answer on $STOCK_URL (log: $OUT/stock.log)"
fi

# an admin-role key whose limits do not get in the way of the measurement
key=$(curl -fs -X POST "$GATEWAY/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"name":"benchmark","owner":"bench@localhost","roles":["admin"],"limits":{"read":1000000,"bulk":1000000,"search":1000000}}' \
  | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$key" ] || die "could not create a benchmark key (is the platform up?)"

# wrk_run FILE URL [header]: one wrk run; prints "rps p50_ms p99_ms non2xx"
wrk_run() {
  local file="$1" url="$2" header="${3:-}"
  if [ -n "$header" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "$header" "$url" >"$file"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$url" >"$file"
  fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       /Non-2xx/ { non = $5 } END { printf "%s %.3f %.3f %d\n", rps, p50, p99, non }' "$file"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "Command: \`GATEWAY_PORT=$GATEWAY_PORT CATALOG_PORT=$CATALOG_PORT scripts/bench/gateway-overhead.sh\` — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -n 1), wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s, $RUNS interleaved runs each (medians), warm-up ${WARM_UP} s; gateway JVM flags: -Xms64m -Xmx512m $GATEWAY_JAVA_OPTS; load: $(uptime | sed 's/.*load average/load average/')"
echo
echo "| target | caller | direct req/s | gateway req/s | ratio | direct p50 | gateway p50 | p50 added | direct p99 | gateway p99 | p99 ratio | gateway non-2xx | stock SCG req/s | stock ratio | stock p50 added |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for target in info data; do
  path=$INFO
  [ "$target" = data ] && path=$DATA
  for caller in key anonymous; do
    header=""
    [ "$caller" = key ] && header="X-API-Key: $key"
    SECONDS_PER_RUN=$WARM_UP wrk_run "$OUT/warm" "$DIRECT$path" "$header" >/dev/null
    SECONDS_PER_RUN=$WARM_UP wrk_run "$OUT/warm" "$GATEWAY$path" "$header" >/dev/null
    if [ "$STOCK" = 1 ]; then SECONDS_PER_RUN=$WARM_UP wrk_run "$OUT/warm" "$STOCK_URL$path" "$header" >/dev/null; fi
    : >"$OUT/direct" && : >"$OUT/gateway" && : >"$OUT/stock"
    for i in $(seq "$RUNS"); do
      wrk_run "$OUT/wrk" "$DIRECT$path" "$header" >>"$OUT/direct"
      wrk_run "$OUT/wrk" "$GATEWAY$path" "$header" >>"$OUT/gateway"
      if [ "$STOCK" = 1 ]; then wrk_run "$OUT/wrk" "$STOCK_URL$path" "$header" >>"$OUT/stock"; fi
    done
    if [ "$STOCK" != 1 ]; then echo "0 0 0 0" >"$OUT/stock"; fi
    for side in direct gateway stock; do
      for column in 1 2 3; do
        awk -v c=$column '{ print $c }' "$OUT/$side" | median >"$OUT/$side.$column"
      done
    done
    non2xx=$(awk '{ s += $4 } END { print s + 0 }' "$OUT/gateway")
    awk -v t="$target" -v c="$caller" -v dr="$(cat "$OUT/direct.1")" -v gr="$(cat "$OUT/gateway.1")" \
      -v d50="$(cat "$OUT/direct.2")" -v g50="$(cat "$OUT/gateway.2")" \
      -v d99="$(cat "$OUT/direct.3")" -v g99="$(cat "$OUT/gateway.3")" -v n="$non2xx" \
      -v sr="$(cat "$OUT/stock.1")" -v s50="$(cat "$OUT/stock.2")" 'BEGIN {
        stock = "| – | – | – |"
        if (sr > 0) stock = sprintf("| %.0f | %.2f× | %+.2f ms |", sr, sr / dr, s50 - d50)
        printf "| %s | %s | %.0f | %.0f | %.2f× | %.2f ms | %.2f ms | %+.2f ms | %.2f ms | %.2f ms | %.2f× | %d %s\n",
          t, c, dr, gr, gr / dr, d50, g50, g50 - d50, d99, g99, g99 / d99, n, stock }'
  done
done

if [ "$LOAD_SECONDS" -gt 0 ]; then
  cat >"$OUT/status.lua" <<'LUA'
-- counts is global: done() reads each thread's copy with thread:get
counts = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
  io.write("socket errors: connect " .. summary.errors.connect .. ", read " .. summary.errors.read
    .. ", write " .. summary.errors.write .. ", timeout " .. summary.errors.timeout .. "\n")
end
LUA
  echo
  echo "200 connections for ${LOAD_SECONDS} s through the gateway (data read, the benchmark key; then anonymous, default limits: 429s intended):"
  for caller in key anonymous; do
    if [ "$caller" = key ]; then
      wrk -t"$THREADS" -c200 -d"${LOAD_SECONDS}s" -s "$OUT/status.lua" -H "X-API-Key: $key" "$GATEWAY$DATA" >"$OUT/load"
    else
      wrk -t"$THREADS" -c200 -d"${LOAD_SECONDS}s" -s "$OUT/status.lua" "$GATEWAY$DATA" >"$OUT/load"
    fi
    echo "- $caller: $(awk '/Requests\/sec/ {print $2}' "$OUT/load") req/s; $(grep '^statuses' "$OUT/load"); $(grep '^socket errors' "$OUT/load")"
  done
fi
