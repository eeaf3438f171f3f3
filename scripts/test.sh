#!/usr/bin/env bash
# The test command: brings up the same infrastructure as up.sh (PostgreSQL, Redis,
# Elasticsearch — no Docker needed), lints the OpenAPI specs, runs ./mvnw verify against it,
# then (without extra arguments) runs the built platform with up.sh on ports 18080-18083 (E2E_PORT_BASE) and
# checks it with smoke.sh, replay-hardening.sh and the browser tests (scripts/browser-tests.sh, headless Chromium);
# finally stops what it started.
#   scripts/test.sh [--keep] [extra Maven arguments, e.g. -pl gateway]
#   --keep  leave the infrastructure running afterwards
# Nothing can hang: Maven gets MAVEN_TIMEOUT seconds (default 7200), the end-to-end stage (up.sh +
# smoke.sh) E2E_TIMEOUT (default 1800); each test JVM is also killed after test.fork.timeout (pom).
source "$(dirname "$0")/lib/common.sh"
MAVEN_TIMEOUT="${MAVEN_TIMEOUT:-7200}"
E2E_TIMEOUT="${E2E_TIMEOUT:-1800}"

KEEP=0
case "${1:-}" in
  --keep) KEEP=1; shift ;;
  -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
esac
require_tools

INFRA=(postgres redis elasticsearch)
before=()
for name in "${INFRA[@]}"; do running "$name" && before+=("$name"); done

cleanup() {
  [ "$KEEP" = 1 ] && return
  for name in "${INFRA[@]}"; do
    if running "$name" && [[ ! " ${before[*]} " == *" $name "* ]]; then stop_recorded "$name"; fi
  done
}
trap cleanup EXIT

ensure_postgres
ensure_databases
ensure_redis
ensure_elasticsearch

export DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$TEST_DB_NAME"
export DB_USER=opendata DB_PASSWORD=opendata
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$TEST_REDIS_DB"
export ES_URL="http://127.0.0.1:$ES_PORT"

"$ROOT_DIR/scripts/lint-specs.sh" --display-only-failures
"$ROOT_DIR/scripts/validate-k8s.sh"

cd "$ROOT_DIR"
with_timeout "$MAVEN_TIMEOUT" "./mvnw verify (MAVEN_TIMEOUT)" ./mvnw -B verify "$@"

# End to end: the jars just built, run by scripts/up.sh as a second platform on other ports with
# its own home (secrets, PIDs, logs), its own databases and Redis database index, checked by
# scripts/smoke.sh through its gateway, then stopped by scripts/down.sh. This keeps the README's
# run command honest, not only the code, and never touches a platform someone is running.
if [ $# -eq 0 ]; then
  E2E_HOME="$OPENDATA_HOME/e2e-$E2E_PORT_BASE"   # logs stay in $E2E_HOME/logs after the run
  E2E_CATALOG_DB="${TEST_DB_NAME}_e2e_catalog" E2E_ARCHIVE_DB="${TEST_DB_NAME}_e2e_archive"
  rm -rf "$E2E_HOME" && mkdir -p "$E2E_HOME"
  drop_databases "$E2E_CATALOG_DB" "$E2E_ARCHIVE_DB"
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$E2E_REDIS_DB" flushdb >/dev/null
  # 100 demo policies, not 3,000: search and archive consume every one before smoke.sh's own
  # policy, which it expects searchable and archived within 30 s.
  e2e() {
    OPENDATA_HOME="$E2E_HOME" GATEWAY_PORT=$E2E_PORT_BASE CATALOG_PORT=$((E2E_PORT_BASE + 1)) \
      SEARCH_PORT=$((E2E_PORT_BASE + 2)) ARCHIVE_PORT=$((E2E_PORT_BASE + 3)) \
      CATALOG_DB_NAME="$E2E_CATALOG_DB" ARCHIVE_DB_NAME="$E2E_ARCHIVE_DB" \
      REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$E2E_REDIS_DB" DB_URL= \
      SEARCH_INDEX_PREFIX="e2e-$E2E_PORT_BASE-" CATALOG_DEMO_POLICIES="${E2E_DEMO_POLICIES:-100}" "$@"
  }
  drop_e2e_indices() { # by name: Elasticsearch refuses wildcard deletes
    local index
    for index in $(curl -s "http://127.0.0.1:$ES_PORT/_cat/indices/e2e-$E2E_PORT_BASE-*?h=index"); do
      curl -s -X DELETE "http://127.0.0.1:$ES_PORT/$index" >/dev/null || true
    done
  }
  stop_e2e() { e2e "$ROOT_DIR/scripts/down.sh" >/dev/null 2>&1 || true; drop_e2e_indices; cleanup; }
  trap stop_e2e EXIT
  e2e_started=$SECONDS
  e2e with_timeout "$E2E_TIMEOUT" "end-to-end start (E2E_TIMEOUT)" "$ROOT_DIR/scripts/up.sh" --no-build \
    || { tail -n 40 "$E2E_HOME"/logs/*.log; die "end-to-end: the platform did not come up"; }
  e2e with_timeout "$((E2E_TIMEOUT - (SECONDS - e2e_started) > 60 ? E2E_TIMEOUT - (SECONDS - e2e_started) : 60))" \
    "end-to-end checks (E2E_TIMEOUT)" "$ROOT_DIR/scripts/smoke.sh"
  # the security review's hostile requests: each a 4xx problem+json, no stack trace in any log
  e2e with_timeout 300 "hardening replay" "$ROOT_DIR/scripts/replay-hardening.sh"
  # the web pages in a real, headless Chromium (installed with apt-get when missing)
  e2e with_timeout "$((E2E_TIMEOUT - (SECONDS - e2e_started) > 60 ? E2E_TIMEOUT - (SECONDS - e2e_started) : 60))" \
    "browser tests (E2E_TIMEOUT)" "$ROOT_DIR/scripts/browser-tests.sh"
fi
