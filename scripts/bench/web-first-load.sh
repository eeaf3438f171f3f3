#!/usr/bin/env bash
# The portal's budget (issue 15): JS+CSS bytes of the first load of /portal/ as sent compressed
# (Brotli to Chromium, and gzip), and search-as-you-type latency from the last key press to the
# suggestions on screen, in headless Chromium through the gateway of a running platform
# (scripts/up.sh). Runs --runs times and prints each run; take the medians.
#   scripts/bench/web-first-load.sh [gateway-url] [--runs N] [--samples N]
source "$(dirname "$0")/../lib/common.sh"
G="http://localhost:$GATEWAY_PORT"
RUNS=3
SAMPLES=15
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --samples) SAMPLES="$2"; shift ;;
    http*) G="$1" ;;
    *) die "unknown option: $1" ;;
  esac
  shift
done
command -v chromium >/dev/null || apt_install chromium
cd "$ROOT_DIR/web"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null
log "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'); Chromium $(chromium --version | awk '{print $2}'); policies: $(curl -s "$G/api/v1/search/documents?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
for run in $(seq 1 "$RUNS"); do
  log "run $run"
  CHROMIUM_PATH="$(command -v chromium)" node scripts/first-load.mjs "$G" "$SAMPLES"
done
