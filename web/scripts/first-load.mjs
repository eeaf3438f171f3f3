// Measures, through a running gateway, in Debian's Chromium:
//  1. the portal's first load: bytes of JS and CSS on the wire (Resource Timing encodedBodySize,
//     the browser's own Accept-Encoding, i.e. Brotli) and the same files asked for with gzip only;
//  2. search-as-you-type: from the last character typed (its input event) to the suggestions on screen (150 ms debounce
//     included), for --samples prefixes taken from real titles; median and p95.
// Usage: node scripts/first-load.mjs <gateway-url> [samples]
import { launch, open } from '../e2e/harness.mjs';

const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
const samples = Number(process.argv[3] ?? 15);
const browser = await launch();
try {
  const page = await open(browser);
  await page.goto(`${base}/portal/`, { waitUntil: 'networkidle' });
  const assets = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/assets\/.+\.(js|css)$/.test(new URL(e.name).pathname))
    .map((e) => ({ path: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })));
  let gzip = 0;
  for (const a of assets) {
    const r = await fetch(`${base}${a.path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    gzip += Number(r.headers.get('content-length') ?? (await r.arrayBuffer()).byteLength);
  }
  const sum = (k) => assets.reduce((s, a) => s + a[k], 0);
  console.log(`first-load assets: ${assets.map((a) => a.path).join(' ')}`);
  console.log(`first-load JS+CSS: ${assets.length} files, ${sum('decoded')} B uncompressed, ${sum('encoded')} B brotli (as sent to Chromium), ${gzip} B gzip`);

  const { data } = await (await fetch(`${base}/api/v1/search/documents?size=100&sort=newest`)).json();
  const prefixes = [...new Set(data.map((d) => d.title.slice(0, 3 + (d.title.length % 3))))].slice(0, samples);
  const times = [];
  const box = page.getByLabel('关键词、文号或年份');
  for (const prefix of prefixes) {
    await box.fill('');
    await page.waitForTimeout(300);
    await box.pressSequentially(prefix.slice(0, -1), { delay: 40 });
    const elapsed = page.evaluate(() => new Promise((resolve) => {
      const list = document.getElementById('suggestions');
      const input = document.getElementById('q');
      let start;
      input.addEventListener('input', () => { start = performance.now(); }, { once: true });
      const observer = new MutationObserver(() => {
        if (start !== undefined && !list.hidden && list.children.length > 0) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(list, { childList: true, attributes: true });
      setTimeout(() => resolve(null), 5000);
    }));
    await box.pressSequentially(prefix.slice(-1));
    const ms = await elapsed;
    if (ms !== null) times.push(ms);
  }
  // the baseline in the same run: the /suggest calls themselves (request start to last byte)
  const api = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/v1/search/suggest')).map((e) => e.responseEnd - e.startTime));
  const stats = (values) => {
    const v = [...values].sort((a, b) => a - b);
    const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))]?.toFixed(0);
    return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${v.at(-1)?.toFixed(0)} ms`;
  };
  console.log(`suggestions on screen after the last key (100 ms debounce included): ${times.length}/${prefixes.length} shown, ${stats(times)}`);
  console.log(`baseline, the /suggest requests alone (${api.length} calls): ${stats(api)}`);
} finally {
  await browser.close();
}
