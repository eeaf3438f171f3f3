// The archivists' console in Chromium: the key stays in sessionStorage, a record is read as it was
// at a past instant (Memento), and a disposition proposed by one archivist is approved by another.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_API_KEY, BASE, api, axeViolations, launch, open, screenshot } from './harness.mjs';

let browser;
let page;
let first;
let second;
let record;
const run = Date.now().toString(36);

async function archivistKey(name) {
  const { status, body } = await api('/api/v1/admin/keys', {
    key: ADMIN_API_KEY, method: 'POST',
    body: { name: `${name}-${run}`, owner: `${name}@example.gov.cn`, roles: ['archivist'] },
  });
  assert.equal(status, 201, JSON.stringify(body));
  return body.key;
}

function upload(text, name) {
  return new Blob([text], { type: 'text/plain; charset=utf-8' });
}

before(async () => {
  assert.ok(ADMIN_API_KEY, 'ADMIN_API_KEY is set');
  first = await archivistKey('archivist-a');
  second = await archivistKey('archivist-b');
  // a record of 1990 kept 10 years: long due for appraisal; two versions a few seconds apart
  const form = new FormData();
  form.append('metadata', new Blob([JSON.stringify({
    title: `旗县档案馆馆藏文件（浏览器测试 ${run}）`, documentNumber: `测档发〔1990〕${parseInt(run.slice(-4), 36) % 9000 + 1}号`,
    issuer: '测试旗人民政府', documentDate: '1990-05-04', retentionClass: 'Y10',
  })], { type: 'application/json' }));
  form.append('file', upload('第一版：原始文本。\n', 'v1.txt'), 'v1.txt');
  const created = await api('/api/v1/archive/records', { key: first, method: 'POST', body: form });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  record = created.body;
  await new Promise((r) => setTimeout(r, 2500));
  const next = new FormData();
  next.append('file', upload('第二版：修订后的文本。\n', 'v2.txt'), 'v2.txt');
  next.append('changeNote', '根据测试要求修订');
  const version = await api(`/api/v1/archive/records/${record.id}/versions`, { key: first, method: 'POST', body: next });
  assert.equal(version.status, 201, JSON.stringify(version.body));
  browser = await launch();
  page = await open(browser);
});
after(async () => {
  if (page) assert.deepEqual(page.cspViolations, [], 'no Content Security Policy violations');
  await browser?.close();
});

async function signIn(key) {
  await page.getByLabel('档案员 API 密钥').fill(key);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#identity[data-signed-in]').waitFor();
}

test('the key is kept in sessionStorage only, never in the URL or localStorage', async () => {
  await page.goto(`${BASE}/console/`);
  assert.deepEqual(await axeViolations(page), []);
  await signIn(first);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('opendata.console.apiKey')), first);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.ok(!page.url().includes(first));
});

test('an archivist reads the record as it was at a past instant', async () => {
  await page.getByLabel('文号').fill(record.documentNumber.replace('〔', '[').replace('〕', ']'));
  await page.getByRole('button', { name: '查找' }).click();
  const row = page.locator(`#records tr[data-id="${record.id}"]`);
  await row.waitFor();
  await row.getByRole('button').click();
  await page.locator('#timeline li[data-version="2"]').waitFor();
  const { body: versions } = await api(`/api/v1/archive/records/${record.id}/versions`, { key: first });
  const v1 = new Date(versions.data[0].created);
  const v2 = new Date(versions.data[1].created);
  const instant = new Date(Math.ceil(v1.getTime() / 1000) * 1000); // the first whole second after v1
  assert.ok(instant < v2, 'the versions are seconds apart');
  const beijing = new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19);
  await page.getByLabel('时刻（北京时间）').fill(beijing);
  await page.getByRole('button', { name: '查看当时版本' }).click();
  await page.locator('#memento pre').waitFor();
  assert.equal((await page.locator('#memento pre').textContent()).trim(), '第一版：原始文本。');
  const memento = new Date(await page.locator('#memento-datetime').getAttribute('data-memento'));
  assert.equal(memento.getTime(), Math.floor(v1.getTime() / 1000) * 1000);
  await page.getByRole('button', { name: '比较' }).click();
  await page.locator('#diff td.add').first().waitFor();
  const changed = await page.locator('#diff tr.change').first().locator('td').allTextContents();
  assert.deepEqual(changed, ['第一版：原始文本。', '第二版：修订后的文本。'], 'old and new side by side');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#diff-wrap').scrollIntoViewIfNeeded();
  await screenshot(page, 'console-record');
});

test('a legal hold is placed and released on the record', async () => {
  await page.getByLabel('保全事由').fill('行政复议案件待结');
  await page.getByRole('button', { name: '设置保全' }).click();
  const hold = page.locator('#holds li[data-hold]');
  await hold.waitFor();
  assert.match(await hold.textContent(), /行政复议案件待结/);
  assert.equal((await api(`/api/v1/archive/records/${record.id}`, { key: first })).body.onHold, true);
  await hold.getByRole('button', { name: /解除保全/ }).click();
  await page.locator('#holds li', { hasText: '无有效的法律保全' }).waitFor();
  assert.equal((await api(`/api/v1/archive/records/${record.id}`, { key: first })).body.onHold, false);
});

