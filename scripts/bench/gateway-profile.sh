#!/usr/bin/env bash
# Where the gateway's time goes: JFR (execution samples) on a running gateway while wrk drives one
# request through it; prints the top frames (self time), the top methods anywhere on the stack, and
# the gateway's own frames nearest the top, for docs/benchmarks.md.
#   scripts/bench/gateway-profile.sh PID URL [seconds] [header]
# e.g. scripts/bench/gateway-profile.sh "$(cat $OPENDATA_HOME/run/gateway.pid)" \
#        'http://127.0.0.1:8080/api/v1/catalog/fiscal/items?region=150600&year=2024&size=20' 30 "X-API-Key: $KEY"
source "$(dirname "$0")/../lib/common.sh"
PID="${1:?gateway pid}"
URL="${2:?url}"
SECONDS_TO_RECORD="${3:-30}"
HEADER="${4:-}"
command -v wrk >/dev/null || apt_install wrk
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
chmod 777 "$OUT"

wrk -t2 -c16 -d5s ${HEADER:+-H "$HEADER"} "$URL" >/dev/null # warm-up
jcmd "$PID" JFR.start name=gateway-profile settings=profile filename="$OUT/gateway.jfr" >/dev/null
wrk -t2 -c16 -d"${SECONDS_TO_RECORD}s" ${HEADER:+-H "$HEADER"} "$URL" | grep -E 'Requests/sec|Non-2xx'
jcmd "$PID" JFR.stop name=gateway-profile >/dev/null
jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/gateway.jfr" >"$OUT/samples.txt"
python3 - "$OUT/samples.txt" <<'PY'
import collections, re, sys
samples, stack, inside = [], [], False
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip()
    if line.startswith("stackTrace = ["):
        stack, inside = [], True
    elif inside and line == "]":
        samples.append(stack)
        inside = False
    elif inside and line and line != "...":
        stack.append(re.sub(r"\s+line:.*$", "", line))
total = len(samples)
self_time = collections.Counter(s[0] for s in samples if s)
anywhere = collections.Counter()
for s in samples:
    anywhere.update(set(f.split("(")[0] for f in s))
ours = collections.Counter(next((f for f in s if f.startswith("org.opengovdata")), "(none)") for s in samples)
def show(title, counter, n):
    print(f"\n{title} ({total} samples)")
    for frame, count in counter.most_common(n):
        print(f"  {100.0 * count / total:5.1f} %  {frame}")
show("Top frames (self)", self_time, 15)
show("Top methods anywhere on the stack", anywhere, 25)
show("Nearest gateway (org.opengovdata) frame", ours, 12)
components = {
    "identity token signing (nimbus JOSE)": "com.nimbusds.",
    "SecureRandom (UUIDs, trace ids)": "java.security.SecureRandom.",
    "logging (logback)": "ch.qos.logback.",
    "Redis client (Lettuce)": "io.lettuce.",
    "circuit breaker (Resilience4j)": "io.github.resilience4j.",
    "thread hops (Reactor schedulers)": "reactor.core.scheduler.",
    "media-type parsing": "org.springframework.util.MimeTypeUtils.parseMimeType",
    "gateway web filters (org.opengovdata.gateway.web.*Filter)": "org.opengovdata.gateway.web.",
    "rate limiting (org.opengovdata.gateway.ratelimit)": "org.opengovdata.gateway.ratelimit.",
    "key lookup (org.opengovdata.gateway.keys)": "org.opengovdata.gateway.keys.",
    "routing to the service (NettyRoutingFilter)": "org.springframework.cloud.gateway.filter.NettyRoutingFilter.",
}
print(f"\nComponents anywhere on the stack ({total} samples)")
for name, prefix in components.items():
    count = sum(1 for s in samples if any(f.startswith(prefix) for f in s))
    print(f"  {100.0 * count / total:5.1f} %  {name}")
PY
