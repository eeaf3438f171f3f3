// Shared by the browser tests: Debian's Chromium driven by playwright-core (no browser download),
// the platform's gateway URL, axe-core injected into each page, screenshots for the README.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const ADMIN_API_KEY = process.env.ADMIN_API_KEY ?? '';
const SCREENSHOTS = resolve(here, '../../docs/screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // playwright gives every launch a fresh temporary user-data-dir
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records CSP violations and failed requests, so that tests can assert none. */
export async function open(browser, { mobile = false } = {}) {
  const context = await browser.newContext({
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.cspViolations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) page.cspViolations.push(message.text());
  });
  return page;
}

/** axe-core's WCAG 2.1 A/AA rules; the serious and critical violations. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/**
 * The platform's API, called directly (test set-up and the values the page must show). A 5xx (on
 * a loaded machine the gateway's Redis calls can time out: 503 for a key lookup, 500 for a key
 * being stored) is retried a few times after Retry-After or a second: set-up is not under test.
 */
export async function api(path, options = {}) {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await apiOnce(path, options);
    if (answer.status < 500 || attempt === 5) return answer;
    await new Promise((r) => setTimeout(r, 1000 * Number(answer.headers.get('retry-after') ?? 1)));
  }
}

async function apiOnce(path, { key, method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (key) init.headers['X-API-Key'] = key;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${BASE}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, body: payload, headers: response.headers };
}
