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
check "catalog spec is served bundled (no reference to another file)" 0 \
  "$(curl -s "$G/openapi/catalog.yaml" | grep -c 'platform\.yaml')"

# Content, not only status codes (the catalog's demo data, which up.sh loads).
F="$G/api/v1/catalog/fiscal"
# cents: an amount with at most two decimals as an exact integer (awk's doubles are exact up to 2^53)
cents() { tr -d '\r' | awk -v col="$1" -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
  { s += sprintf("%.0f", $c * 100) } END { printf "%.0f\n", s }'; }
check "misspelled query parameter is 400, not every row" 400 "$(status "$F/items?yaer=2024&format=csv")"
check "the 400 suggests the parameter meant" 1 "$(curl -s "$F/items?yaer=2024" | grep -c "did you mean 'year'")"
filter='year=2024&region=150602&budgetType=GENERAL_PUBLIC&stage=FINAL&direction=EXPENDITURE&classification=205'
summary=$(curl -s "$F/summary?$filter&groupBy=classification&level=1" | sed -n 's/.*"key":"205"[^}]*"amount":"\([0-9.]*\)".*/\1/p')
items_csv=$(curl -s "$F/items?$filter&fields=amount&format=csv")
items_total=$(curl -s "$F/items?$filter&size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
check "the demo data has line items for the filter (not an empty table)" 1 \
  "$([ "${items_total:-0}" -gt 0 ] 2>/dev/null && echo 1 || echo 0)"
check "fiscal summary through the gateway has an amount" 1 "$([ -n "$summary" ] && echo 1 || echo 0)"
check "fiscal summary equals the sum of its line items (CSV)" \
  "$(printf 'amount\n%s\n' "${summary:-0}" | cents amount)" "$(printf '%s' "$items_csv" | cents amount)"
check "CSV starts with a UTF-8 byte-order mark" efbbbf \
  "$(curl -s "$F/items?$filter&fields=amount&format=csv" | head -c 3 | od -An -tx1 | tr -d ' \n')"
check "CSV has one row per line item (meta.total)" "${items_total:-none}" \
  "$(printf '%s' "$items_csv" | tr -d '\r' | tail -n +2 | grep -c .)"

# A publisher's bulk load, read back through the API (idempotent: a second run replaces the same
# two line items with the same amounts). 2014 is outside the demo years (2015-2025).
publisher=$(curl -s -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"smoke-publisher","owner":"smoke@example.cn","roles":["publisher"]}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
bulk=$'\xEF\xBB\xBFyear,region,budgetType,stage,direction,classification,amount\r\n2014,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,38211.57\r\n2014,150602,一般公共预算,决算,支出,2080505,12045.30\r\n'
check "bulk load without a role is 403" 403 "$(status -X POST "$F/items/bulk" -H "X-API-Key: $consumer" -H 'Content-Type: text/csv' --data-binary "$bulk")"
loaded=$(curl -s -X POST "$F/items/bulk" -H "X-API-Key: $publisher" -H 'Content-Type: text/csv' --data-binary "$bulk")
check "publisher bulk load reports its 2 rows" 2 "$(printf '%s' "$loaded" | sed -n 's/.*"rows":\([0-9]*\).*/\1/p')"
check "the loaded rows are what the API sums" 50256.87 \
  "$(curl -s "$F/summary?year=2014&region=150602&budgetType=GENERAL_PUBLIC&stage=FINAL&direction=EXPENDITURE&groupBy=year" | sed -n 's/.*"amount":"\([0-9.]*\)".*/\1/p')"

# Policy publication end to end (issue 9 item 10): two publisher keys, anonymous read-back.
pubbody() { printf '{"name":"smoke-%s","owner":"smoke@example.cn","roles":["publisher"]}' "$1"; }
pub1=$(curl -s -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" -H 'Content-Type: application/json' -d "$(pubbody drafter)" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
pub2=$(curl -s -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" -H 'Content-Type: application/json' -d "$(pubbody approver)" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
check "admin creates two publisher keys" 1 "$([ -n "$pub1" ] && [ -n "$pub2" ] && echo 1 || echo 0)"
serial=$(( $(date +%s) % 900000 + 1000 ))
policy=$(printf '{"title":"冒烟测试通知","documentNumber":"内政办发[2026]%s号","issuer":"内蒙古自治区人民政府办公厅","documentType":"通知","regionCode":"150000","body":"为做好相关工作，现将有关事项通知如下。"}' "$serial")
policy_id=$(curl -s -X POST "$G/api/v1/catalog/policies" -H "X-API-Key: $pub1" -H 'Content-Type: application/json' -d "$policy" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
check "publisher drafts a policy" 1 "$([ -n "$policy_id" ] && echo 1 || echo 0)"
P="$G/api/v1/catalog/policies/$policy_id"
check "draft is not public" 404 "$(status "$P")"
check "drafter submits" 200 "$(status -X POST "$P/submit" -H "X-API-Key: $pub1" -H 'Content-Type: application/json' -d '{}')"
check "drafter cannot approve own submission" 403 "$(status -X POST "$P/approve" -H "X-API-Key: $pub1" -H 'Content-Type: application/json' -d '{}')"
check "second publisher approves" 200 "$(status -X POST "$P/approve" -H "X-API-Key: $pub2" -H 'Content-Type: application/json' -d '{"comment":"同意"}')"
check "second publisher publishes" 200 "$(status -X POST "$P/publish" -H "X-API-Key: $pub2" -H 'Content-Type: application/json' -d '{}')"
check "anonymous reads the published policy" 200 "$(status "$P")"
check "published policy carries its canonical number" 1 "$(curl -s "$P" | grep -c "内政办发〔2026〕${serial}号")"
check "history names both keys" 4 "$(curl -s "$P/history" | grep -o '"actor"' | wc -l | tr -d ' ')"
# ... and the archive captures it by itself (issue 11 item 3; the event goes through opendata.events)
captured=0
for _ in $(seq 1 60); do
  captured=$(curl -s -G "$G/api/v1/archive/records" --data-urlencode "documentNumber=内政办发〔2026〕${serial}号" | grep -c "catalog:policies/$policy_id@")
  [ "$captured" = 1 ] && break
  sleep 0.5
done
check "archive captured the published policy (within 30 s)" 1 "$captured"

# ... and becomes searchable (issue 10 phase 2): policy.published → search's indexer → catalog
# client → Elasticsearch. Poll, at most SMOKE_SEARCH_WAIT seconds (default 30).
searchable=0
for _ in $(seq 1 "${SMOKE_SEARCH_WAIT:-30}"); do
  if curl -s -G "$G/api/v1/search/documents" --data-urlencode "documentNumber=内政办发〔2026〕${serial}号" \
      | grep -q "\"id\":\"$policy_id\""; then
    searchable=1; break
  fi
  sleep 1
done
check "published policy is searchable by its number within ${SMOKE_SEARCH_WAIT:-30} s" 1 "$searchable"
check "and by q, ranked first" 1 "$(curl -s -G "$G/api/v1/search/documents" --data-urlencode "q=内政办发[2026]${serial}号" --data-urlencode size=1 | grep -c "\"id\":\"$policy_id\"")"

# Consumer contract (issue 12): what an open-data consumer's tools rely on, through the gateway.
log "consumer contract"
WORK_SMOKE=$(mktemp -d)
trap 'rm -rf "$WORK_SMOKE"' EXIT
C="$G/api/v1/catalog"
unknown=$(curl -s -w '\n%{http_code}' "$F/items?regionCode=150600")
check "unknown parameter is 400" 400 "$(printf '%s' "$unknown" | tail -n 1)"
check "and the problem names it" 1 "$(printf '%s' "$unknown" | head -n -1 | grep -c 'regionCode')"
no_stage=$(curl -s -w '\n%{http_code}' "$F/summary?year=2024&region=150600&budgetType=GENERAL_PUBLIC&direction=EXPENDITURE&groupBy=classification")
check "summary without stage is 400" 400 "$(printf '%s' "$no_stage" | tail -n 1)"
check "and the problem names stage" 1 "$(printf '%s' "$no_stage" | head -n -1 | grep -c 'stage')"
any_origin=$(curl -s -D - -o /dev/null -H 'Origin: https://observablehq.com' "$C/datasets" | tr -d '\r')
check "cross-origin GET from any origin is 200" 1 "$(printf '%s' "$any_origin" | grep -c '^HTTP/[0-9.]* 200')"
check "with Access-Control-Allow-Origin: *" 1 "$(printf '%s' "$any_origin" | grep -ci '^Access-Control-Allow-Origin: \*$')"
check "and no credentials" 0 "$(printf '%s' "$any_origin" | grep -ci '^Access-Control-Allow-Credentials:')"
check "browsers may read Link, ETag, X-Total-Count and the rate limit" 4 \
  "$(printf '%s' "$any_origin" | grep -i '^Access-Control-Expose-Headers:' | grep -o -i -w -e 'Link' -e 'ETag' -e 'X-Total-Count' -e 'RateLimit' | sort -u | wc -l | tr -d ' ')"
check "preflight of a GET from any origin is 200" 200 "$(status -X OPTIONS "$C/fiscal/items" -H 'Origin: https://observablehq.com' -H 'Access-Control-Request-Method: GET' -H 'Access-Control-Request-Headers: X-API-Key')"
check "preflight of a write from a foreign origin is 403" 403 "$(status -X OPTIONS "$C/policies" -H 'Origin: https://observablehq.com' -H 'Access-Control-Request-Method: POST')"
check "the spec is open to any origin" 1 "$(curl -s -D - -o /dev/null -H 'Origin: https://editor.swagger.io' "$G/openapi/catalog.yaml" | tr -d '\r' | grep -ci '^Access-Control-Allow-Origin: \*$')"
check "a list sends an RFC 8288 Link header" 1 "$(curl -s -D - -o /dev/null "$F/items?year=2024&size=5" | tr -d '\r' | grep -i '^Link:' | grep -c 'rel="next"')"
# the bulk downloads below with the consumer key: an anonymous client has 10 a minute
gzip_head=$(curl -s --compressed -D - -o "$WORK_SMOKE/items.csv" -H "X-API-Key: $consumer" "$F/items?year=2024&region=150602&format=csv" | tr -d '\r')
check "gzip negotiated on CSV" gzip "$(printf '%s' "$gzip_head" | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p')"
check "gzipped CSV unpacks to every row (X-Total-Count)" "$(printf '%s' "$gzip_head" | sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: *//p')" \
  "$(tr -d '\r' <"$WORK_SMOKE/items.csv" | tail -n +2 | grep -c .)"
check "gzip negotiated on JSON" gzip "$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$F/items?year=2024&size=100" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p')"
jsonl_head=$(curl -s -D - -o "$WORK_SMOKE/items.jsonl" -H "X-API-Key: $consumer" "$F/items?$filter&format=jsonl" | tr -d '\r')
check "JSON Lines is application/x-ndjson" 1 "$(printf '%s' "$jsonl_head" | grep -ci '^Content-Type: application/x-ndjson')"
check "JSON Lines is streamed (chunked)" 1 "$(printf '%s' "$jsonl_head" | grep -ci '^Transfer-Encoding: chunked')"
check "JSON Lines has one object per line item (meta.total)" "${items_total:-none}" "$(grep -c '^{.*}$' "$WORK_SMOKE/items.jsonl")"
# DCAT-AP 3 mandatory properties: catalogue title, description, publisher, dataset; every dataset
# title and description; every distribution an access URL
dcat=$(curl -s -H 'Accept: application/ld+json' "$C/datasets?size=100" | python3 -c '
import json, sys
c = json.load(sys.stdin)
missing = [k for k in ("dct:title", "dct:description", "dct:publisher", "dcat:dataset") if not c.get(k)]
for d in c.get("dcat:dataset", []):
    missing += [d.get("@id", "?") + " " + k for k in ("dct:title", "dct:description", "dcat:distribution") if not d.get(k)]
    for x in d.get("dcat:distribution", []):
        missing += [x.get("@id", "?") + " " + k for k in ("dcat:accessURL",) if not x.get(k)]
print(len(c.get("dcat:dataset", [])) if not missing else "missing: " + ", ".join(missing))' 2>&1)
check "DCAT-AP mandatory properties present in every dataset (count of datasets)" \
  "$(curl -s "$C/datasets?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')" "$dcat"
# the whole-dataset download: the CSV distribution's downloadUrl, a file with validators
download=$(curl -s "$C/datasets/fiscal-three-public" | sed -n 's/.*"downloadUrl":"\([^"]*\)".*/\1/p')
check "the CSV distribution has a full-download link" /api/v1/catalog/datasets/fiscal-three-public/download "$download"
download_head=$(curl -s -D - -o "$WORK_SMOKE/three-public.csv" "$G$download" | tr -d '\r')
check "full download is 200" 1 "$(printf '%s' "$download_head" | grep -c '^HTTP/[0-9.]* 200')"
check "with Content-Length = the bytes sent" "$(wc -c <"$WORK_SMOKE/three-public.csv" | tr -d ' ')" \
  "$(printf '%s' "$download_head" | sed -n 's/^[Cc]ontent-[Ll]ength: *//p')"
check "and Last-Modified" 1 "$(printf '%s' "$download_head" | grep -ci '^Last-Modified: ')"
check "and the same rows as the CSV export" "$(curl -s -H "X-API-Key: $consumer" "$C/fiscal/three-public-expenses?format=csv" | md5sum)" \
  "$(md5sum <"$WORK_SMOKE/three-public.csv")"
download_etag=$(printf '%s' "$download_head" | sed -n 's/^[Ee][Tt]ag: *//p')
check "and a strong ETag" 1 "$(printf '%s' "$download_etag" | grep -c '^"')"
check "a small file costs a read, not a bulk slot" '"read"' "$(printf '%s' "$download_head" | sed -n 's/^RateLimit-Policy: *\("[a-z]*"\).*/\1/Ip')"
revalidated=$(curl -s -D - -o /dev/null -H "If-None-Match: $download_etag" "$G$download" | tr -d '\r')
check "If-None-Match on the full download is 304" 1 "$(printf '%s' "$revalidated" | grep -c '^HTTP/[0-9.]* 304')"
check "and the 304 is not counted against the limit" \
  "$(printf '%s' "$download_head" | sed -n 's/^X-RateLimit-Remaining: *//Ip')" \
  "$(printf '%s' "$revalidated" | sed -n 's/^X-RateLimit-Remaining: *//Ip')"
check "the served spec carries the build version" 1 \
  "$(curl -s "$G/openapi/catalog.yaml" | sed -n '/^info:/,/^[a-z]/p' | grep -c "^  version: '$(curl -s "$G/api/v1/catalog/info" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')'")"
check "the gateway serves a favicon" image/vnd.microsoft.icon "$(ctype "$G/favicon.ico")"

if [ "$failures" -gt 0 ]; then die "$failures check(s) failed"; fi
log "all checks passed"
