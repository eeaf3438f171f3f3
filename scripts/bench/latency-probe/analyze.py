import sys
client = {}
with open(sys.argv[1]) as f:
    next(f)
    for l in f:
        v = l.split(); client[v[0]] = list(map(int, v[1:]))
rows = []
with open(sys.argv[2]) as f:
    for l in f:
        if l.startswith('seq'): continue
        v = l.split()
        if v[0] in client: rows.append((client[v[0]], list(map(int, v[1:]))))
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs)-1, int(round(p/100*(len(xs)-1))))]
segs = {}
def add(k, x): segs.setdefault(k, []).append(x/1e6)
for c, s in rows:
    r0, r1, s0, s1, rb, sb = c
    start, valveIn, filterIn, send, ioReq, ioResp, back, parsed, ctrlOut, filterOut, valveOut, logged = s
    add('raw ES (client)', r1 - r0)
    add('service (client)', s1 - s0)
    add('client send -> tomcat start', start - s0)
    add('tomcat start -> valve', valveIn - start)
    add('valve -> filter[0]', filterIn - valveIn)
    add('filter[0] -> ES send (request thread)', send - filterIn)
    add('ES send -> I/O thread request', ioReq - send)
    add('I/O req -> I/O response head', ioResp - ioReq)
    add('I/O resp head -> request thread resumed', back - ioResp)
    add('parse answer', parsed - back)
    add('parsed -> controller done', ctrlOut - parsed)
    add('controller done -> filter[0] exit', filterOut - ctrlOut)
    add('filter exit -> valve exit', valveOut - filterOut)
    add('valve exit -> finishResponse+log', logged - valveOut)
    add('logged -> client has answer', s1 - logged)
    add('ES hop in service (send->back)', back - send)
    add('service minus raw', (s1 - s0) - (r1 - r0))
    add('service minus ES hop', (s1 - s0) - (back - send))
print(f"n={len(rows)}  raw bytes {rows[0][0][4]} svc bytes {rows[0][0][5]}")
print(f"{'segment':45s} {'p50':>7s} {'mean':>7s} {'p95':>7s}")
for k, xs in segs.items():
    print(f"{k:45s} {pct(xs,50):7.3f} {sum(xs)/len(xs):7.3f} {pct(xs,95):7.3f}")
# tail attribution: the 5 % of requests with the largest (service - ES hop)
keys = [k for k in segs if k not in ('raw ES (client)','service (client)','ES hop in service (send->back)','service minus raw','service minus ES hop','I/O req -> I/O response head')]
idx = sorted(range(len(rows)), key=lambda i: segs['service minus ES hop'][i])
top = idx[-len(rows)//20:]
print("tail 5% of (service - ES hop): mean of each segment there vs overall p50")
for k in keys:
    print(f"  {k:45s} {sum(segs[k][i] for i in top)/len(top):7.3f}  (p50 {pct(segs[k],50):.3f})")
