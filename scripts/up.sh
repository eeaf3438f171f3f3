#!/usr/bin/env bash
# Brings the whole platform up on this machine: PostgreSQL, Redis, Elasticsearch, then the four
# services. Idempotent: running it again starts only what is not running.
#   scripts/up.sh [--no-build] [--scale N]   (see README.md)
#   --scale N: size of the catalog's generated demo data, loaded when its database is empty
#              (1 = small demo set, the default; 3 = over a million fiscal line items).
source "$(dirname "$0")/lib/common.sh"

BUILD=1
DEMO_SCALE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --scale)
      [[ "${2:-}" =~ ^[1-9][0-9]?$ ]] && [ "$2" -le 30 ] || die "--scale needs a number from 1 to 30"
      DEMO_SCALE="$2"; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) die "unknown option: $1 (try --help)" ;;
  esac
  shift
done

# name:port:module — gateway last, so that it finds its routes ready.
SERVICES=(catalog:$CATALOG_PORT:catalog-service search:$SEARCH_PORT:search-service
  archive:$ARCHIVE_PORT:archive-service gateway:$GATEWAY_PORT:gateway)

ensure_postgres
ensure_databases
ensure_redis
ensure_elasticsearch
ensure_local_secrets

export DB_USER="${DB_USER:-opendata}" DB_PASSWORD="${DB_PASSWORD:-opendata}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
export ES_URL="${ES_URL:-http://127.0.0.1:$ES_PORT}"
export ARCHIVE_OCFL_ROOT="${ARCHIVE_OCFL_ROOT:-$OPENDATA_HOME/archive/ocfl}"
export ARCHIVE_BACKUP_TARGETS="${ARCHIVE_BACKUP_TARGETS:-$OPENDATA_HOME/archive/backup}"
export CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:$CATALOG_PORT}"
export SEARCH_URL="${SEARCH_URL:-http://127.0.0.1:$SEARCH_PORT}"
export ARCHIVE_URL="${ARCHIVE_URL:-http://127.0.0.1:$ARCHIVE_PORT}"

to_start=()
for entry in "${SERVICES[@]}"; do
  IFS=: read -r name port module <<<"$entry"
  if running "$name"; then
    log "$name already running (pid $(recorded_pid "$name"))"
    if [ "$name" = catalog ] && [ "$DEMO_SCALE" != 1 ]; then
      log "  --scale takes effect when the catalog restarts (scripts/down.sh, then scripts/up.sh --scale N)"
    fi
  elif port_open "$port"; then
    die "port $port is taken by another process; stop it or free the port for $name."
  else
    to_start+=("$entry")
  fi
done

if [ ${#to_start[@]} -gt 0 ] && [ "$BUILD" = 1 ]; then
  modules=$(printf '%s\n' "${to_start[@]}" | cut -d: -f3 | paste -sd, -)
  log "building $modules (log: $LOG_DIR/build.log)"
  "$ROOT_DIR/mvnw" -B -f "$ROOT_DIR/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -pl "$modules" -am package \
    >"$LOG_DIR/build.log" 2>&1 || die "build failed; see $LOG_DIR/build.log"
fi

start_service() {
  local name="$1" port="$2" module="$3" jar
  jar=$(ls "$ROOT_DIR/$module"/target/"$module"-*.jar 2>/dev/null | grep -v -- '-plain\|-tests' | head -n 1)
  [ -n "$jar" ] || die "no jar for $module; run without --no-build"
  # Run a copy, so that a later build never rewrites the jar under a running JVM.
  cp "$jar" "$RUN_DIR/$name.jar"
  local db=""
  case "$name" in
    catalog) db="jdbc:postgresql://127.0.0.1:$PG_PORT/$CATALOG_DB_NAME" ;;
    archive) db="jdbc:postgresql://127.0.0.1:$PG_PORT/$ARCHIVE_DB_NAME" ;;
  esac
  log "starting $name on port $port (log: $LOG_DIR/$name.log)"
  local extra_java_opts=""
  [ "$name" = gateway ] && extra_java_opts="$GATEWAY_JAVA_OPTS"
  # Local runs get the catalog's generated demo data (loaded only into an empty catalog); the
  # services' actuator (metrics) listens on its own loopback port, main port + 1000; DCAT-AP IRIs
  # point at this machine's gateway. Java 17 takes its default charset from the locale: force UTF-8
  # (the catalog's generated SDK decodes Chinese bodies with it).
  CATALOG_DEMO_DATA="${CATALOG_DEMO_DATA:-true}" CATALOG_DEMO_SCALE="$DEMO_SCALE" \
  CATALOG_PUBLIC_BASE_URL="${CATALOG_PUBLIC_BASE_URL:-http://localhost:$GATEWAY_PORT}" \
  DB_URL="${db:-${DB_URL:-}}" PORT="$port" MANAGEMENT_PORT="$((port + 1000))" \
    nohup java -Xms64m -Xmx512m -Dfile.encoding=UTF-8 $extra_java_opts \
    -jar "$RUN_DIR/$name.jar" >"$LOG_DIR/$name.log" 2>&1 &
  record_pid "$name" $!
}

# catalog, search and archive serve only the probes /livez and /readyz on their main port
service_ready() {
  local path=readyz
  [ "$1" = gateway ] && path=actuator/health/readiness
  curl -fs "http://127.0.0.1:$2/$path" >/dev/null
}

for entry in "${to_start[@]}"; do
  IFS=: read -r name port module <<<"$entry"
  start_service "$name" "$port" "$module"
done
for entry in "${to_start[@]}"; do
  IFS=: read -r name port module <<<"$entry"
  wait_until "$READY_TIMEOUT" "$name" service_ready "$name" "$port" || {
    pid_alive "$(recorded_pid "$name")" || die "$name exited; see $LOG_DIR/$name.log"
    die "$name is not ready after $READY_TIMEOUT s (READY_TIMEOUT); see $LOG_DIR/$name.log"
  }
done

cat <<TXT

  Open Government Data Platform is up.
    gateway   http://localhost:$GATEWAY_PORT        (API docs: http://localhost:$GATEWAY_PORT/docs)
    catalog   http://localhost:$GATEWAY_PORT/api/v1/catalog/info
    search    http://localhost:$GATEWAY_PORT/api/v1/search/info
    archive   http://localhost:$GATEWAY_PORT/api/v1/archive/info
    Elasticsearch http://127.0.0.1:$ES_PORT · PostgreSQL 127.0.0.1:$PG_PORT · Redis 127.0.0.1:$REDIS_PORT
  Admin API key (local only): $ADMIN_API_KEY
  Logs: $LOG_DIR      Stop: scripts/down.sh
TXT
