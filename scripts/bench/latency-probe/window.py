import sys
client = {}
for l in open(sys.argv[1]).readlines()[1:]:
    v = l.split(); client[v[0]] = list(map(int, v[1:]))
rows = [(client[l.split()[0]], list(map(int, l.split()[1:]))) for l in open(sys.argv[2]) if not l.startswith('seq') and l.split()[0] in client]
W = int(sys.argv[3])
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs)-1, int(round(p/100*(len(xs)-1))))]
print("window  raw_p50 raw_p95 svc_p50 svc_p95 ratio95  reqthreadCPU-ish_p50(filter->send + parse..exit)")
for w in range(0, len(rows), W):
    ch = rows[w:w+W]
    raw = [(c[1]-c[0])/1e6 for c, s in ch]; svc = [(c[3]-c[2])/1e6 for c, s in ch]
    rt = [((s[3]-s[2]) + (s[9]-s[6]))/1e6 for c, s in ch]
    print(f"{w:5d}   {pct(raw,50):6.2f} {pct(raw,95):6.2f}  {pct(svc,50):6.2f} {pct(svc,95):6.2f}  {pct(svc,95)/pct(raw,95):5.2f}   {pct(rt,50):6.2f}")
