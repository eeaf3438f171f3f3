#!/usr/bin/env python3
# Writes gateway/src/main/resources/favicon/favicon.ico (run from the repository root).
# A 32x32 favicon: a bar chart (open data) in white on the platform's blue, PNG inside an ICO.
import struct, zlib
W = H = 32
BLUE = (0x1F, 0x5F, 0xAF, 255); WHITE = (255, 255, 255, 255); CLEAR = (0, 0, 0, 0)
def px(x, y):
    # rounded square background (corner radius 6)
    r = 6
    cx = min(max(x, r), W - 1 - r); cy = min(max(y, r), H - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return CLEAR
    bars = [(7, 12, 18), (14, 19, 11), (21, 26, 6)]  # x from, x to, top
    for x0, x1, top in bars:
        if x0 <= x < x1 and top <= y < 26:
            return WHITE
    return BLUE
raw = b''.join(b'\x00' + b''.join(bytes(px(x, y)) for x in range(W)) for y in range(H))
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 6, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
ico = struct.pack('<HHH', 0, 1, 1) + struct.pack('<BBBBHHII', W, H, 0, 0, 1, 32, len(png), 22) + png
open('gateway/src/main/resources/favicon/favicon.ico', 'wb').write(ico)
print(len(ico))
