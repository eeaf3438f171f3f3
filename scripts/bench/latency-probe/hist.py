import sys
client = {}
for l in open(sys.argv[1]).readlines()[1:]:
    v = l.split(); client[v[0]] = list(map(int, v[1:]))
rows = [(client[l.split()[0]], list(map(int, l.split()[1:]))) for l in open(sys.argv[2]) if not l.startswith('seq') and l.split()[0] in client]
a = [(s[0]-c[2])/1e6 for c, s in rows]
b = [(c[3]-s[11])/1e6 for c, s in rows]
import collections
for name, xs in (('send->tomcat', a), ('logged->client', b)):
    h = collections.Counter(min(int(x*4)/4, 5) for x in xs)
    print(name, sorted(h.items()))
# sequence: are slow ones periodic?
slow = [i for i, x in enumerate(a) if x > 1]
print('slow idx', slow[:60])
