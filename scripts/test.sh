#!/usr/bin/env bash
# The test command: brings up the same infrastructure as up.sh (PostgreSQL, Redis,
# Elasticsearch — no Docker needed), runs ./mvnw verify against it, and stops what it started.
#   scripts/test.sh [--keep] [extra Maven arguments]
source "$(dirname "$0")/lib/common.sh"

KEEP=0
if [ "${1:-}" = "--keep" ]; then KEEP=1; shift; fi

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
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export ES_URL="http://127.0.0.1:$ES_PORT"

"$ROOT_DIR/scripts/lint-specs.sh" --display-only-failures

cd "$ROOT_DIR"
./mvnw -B verify "$@"
