// The data page in Chromium: the chart is drawn, the table shows exactly the API's amounts, the
// CSV link works, the dataset catalogue is listed, and axe finds nothing serious.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, api, axeViolations, launch, open, screenshot } from './harness.mjs';

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await open(browser);
});
after(async () => {
  assert.deepEqual(page.cspViolations, [], 'no Content Security Policy violations');
  await browser?.close();
});

const selection = { region: '150600', year: '2024', budgetType: 'GENERAL_PUBLIC', stage: 'FINAL', direction: 'EXPENDITURE', level: '1' };

test('the composition chart renders and its table equals the API', async () => {
  await page.goto(`${BASE}/portal/data/?${new URLSearchParams(selection)}`);
  await page.locator('#composition-table tbody tr[data-key]').first().waitFor();
  assert.equal(await page.locator('#region').inputValue(), '150600');
  assert.equal(await page.locator('#composition-chart canvas').count(), 1, 'ECharts drew on a canvas');
  assert.ok(await page.locator('#composition-chart canvas').evaluate((c) => c.width > 0 && c.height > 0));

  const { region, year, budgetType, stage, direction, level } = selection;
  const { status, body } = await api(`/api/v1/catalog/fiscal/summary?${new URLSearchParams({
    region, year, budgetType, stage, direction, level, groupBy: 'classification', sort: '-amount', size: '1000' })}`);
  assert.equal(status, 200);
  assert.ok(body.data.length > 0);
  const shown = await page.locator('#composition-table tbody tr[data-key]').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.key, r.querySelector('[data-amount]').dataset.amount]));
  assert.deepEqual(shown, body.data.map((r) => [r.key, r.amount]));

  const csv = await fetch(new URL(await page.locator('#composition-csv').getAttribute('href'), BASE));
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.equal((await csv.text()).split(/\r?\n/).filter(Boolean).length, body.data.length + 1);

  assert.ok(await page.locator('#execution-table tbody tr').count() > 0);
  await page.locator('#datasets > li').first().waitFor();
  assert.ok(await page.locator('#datasets a', { hasText: 'CSV' }).count() > 0, 'datasets have CSV download links');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'data-budget');
});

test('changing the year through the form updates the URL and the table', async () => {
  await page.getByLabel('年度', { exact: true }).selectOption('2023');
  await page.getByRole('button', { name: '查看' }).click();
  await page.waitForURL(/year=2023/);
  await page.locator('#fiscal-status', { hasText: '2023年' }).waitFor();
  assert.ok(await page.locator('#composition-table tbody tr[data-key]').count() > 0);
});
