// Measures, through a running gateway, in Debian's Chromium:
//  1. the portal's first load: bytes of JS and CSS on the wire (Resource Timing encodedBodySize,
//     the browser's own Accept-Encoding, i.e. Brotli) and the same files asked for with gzip only;
//  2. search-as-you-type: from the last key press to the suggestions on screen (150 ms debounce
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
      input.addEventListener('keydown', () => { start = performance.now(); }, { once: true });
      const observer = new MutationObserver(() => {
        if (start !== undefined && !list.hidden && list.children.length > 0) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(list, { childList: true, attributes: true });
      setTimeout(() => resolve(null), 5000);
    }));
    await box.press(prefix.slice(-1));
    const ms = await elapsed;
    if (ms !== null) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`suggestions after the last key: ${times.length}/${prefixes.length} shown, median ${q(0.5)?.toFixed(0)} ms, p95 ${q(0.95)?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms`);
} finally {
  await browser.close();
}
