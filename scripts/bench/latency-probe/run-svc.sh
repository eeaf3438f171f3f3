#!/bin/bash
# run-svc.sh JAR PORT PREFIX LOG [java opts...]
jar=$1; port=$2; prefix=$3; log=$4; shift 4
JAVA=${JAVA:-java}
REDIS_URL="redis://127.0.0.1:6379/4" ES_URL=http://127.0.0.1:9200 JWT_SECRET="bench-only-probe-secret-0123456789abcdefghijkl" PORT=$port MANAGEMENT_PORT=$((port+1000)) \
  SEARCH_INDEX_PREFIX=$prefix SEARCH_POLICIES_FILE=/tmp/h1-bench/policies.ndjson SEARCH_CACHE_ENABLED=false SEARCH_INDEXER_ENABLED=false \
  exec $JAVA -Xms256m -Xmx512m -Dfile.encoding=UTF-8 "$@" -jar $jar >$log 2>&1
