#!/bin/bash
# probe-run.sh TAG JAR [java opts]  -- starts service (JAVA env), warms, probes number + bynumber
tag=$1; jar=$2; shift 2
cd /tmp/h1-probe
rm -f svc-$tag.probe
./run-svc.sh $jar 20090 h1-bench- svc-$tag.log -Dprobe.file=/tmp/h1-probe/svc-$tag.probe "$@" & pid=$!
for i in $(seq 90); do curl -fs http://127.0.0.1:20090/readyz >/dev/null && break; sleep 2; done
CP="/tmp/h1-probeapp/BOOT-INF/classes:/tmp/h1-probeapp/BOOT-INF/lib/*"
java -cp "$CP" Probe.java http://127.0.0.1:9200 http://127.0.0.1:20090 h1-bench-policies /tmp/h1-bench/policies.ndjson number ${WARM:-3000} ${N:-1000} client-$tag-number.txt
java -cp "$CP" Probe.java http://127.0.0.1:9200 http://127.0.0.1:20090 h1-bench-policies /tmp/h1-bench/policies.ndjson bynumber ${WARM2:-1000} ${N:-1000} client-$tag-bynumber.txt
# per-thread CPU of the service
for t in /proc/$pid/task/*; do echo "$(cat $t/comm) $(awk '{print $1}' $t/schedstat)"; done | awk '{a[$1]+=$2} END {for (k in a) if (a[k]>1e9) printf "%s %.1f s\n", k, a[k]/1e9}' | sort -k2 -n -r > cpu-$tag.txt
kill $pid; wait $pid 2>/dev/null
echo "== $tag number"; python3 analyze.py client-$tag-number.txt svc-$tag.probe
echo "== $tag bynumber"; python3 analyze.py client-$tag-bynumber.txt svc-$tag.probe