test('one archivist proposes destruction, a second one approves it', async () => {
  await page.getByLabel('到期截至日期').fill('2001-12-31');
  await page.getByRole('button', { name: '列出到期档案' }).click();
  const box = page.locator(`#due-${record.id}`);
  await box.waitFor();
  await box.check();
  await page.getByRole('button', { name: /提出销毁/ }).click();
  const id = (await page.locator('#proposed-id').textContent()).trim();
  await page.getByRole('button', { name: '查看处置单' }).click();
  await page.locator('#disposition-state', { hasText: '待审批' }).waitFor();
  // the proposer cannot witness their own proposal
  await page.getByRole('button', { name: /批准销毁/ }).click();
  await page.getByRole('alert').waitFor({ state: 'visible' });
  assert.match(await page.getByRole('alert').textContent(), /冲突/);

  await page.getByRole('button', { name: '退出' }).click();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('opendata.console.apiKey')), null);
  await signIn(second);
  await page.getByLabel('处置单编号').fill(id);
  await page.getByRole('button', { name: '查看处置单' }).click();
  await page.getByRole('button', { name: /批准销毁/ }).click();
  await page.locator('#disposition-state', { hasText: '已执行' }).waitFor();
  assert.equal((await api(`/api/v1/archive/records/${record.id}`, { key: second })).status, 410);
  await page.getByRole('button', { name: '显示销毁清册' }).click();
  await page.locator(`#register tr[data-record="${record.id}"]`).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'console-disposition');
});

test('the audit chain verifies and a fixity audit runs to completion with a progress bar', async () => {
  await page.getByRole('button', { name: '校验审计链' }).click();
  await page.locator('#audit-result[data-intact]').waitFor();
  assert.equal(await page.locator('#audit-result').getAttribute('data-intact'), 'true');
  await page.getByRole('button', { name: /开始固定性检查/ }).click();
  await page.locator('#job-fixity [data-state="SUCCEEDED"]').waitFor({ timeout: 120000 });
  assert.equal(await page.getByLabel('固定性检查进度').evaluate((bar) => bar.value), 100);
  assert.match(await page.locator('#job-fixity [role=status]').textContent(), /固定性检查：已完成/);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#job-fixity').scrollIntoViewIfNeeded();
  await screenshot(page, 'console-checks');
});

test('an administrator starts a backup, follows its progress bar to the end and verifies the bag', async () => {
  // backups need the admin role; the console needs the archivist one: a key with both
  const { status, body } = await api('/api/v1/admin/keys', {
    key: ADMIN_API_KEY, method: 'POST',
    body: { name: `archive-admin-${run}`, owner: `archive-admin@example.gov.cn`, roles: ['archivist', 'admin'] },
  });
  assert.equal(status, 201, JSON.stringify(body));
  await page.getByRole('button', { name: '退出' }).click();
  await signIn(body.key);
  await page.getByRole('button', { name: /开始备份/ }).click();
  const panel = page.locator('#job-backup .panel');
  await panel.waitFor();
  // the bar is there, labelled, while the job runs (or already done on a small archive)
  assert.ok(['QUEUED', 'RUNNING', 'SUCCEEDED'].includes(await panel.getAttribute('data-state')));
  await page.locator('#job-backup [data-state="SUCCEEDED"]').waitFor({ timeout: 300000 });
  await page.locator('#backup-summary').waitFor();
  assert.equal(await page.getByLabel('备份进度').evaluate((bar) => bar.value), 100);
  const id = await panel.getAttribute('data-job-id');
  const backup = await api(`/api/v1/archive/backups/${id}`, { key: body.key });
  assert.equal(backup.status, 200, JSON.stringify(backup.body));
  assert.equal(backup.body.state, 'SUCCEEDED');
  assert.match(await page.locator('#backup-summary').textContent(), new RegExp(`复制对象 ${backup.body.objectsCopied} 个`));
  await page.getByRole('button', { name: '校验此备份' }).click();
  await page.locator('#backup-verified[data-valid]').waitFor({ timeout: 120000 });
  assert.equal(await page.locator('#backup-verified').getAttribute('data-valid'), 'true');
  // a backup while none runs is fine; the button is usable again
  assert.equal(await page.getByRole('button', { name: /开始备份/ }).isDisabled(), false);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#job-backup').scrollIntoViewIfNeeded();
  await screenshot(page, 'console-backup');
});

test('the archive index rebuild and the search reindex run as jobs to 100 % on their progress bars', async () => {
  // signed in with the archivist + admin key of the backup test
  await page.getByRole('button', { name: '重建档案索引' }).click();
  await page.locator('#job-index-rebuild [data-state="SUCCEEDED"]').waitFor({ timeout: 300000 });
  assert.equal(await page.getByLabel('重建档案索引进度').evaluate((bar) => bar.value), 100);
  await page.getByLabel('索引', { exact: true }).selectOption('policies');
  await page.getByRole('button', { name: '重建检索索引' }).click();
  await page.locator('#job-search-reindex [data-state="SUCCEEDED"]').waitFor({ timeout: 300000 });
  assert.equal(await page.getByLabel('重建检索索引（政策文件）进度').evaluate((bar) => bar.value), 100);
  const id = await page.locator('#job-search-reindex .panel').getAttribute('data-job-id');
  const { status, body } = await api(`/api/v1/search/admin/jobs/${id}`, { key: ADMIN_API_KEY });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.state, 'SUCCEEDED');
  assert.ok(body.processed > 0, 'the reindex processed documents');
  assert.deepEqual(await axeViolations(page), []);
});
