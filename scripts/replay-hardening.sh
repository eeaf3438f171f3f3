#!/usr/bin/env bash
# Replays the hostile requests of the security review (issue 8) against a running platform (after
# scripts/up.sh), through its gateway and, for the encodings, directly at the services: every one
# must be a 4xx answered as application/problem+json, and no log line written meanwhile may be a
# stack trace. Prints one line per request; exits non-zero if any fails.
#   scripts/replay-hardening.sh [gateway-url]
source "$(dirname "$0")/lib/common.sh"
set +e
G="${1:-http://localhost:$GATEWAY_PORT}"
ensure_local_secrets >/dev/null
failures=0
A=(-H "X-API-Key: $ADMIN_API_KEY") # the admin's limit, so that the anonymous one does not interfere

# expect NAME CURL-ARGS…: a 4xx problem+json within 5 s
expect() {
  local name=$1; shift
  local out code type
  out=$(curl -s -m 5 -o /dev/null -w '%{http_code} %{content_type}' "$@")
  code=${out%% *}; type=${out#* }
  if [[ "$code" =~ ^4[0-9][0-9]$ && "$type" == application/problem+json* ]]; then
    printf '  ok    %s → %s\n' "$name" "$code"
  else
    printf '  FAIL  %s → %s %s (expected a 4xx problem+json)\n' "$name" "$code" "$type"
    failures=$((failures + 1))
  fi
}
# stack_lines: lines that look like a Java stack frame in every log of this platform
stack_lines() { cat "$LOG_DIR"/*.log 2>/dev/null | grep -cE '^\s+at [a-zA-Z_$][a-zA-Z0-9_$.]+\(' ; }

log "replaying the security review's requests against $G"
before=$(stack_lines)
F="$G/api/v1/catalog/fiscal"

# item 1: forged and tampered cursors
expect "forged cursor" "${A[@]}" "$F/items?sort=-amount&cursor=eyJhIjoiMUUtNDAwMDAwMCJ9"
expect "cursor of random bytes" "${A[@]}" "$F/items?cursor=%FF%FE%00garbage"
# item 2: bad encodings and headers, through the gateway and directly at each service
for base in "$G" "http://127.0.0.1:$CATALOG_PORT"; do
  expect "year=%FF ($base)" "${A[@]}" "$base/api/v1/catalog/fiscal/items?year=%FF"
  expect "format=%FF ($base)" "${A[@]}" "$base/api/v1/catalog/fiscal/items?format=%FF"
  expect "asOf=%FF ($base)" "${A[@]}" "$base/api/v1/catalog/statistics/observations?asOf=%FF"
  expect "overlong UTF-8 %C0%80 ($base)" "${A[@]}" "$base/api/v1/catalog/policies?q=%C0%80"
  expect "lone surrogate %ED%A0%80 ($base)" "${A[@]}" "$base/api/v1/catalog/policies?q=%ED%A0%80"
done
expect "search q=%C0%80" "${A[@]}" "$G/api/v1/search/documents?q=%C0%80"
expect "archive title=%ED%A0%80" "${A[@]}" "$G/api/v1/archive/records?title=%ED%A0%80"
expect "gateway key id INVALID" "${A[@]}" "$G/api/v1/admin/keys/INVALID"
expect "gateway keys size=1000" "${A[@]}" "$G/api/v1/admin/keys?size=1000"
expect "gateway keys page=-1" "${A[@]}" "$G/api/v1/admin/keys?page=-1"
many=$(printf 'application/x-t%d,' $(seq 1 51)); many=${many%,}
expect "Accept with 51 media types" "${A[@]}" -H "Accept: $many" "$F/items?size=1"
expect "Accept with 51 media types on health" -H "Accept: $many" "$G/actuator/health"
# item 3: the CSV limit cannot be side-stepped by padding the format
# (the service reads a padded csv as csv, so the gateway must charge it as one: the bulk policy)
for padded in %20csv csv%20 %09csv; do
  policy=$(curl -s -m 5 -D - -o /dev/null "$F/items?year=2024&region=150602&size=1&format=$padded" | tr -d '\r' \
    | sed -n 's/^RateLimit-Policy: "\([a-z]*\)".*/\1/Ip')
  if [ "$policy" = bulk ]; then printf '  ok    format=%s is charged as bulk\n' "$padded"; else
    printf '  FAIL  format=%s is charged as %s, not bulk\n' "$padded" "${policy:-nothing}"; failures=$((failures + 1)); fi
done
# item 5: the bootstrap admin key cannot be revoked
admin_id=$(curl -s "${A[@]}" "$G/api/v1/catalog/admin/whoami" | sed -n 's/.*"subject":"\([^"]*\)".*/\1/p')
[ -n "$admin_id" ] && expect "revoke the bootstrap admin key" "${A[@]}" -X DELETE "$G/api/v1/admin/keys/$admin_id"
# item 11: deep offsets point to the cursor
expect "page=1000000&size=1000" "${A[@]}" "$F/items?page=1000000&size=1000"
# item 13: strict JSON
expect "duplicate keys in a body" "${A[@]}" -X POST "$G/api/v1/admin/keys" -H 'Content-Type: application/json' \
  -d '{"name":"dup","owner":"dup@example.cn","roles":["consumer"],"roles":["admin"]}'
expect "malformed JSON body" "${A[@]}" -X POST "$G/api/v1/admin/keys" -H 'Content-Type: application/json' -d '{"name":'

# item 4: an encoded api_key never travels past the gateway
consumer=$(curl -s -X POST "${A[@]}" "$G/api/v1/admin/keys" -H 'Content-Type: application/json' \
  -d '{"name":"replay","owner":"replay@example.cn","roles":["consumer"]}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
if [ -n "$consumer" ]; then
  for form in api%5Fkey %61pi_key api_key; do
    echoed=$(curl -s "$F/items?size=1&$form=$consumer" | grep -c "$consumer")
    if [ "$echoed" = 0 ]; then printf '  ok    %s is not echoed\n' "$form"; else
      printf '  FAIL  %s is echoed in the response\n' "$form"; failures=$((failures + 1)); fi
  done
  if grep -q "$consumer" "$LOG_DIR"/*.log; then
    printf '  FAIL  a consumer key reached a log\n'; failures=$((failures + 1))
  else printf '  ok    no log line holds the key\n'; fi
fi

sleep 1
after=$(stack_lines)
if [ "$after" = "$before" ]; then printf '  ok    no stack trace logged during the replay\n'; else
  printf '  FAIL  %s stack-trace lines logged during the replay (see %s)\n' "$((after - before))" "$LOG_DIR"
  failures=$((failures + 1))
fi
[ "$failures" = 0 ] || die "$failures replayed request(s) failed"
log "every replayed request was refused cleanly"
