// The public portal in Chromium: 文号 variants, traditional characters, facets, a bad date,
// paging, the document page, accessibility (axe) and the CSP.
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

const totalShown = async () => Number(await page.locator('#summary').getAttribute('data-total'));

async function searchFor(text, { url = /\?(q|year)=/ } = {}) {
  await page.goto(`${BASE}/portal/`);
  await page.locator('#summary[data-total]').waitFor();
  await page.getByLabel('关键词、文号或年份').fill(text);
  await page.getByLabel('关键词、文号或年份').press('Enter');
  await page.waitForURL(url);
  await page.locator('#summary[data-total]').waitFor();
}

/** A published document with a 〔year〕 number, from the search API. */
async function aNumberedDocument() {
  const { body } = await api('/api/v1/search/documents?size=100&sort=newest');
  // not the newest: the page without a query lists newest first, so that one would prove nothing
  const hit = body.data.slice(10).find((d) => /^(.+)〔(\d{4})〕(\d+)号$/.test(d.documentNumber ?? ''));
  assert.ok(hit, 'the demo data has a numbered document');
  return hit;
}

test('a document-number variant finds that document first', async () => {
  const hit = await aNumberedDocument();
  const [, issuer, year, serial] = /^(.+)〔(\d{4})〕(\d+)号$/.exec(hit.documentNumber);
  const fullWidth = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const variant = `${issuer}[${fullWidth(year)}]${serial}`; // square brackets, full-width year, no 号
  await searchFor(variant);
  const first = page.locator('#results .hit').first();
  assert.equal(await first.getAttribute('data-id'), hit.id);
  assert.equal(await first.locator('.docno').textContent(), hit.documentNumber);
  assert.match(page.url(), /[?&]q=/, 'the search is in the URL');
  await screenshot(page, 'portal-search');
});

test('a query in traditional characters finds the simplified document', async () => {
  const toTraditional = { 关: '關', 于: '於', 发: '發', 展: '展', 财: '財', 务: '務', 经: '經', 济: '濟', 实: '實', 施: '施', 办: '辦', 管: '管', 理: '理', 强: '強', 进: '進', 动: '動', 业: '業', 区: '區', 规: '規', 划: '劃', 资: '資', 农: '農', 产: '產', 预: '預', 财政: '財政', 试: '試', 点: '點', 质: '質', 量: '量', 环: '環', 境: '境', 保: '保', 护: '護', 营: '營', 商: '商', 优: '優', 化: '化', 创: '創', 新: '新', 数: '數', 据: '據', 应: '應', 急: '急', 卫: '衛', 健: '健', 边: '邊', 疆: '疆', 体: '體', 制: '製', 机: '機', 构: '構', 项: '項', 目: '目', 员: '員', 会: '會', 议: '議', 补: '補', 贴: '貼', 养: '養', 老: '老', 险: '險', 药: '藥', 疗: '療', 医: '醫', 学: '學', 教: '教', 育: '育', 乡: '鄉', 村: '村', 振: '振', 兴: '興', 财: '財', 政: '政' };
  const { body } = await api('/api/v1/search/documents?size=100&sort=newest');
  // a title with a run of four characters of which at least two have a different traditional form
  let chosen;
  for (const doc of body.data) {
    for (let i = 0; i + 4 <= doc.title.length && !chosen; i += 1) {
      const run = [...doc.title.slice(i, i + 4)];
      const changed = run.filter((c) => toTraditional[c] && toTraditional[c] !== c).length;
      if (changed >= 2 && run.every((c) => /\p{Script=Han}/u.test(c))) chosen = { doc, run };
    }
    if (chosen) break;
  }
  assert.ok(chosen, 'a title with characters that have traditional forms');
  const traditional = chosen.run.map((c) => toTraditional[c] ?? c).join('');
  assert.notEqual(traditional, chosen.run.join(''));
  await searchFor(traditional);
  const ids = await page.locator('#results .hit').evaluateAll((hits) => hits.map((h) => h.dataset.id));
  assert.ok(ids.includes(chosen.doc.id), `“${traditional}” finds “${chosen.doc.title}”`);
});

test('a facet click narrows the results to its count, and the URL keeps it', async () => {
  await page.goto(`${BASE}/portal/`);
  await page.locator('#summary[data-total]').waitFor();
  const before = await totalShown();
  const facet = page.locator('#facets [data-facet="issuer"]').first();
  const count = Number((await facet.locator('.count').textContent()).replace(/[()]/g, ''));
  assert.ok(count < before, 'the first issuer has fewer documents than all');
  await facet.click();
  await page.waitForURL(/issuer=/);
  await page.locator(`#summary[data-total="${count}"]`).waitFor();
  assert.equal(await totalShown(), count);
  assert.equal(await page.locator('#facets [data-facet="issuer"][aria-pressed="true"]').count(), 1);
  await page.reload();
  await page.locator(`#summary[data-total="${count}"]`).waitFor();
  await page.goBack();
  await page.locator(`#summary[data-total="${before}"]`).waitFor();
});

