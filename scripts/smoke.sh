#!/usr/bin/env bash
# End-to-end checks against a running platform (after scripts/up.sh), through the gateway:
# what the README promises. Prints one line per check; exits non-zero if any fails.
#   scripts/smoke.sh [gateway-url]
source "$(dirname "$0")/lib/common.sh"
set +e
G="${1:-http://localhost:$GATEWAY_PORT}"
ensure_local_secrets >/dev/null
failures=0

check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then printf '  ok    %s\n' "$1"; else printf '  FAIL  %s (expected %s, got %s)\n' "$1" "$2" "$3"; failures=$((failures + 1)); fi
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
ctype() { curl -s -o /dev/null -w '%{content_type}' "$@"; }

log "smoke test against $G"
for s in catalog search archive; do
  check "GET /api/v1/$s/info" 200 "$(status "$G/api/v1/$s/info")"
done
check "unknown path is 404" 404 "$(status "$G/no/such/path")"
check "unknown path is problem+json" application/problem+json "$(ctype "$G/no/such/path")"
check "rate-limit headers on reads" 1 "$(curl -s -D - -o /dev/null "$G/api/v1/catalog/info" | grep -ci '^RateLimit-Policy:')"
body='{"name":"smoke","owner":"smoke@example.cn","roles":["consumer"]}'
check "create key without a key is 401" 401 "$(status -X POST "$G/api/v1/admin/keys" -H 'Content-Type: application/json' -d "$body")"
consumer=$(curl -s -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" -H 'Content-Type: application/json' -d "$body" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
check "admin creates a key" 1 "$([ -n "$consumer" ] && echo 1 || echo 0)"
check "create key with a consumer key is 403" 403 "$(status -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $consumer" -H 'Content-Type: application/json' -d "$body")"
for s in catalog:$CATALOG_PORT search:$SEARCH_PORT archive:$ARCHIVE_PORT; do
  name=${s%%:*}; port=${s##*:}
  check "$name whoami direct without token is 401" 401 "$(status "http://127.0.0.1:$port/api/v1/$name/admin/whoami")"
  check "$name whoami with forged headers is 401" 401 "$(status "$G/api/v1/$name/admin/whoami" -H 'X-Roles: admin' -H 'Authorization: Bearer forged')"
  check "$name whoami with admin key is 200" 200 "$(status "$G/api/v1/$name/admin/whoami" -H "X-API-Key: $ADMIN_API_KEY")"
done
check "docs" 200 "$(status "$G/docs/")"
check "catalog spec" 200 "$(status "$G/openapi/catalog.yaml")"

if [ "$failures" -gt 0 ]; then die "$failures check(s) failed"; fi
log "all checks passed"
