# shellcheck shell=bash
# Shared by up.sh, down.sh and test.sh: where things live and how infrastructure is started.
# Everything this project starts records its PID under $RUN_DIR; down.sh stops only those.

set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ "$(id -u)" = 0 ]; then
  OPENDATA_HOME="${OPENDATA_HOME:-/var/lib/opendata}"
else
  OPENDATA_HOME="${OPENDATA_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/opendata}"
fi
LOG_DIR="${LOG_DIR:-$OPENDATA_HOME/logs}"
RUN_DIR="$OPENDATA_HOME/run"
ES_VERSION="8.19.21"
ES_HOME="$OPENDATA_HOME/elasticsearch-$ES_VERSION"
ES_USER="opendata-es"
ES_PORT="${ES_PORT:-9200}"
PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
# The services' ports (scripts/test.sh runs a second, throw-away platform on other ports).
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
# The gateway's JVM flags beyond up.sh's common ones (issue 13; scripts/bench/gateway-overhead.sh
# starts the stock Spring Cloud Gateway baseline with the same): the throughput collector, whose
# young collections suit a proxy that allocates ~60 KB per request and keeps almost none of it,
# on 2 cores; no sampling of Netty buffers for leak reports (a debugging aid, on by default).
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS--XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled}"
CATALOG_PORT="${CATALOG_PORT:-8081}"
SEARCH_PORT="${SEARCH_PORT:-8082}"
ARCHIVE_PORT="${ARCHIVE_PORT:-8083}"
# The platform's databases (scripts/test.sh gives its end-to-end platform its own).
CATALOG_DB_NAME="${CATALOG_DB_NAME:-opendata_catalog}"
ARCHIVE_DB_NAME="${ARCHIVE_DB_NAME:-opendata_archive}"
# Tests use their own database and Redis database index, never the running platform's; set
# TEST_DB_NAME / TEST_REDIS_DB / E2E_REDIS_DB / E2E_PORT_BASE to keep parallel work trees apart.
TEST_DB_NAME="${TEST_DB_NAME:-opendata_test}"
TEST_REDIS_DB="${TEST_REDIS_DB:-15}"
E2E_REDIS_DB="${E2E_REDIS_DB:-14}"
E2E_PORT_BASE="${E2E_PORT_BASE:-18080}"
# How long up.sh waits for each service to become ready (a loaded machine needs longer).
READY_TIMEOUT="${READY_TIMEOUT:-180}"

mkdir -p "$LOG_DIR" "$RUN_DIR"