test('a year typed in the box and an in-force date filter the results, and both go into the URL', async () => {
  await searchFor('2024年');
  assert.match(page.url(), /[?&]year=2024(&|$)/);
  assert.doesNotMatch(page.url(), /[?&]q=/);
  const year = await totalShown();
  const { body } = await api('/api/v1/search/documents?year=2024&size=1');
  assert.equal(year, body.meta.total);
  assert.ok(await page.getByRole('button', { name: /取消筛选：年份 2024/ }).isVisible());
  await page.getByText('日期与排序').click();
  await page.getByLabel('在此日期有效').fill('2024-06-30');
  await page.getByRole('button', { name: '应用' }).click();
  await page.waitForURL(/inForceOn=2024-06-30/);
  await page.locator('#summary[data-total]').waitFor();
  const inForce = await api('/api/v1/search/documents?year=2024&inForceOn=2024-06-30&size=1');
  assert.equal(await totalShown(), inForce.body.meta.total);
  assert.ok(await totalShown() <= year);
});

test('load more continues with the cursor', async () => {
  await page.goto(`${BASE}/portal/`);
  await page.locator('#summary[data-total]').waitFor();
  assert.ok(await totalShown() > 20, 'more than one page of documents');
  const firstPage = await page.locator('#results .hit').evaluateAll((hits) => hits.map((h) => h.dataset.id));
  await page.getByRole('button', { name: '加载更多' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#results .hit').length > 20);
  const all = await page.locator('#results .hit').evaluateAll((hits) => hits.map((h) => h.dataset.id));
  assert.deepEqual(all.slice(0, 20), firstPage);
  assert.equal(new Set(all).size, all.length, 'no document twice');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.hit')?.dataset.id), all[20], 'focus moves to the first new result');
});

test('a bad date in the URL shows a human message, not an error code', async () => {
  await page.goto(`${BASE}/portal/?q=${encodeURIComponent('预算')}&from=2024-13-45`);
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  const text = await alert.textContent();
  assert.match(text, /起始日期/);
  assert.match(text, /年-月-日/);
  assert.doesNotMatch(text, /400|problem|Bad Request/i);
  await screenshot(page, 'portal-bad-date');
});

test('suggestions appear while typing and lead to the document', async () => {
  const hit = await aNumberedDocument();
  await page.goto(`${BASE}/portal/`);
  await page.locator('#summary[data-total]').waitFor();
  const box = page.getByLabel('关键词、文号或年份');
  await box.pressSequentially(hit.title.slice(0, 4), { delay: 50 });
  await page.locator('#suggestions [role=option]').first().waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'suggestion-0');
  await box.press('Enter');
  await page.waitForURL(/document\.html\?id=/);
});

test('the document page shows the document and its validity', async () => {
  const hit = await aNumberedDocument();
  await page.goto(`${BASE}/portal/document.html?id=${hit.id}`);
  await page.locator('article:not([aria-busy])').waitFor();
  assert.equal(await page.locator('h1').textContent(), hit.title);
  assert.ok(await page.locator('.badge').count() >= 1);
  assert.match(await page.locator('dl.meta').textContent(), new RegExp(hit.documentNumber.replace(/[〔〕]/g, '.')));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'portal-document');
});

test('a repealed document says so, with the date and the reason', async () => {
  const { body } = await api('/api/v1/search/documents?validity=REPEALED&size=1');
  assert.ok(body.data.length > 0, 'the demo data has a repealed document');
  const { body: policy } = await api(`/api/v1/catalog/policies/${body.data[0].id}`);
  await page.goto(`${BASE}/portal/document.html?id=${policy.id}`);
  await page.locator('article:not([aria-busy])').waitFor();
  assert.equal(await page.locator('.badge').first().textContent(), '废止');
  const chain = await page.locator('.chain').textContent();
  assert.match(chain, /废止/);
  if (policy.repealReason) assert.ok(chain.includes(policy.repealReason));
  if (policy.replacedBy) {
    await page.locator('.chain a').first().click();
    await page.waitForURL(new RegExp(policy.replacedBy.id));
  }
});

test('the search page has no serious accessibility violations, on a desktop and on a phone', async () => {
  await page.goto(`${BASE}/portal/?q=${encodeURIComponent('预算')}`);
  await page.locator('#summary[data-total]').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.ok(await page.locator('#results mark').count() > 0, 'the matched words are highlighted');
  assert.deepEqual(await axeViolations(page), []);
  // keyboard: the first Tab reaches the skip link, the next ones the site name and the search box
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const phone = await open(browser, { mobile: true });
  await phone.goto(`${BASE}/portal/?q=${encodeURIComponent('预算')}`);
  await phone.locator('#summary[data-total]').waitFor();
  assert.deepEqual(await axeViolations(phone), []);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'no sideways scrolling on a phone');
  await screenshot(phone, 'portal-phone');
  assert.deepEqual(phone.cspViolations, []);
});
