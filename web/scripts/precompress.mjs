// Writes .gz and .br copies of every built JS/CSS/HTML file, so that the gateway sends the
// compressed bytes without compressing on each request (it picks by Accept-Encoding).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function compressTree(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compressTree(path);
    } else if (/\.(js|css|html|svg|json)$/.test(name)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  }
}

export function precompress() {
  let outDir;
  return {
    name: 'opendata-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle(error) {
      if (!error && existsSync(outDir)) compressTree(outDir);
    },
  };
}