log() { printf '\033[1m[opendata]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[opendata] %s\033[0m\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
recorded_pid() { [ -f "$RUN_DIR/$1.pid" ] && cat "$RUN_DIR/$1.pid" || true; }
record_pid() { echo "$2" > "$RUN_DIR/$1.pid"; }
running() { pid_alive "$(recorded_pid "$1")"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND... — polls COMMAND every second.
wait_until() {
  local seconds="$1" what="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 1
  done
  log "$what is ready"
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  command -v java >/dev/null || die "No Java found: install a JDK 17 (apt-get install openjdk-17-jdk-headless)."
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# require_tools: what the scripts themselves need — a JDK 17 or later (javac too: ./mvnw compiles)
# and curl — installed with apt when missing and run as root, otherwise a message saying what to
# install; never a confusing failure halfway through a run.
require_tools() {
  command -v curl >/dev/null || apt_install curl
  local home; home="$(java_home)"
  [ -x "$home/bin/javac" ] || {
    if is_root && command -v apt-get >/dev/null; then apt_install openjdk-17-jdk-headless; home="$(java_home)"; fi
    [ -x "$home/bin/javac" ] || die "No JDK found ($home has no javac): install a JDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
  }
  local version
  version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [ "${version:-0}" -ge 17 ] 2>/dev/null \
    || die "Java $version at $home is too old: the platform needs a JDK 17 or later (set JAVA_HOME)."
}

# with_timeout SECONDS WHAT COMMAND... — runs COMMAND and fails with a clear message (instead of
# hanging CI) when it is still running after SECONDS; the whole process group is stopped.
with_timeout() {
  local seconds="$1" what="$2"; shift 2
  local status=0
  timeout --kill-after=60 "$seconds" "$@" || status=$?
  if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    die "$what did not finish within $seconds s (raise it with the matching *_TIMEOUT variable)"
  fi
  return "$status"
}

apt_install() {
  if is_root && command -v apt-get >/dev/null; then
    log "installing $* with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    die "$* is not installed. Install it (Debian: sudo apt-get install $*) and run again."
  fi
}

# --- PostgreSQL ---------------------------------------------------------------

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

# psql as the database superuser, whichever way this machine allows.
pg_admin() {
  if is_root; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -X -p "$PG_PORT" "$@"
  elif psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -c 'select 1' >/dev/null 2>&1; then
    psql -v ON_ERROR_STOP=1 -q -X -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
  elif sudo -n true 2>/dev/null; then
    sudo -u postgres psql -v ON_ERROR_STOP=1 -q -X -p "$PG_PORT" "$@"
  else
    die "Cannot act as the PostgreSQL superuser. Create role 'opendata' (password 'opendata') and databases opendata_catalog, opendata_archive, opendata_test owned by it, then run again."
  fi
}

ensure_postgres() {
  command -v pg_isready >/dev/null || apt_install postgresql
  if pg_ready; then return; fi
  if command -v pg_lsclusters >/dev/null && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local version cluster
    read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
    log "starting PostgreSQL $version/$cluster"
    if is_root; then
      pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
    else
      pg_ctlcluster "$version" "$cluster" start || die "Could not start PostgreSQL; start it (sudo pg_ctlcluster $version $cluster start) and run again."
    fi
    wait_until 30 "PostgreSQL" pg_ready || die "PostgreSQL did not become ready; see /var/log/postgresql/."
    local pid
    pid=$(head -n 1 "/var/lib/postgresql/$version/$cluster/postmaster.pid" 2>/dev/null || true)
    [ -n "$pid" ] && record_pid postgres "$pid"
  else
    die "PostgreSQL is installed but has no cluster; create one (pg_createcluster 15 main) and run again."
  fi
}

ensure_databases() {
  pg_admin -d postgres -v catalog_db="$CATALOG_DB_NAME" -v archive_db="$ARCHIVE_DB_NAME" \
    -v test_db="$TEST_DB_NAME" <<'SQL'
select 'create role opendata login password ''opendata'''
 where not exists (select from pg_roles where rolname = 'opendata') \gexec
select format('create database %I owner opendata', d)
  from unnest(array[:'catalog_db', :'archive_db', :'test_db']) d
 where not exists (select from pg_database where datname = d) \gexec
SQL
}

# drop_databases NAME... — drops throw-away databases (the end-to-end platform's).
drop_databases() {
  local d
  for d in "$@"; do pg_admin -d postgres -c "drop database if exists \"$d\" with (force)"; done
}

# --- Redis --------------------------------------------------------------------

redis_ready() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

ensure_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  if redis_ready; then return; fi
  mkdir -p "$OPENDATA_HOME/redis"
  log "starting Redis on port $REDIS_PORT (append-only file in $OPENDATA_HOME/redis)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
    --dir "$OPENDATA_HOME/redis" --appendonly yes \
    --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log"
  wait_until 15 "Redis" redis_ready || die "Redis did not start; see $LOG_DIR/redis.log."
}

# --- Elasticsearch ------------------------------------------------------------

es_ready() { curl -fs "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; }

install_elasticsearch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return
  log "fetching Elasticsearch $ES_VERSION from Maven Central"
  "$ROOT_DIR/mvnw" -q -B -f "$ROOT_DIR/pom.xml" -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$OPENDATA_HOME" -Dmdep.overWriteReleases=true \
    || die "Could not fetch Elasticsearch from Maven Central."
  [ -x "$ES_HOME/bin/elasticsearch" ] || chmod +x "$ES_HOME"/bin/* || die "Elasticsearch unpacked badly: $ES_HOME"
}

ensure_elasticsearch() {
  if es_ready; then return; fi
  if port_open "$ES_PORT"; then
    wait_until 60 "Elasticsearch" es_ready && return
    die "Something listens on port $ES_PORT but is not a healthy Elasticsearch."
  fi
  install_elasticsearch
  local es_run="$OPENDATA_HOME/elasticsearch-run" es_data="$OPENDATA_HOME/elasticsearch-data"
  mkdir -p "$es_run" "$es_data" "$LOG_DIR/elasticsearch"
  local runner=()
  if is_root; then
    # Elasticsearch refuses to run as root: it gets a system user of its own.
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$ES_HOME" "$es_run" "$es_data" "$LOG_DIR/elasticsearch"
    chmod 755 "$OPENDATA_HOME"
    runner=(runuser -u "$ES_USER" --)
  fi
  log "starting Elasticsearch $ES_VERSION on port $ES_PORT (data in $es_data)"
  rm -f "$es_run/elasticsearch.pid"
  "${runner[@]}" env ES_JAVA_HOME="$(java_home)" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$ES_HOME/bin/elasticsearch" -d -p "$es_run/elasticsearch.pid" \
    -E discovery.type=single-node -E xpack.security.enabled=false \
    -E cluster.name=opendata -E network.host=127.0.0.1 -E http.port="$ES_PORT" \
    -E path.data="$es_data" -E path.logs="$LOG_DIR/elasticsearch" \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    >"$LOG_DIR/elasticsearch/startup.log" 2>&1 \
    || die "Elasticsearch failed to start; see $LOG_DIR/elasticsearch/."
  wait_until 120 "Elasticsearch" es_ready || die "Elasticsearch did not become ready; see $LOG_DIR/elasticsearch/."
  record_pid elasticsearch "$(cat "$es_run/elasticsearch.pid")"
}

# --- secrets for local runs ---------------------------------------------------

ensure_local_secrets() {
  local file="$OPENDATA_HOME/secrets.env"
  if [ ! -f "$file" ]; then
    umask 077
    {
      echo "JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
      echo "ADMIN_API_KEY=odk_$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
    } >"$file"
  fi
  set -a
  # shellcheck disable=SC1090
  . "$file"
  set +a
}

# stop_recorded NAME — stops a process this project started and recorded, nothing else.
stop_recorded() {
  local name="$1" pid
  pid=$(recorded_pid "$name")
  if pid_alive "$pid"; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 40))
    while pid_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 1; done
    pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
}
