# shellcheck shell=bash
# Shared by search-kill.sh and search-latency.sh: publishing policies through the gateway of a
# platform started by scripts/up.sh, and asking search-service (directly, so that polling is not
# rate-limited by the gateway) whether they are searchable.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
ensure_local_secrets >/dev/null

G="${GATEWAY:-http://127.0.0.1:$GATEWAY_PORT}"
S="${SEARCH:-http://127.0.0.1:$SEARCH_PORT}/api/v1/search"

# publisher_keys: sets PUB1 (drafts, submits) and PUB2 (approves, publishes) — two keys, because
# the catalog's four-eyes rule forbids approving one's own submission.
publisher_keys() {
  body() { printf '{"name":"bench-%s","owner":"bench@example.cn","roles":["publisher"]}' "$1"; }
  PUB1=$(curl -fs -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" \
    -H 'Content-Type: application/json' -d "$(body drafter)" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  PUB2=$(curl -fs -X POST "$G/api/v1/admin/keys" -H "X-API-Key: $ADMIN_API_KEY" \
    -H 'Content-Type: application/json' -d "$(body approver)" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$PUB1" ] && [ -n "$PUB2" ] || die "cannot create publisher keys at $G (is the platform up? scripts/up.sh)"
}

# The gateway limits each key's request rate (issue 13): a 429 is waited out as its Retry-After says
# (curl's --retry covers 429 and honours Retry-After) instead of failing a long run at publication
# ~800 — a refused request did nothing, so sending it again is safe.
RETRY=(--retry 8 --retry-max-time 180)

# publish_policy SUBJECT SERIAL: create → submit → approve → publish one 通知 numbered
# 内政办发〔2026〕SERIAL号 with the given subject; prints its id. Fails loudly on any step.
publish_policy() {
  local subject="$1" serial="$2" draft id p
  draft=$(printf '{"title":"检索基准测试通知%s","documentNumber":"内政办发[2026]%s号","issuer":"内蒙古自治区人民政府办公厅","documentType":"通知","subject":"%s","regionCode":"150000","body":"为做好相关工作，现将有关事项通知如下。编号%s。"}' \
    "$serial" "$serial" "$subject" "$serial")
  id=$(curl -fs "${RETRY[@]}" -X POST "$G/api/v1/catalog/policies" -H "X-API-Key: $PUB1" \
    -H 'Content-Type: application/json' -d "$draft" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || { echo "create failed for serial $serial" >&2; return 1; }
  p="$G/api/v1/catalog/policies/$id"
  curl -fs "${RETRY[@]}" -o /dev/null -X POST "$p/submit" -H "X-API-Key: $PUB1" -H 'Content-Type: application/json' -d '{}' \
    && curl -fs "${RETRY[@]}" -o /dev/null -X POST "$p/approve" -H "X-API-Key: $PUB2" -H 'Content-Type: application/json' -d '{}' \
    && curl -fs "${RETRY[@]}" -o /dev/null -X POST "$p/publish" -H "X-API-Key: $PUB2" -H 'Content-Type: application/json' -d '{}' \
    || { echo "workflow failed for $id" >&2; return 1; }
  echo "$id"
}

# searchable_count SUBJECT: how many documents with this subject search finds (meta.total)
searchable_count() {
  curl -s -G "$S/documents" --data-urlencode "subject=$1" --data-urlencode size=1 \
    | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

# is_searchable ID SERIAL: search finds the document by its number
is_searchable() {
  curl -s -G "$S/documents" --data-urlencode "documentNumber=内政办发〔2026〕$2号" | grep -q "\"id\":\"$1\""
}

# A serial range of this run's own, so that runs (and smoke.sh) never share numbers.
run_serial_base() { echo $(( ( $(date +%s) % 90000 ) * 10 + 100000 )); }
now_ms() { date +%s%3N; }
