// The archivists' console. The API key lives in sessionStorage only (this tab, this session) and
// travels in the X-API-Key header — never in a URL, never in localStorage.
import { query, request } from '../shared/api.js';
import { clear, h, hideError, showError } from '../shared/dom.js';
import { chineseDate, httpDate, sideBySide } from '../shared/text.js';

const A = '/api/v1/archive';
const KEY = 'opendata.console.apiKey';
const RETENTION = { PERMANENT: '永久', Y30: '定期30年', Y10: '定期10年' };
const $ = (id) => document.getElementById(id);
const errorRegion = $('error');
let current = null; // the record on screen

const apiKey = () => sessionStorage.getItem(KEY);
const call = (path, options = {}) => request(path, { ...options, headers: { 'X-API-Key': apiKey(), ...(options.headers ?? {}) } });

async function guarded(action) {
  hideError(errorRegion);
  try {
    await action();
  } catch (error) {
    showError(errorRegion, error);
  }
}

/** The latest due listing asked for: an older answer arriving later does not redraw the list. */
let dueRequest = 0;

// --- sign in ----------------------------------------------------------------------------------

async function showIdentity() {
  if (!apiKey()) {
    $('identity').textContent = '未登录';
    delete $('identity').dataset.signedIn;
    $('workspace').hidden = true;
    $('signout').hidden = true;
    return;
  }
  // the archive's due list needs the archivist role: a cheap proof that the key is one
  await call(`${A}/retention/due${query({ size: 1 })}`);
  $('identity').textContent = '已登录：档案员';
  $('identity').dataset.signedIn = 'true';
  $('workspace').hidden = false;
  $('signout').hidden = false;
  loadDue();
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('api-key').value.trim());
  $('api-key').value = '';
  guarded(async () => {
    try {
      await showIdentity();
    } catch (error) {
      sessionStorage.removeItem(KEY);
      await showIdentity();
      throw error;
    }
  });
});

$('signout').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  clear($('record-meta'));
  $('record').hidden = true;
  guarded(showIdentity);
  $('api-key').focus();
});

// --- find records -----------------------------------------------------------------------------

$('find-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const f = event.target.elements;
  guarded(async () => {
    const { body } = await call(`${A}/records${query({
      documentNumber: f.documentNumber.value.trim(), q: f.q.value.trim(),
      dateFrom: f.dateFrom.value, dateTo: f.dateTo.value, size: 50,
    })}`);
    $('find-status').textContent = `共 ${body.meta.total} 件档案。`;
    clear($('records').tBodies[0], body.data.map((r) => h('tr', { 'data-id': r.id },
      h('td', {}, r.title), h('td', {}, r.documentNumber ?? ''), h('td', {}, chineseDate(r.documentDate)),
      h('td', {}, RETENTION[r.retentionClass] ?? r.retentionClass), h('td', { class: 'num' }, r.headVersion),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => guarded(() => openRecord(r.id)) },
        '查看', h('span', { class: 'visually-hidden' }, `：${r.title}`))))));
  });
});

// --- one record: metadata, versions, Memento, diff ---------------------------------------------

async function openRecord(id) {
  const [{ body: record }, { body: versions }] = await Promise.all([
    call(`${A}/records/${id}`), call(`${A}/records/${id}/versions${query({ size: 100 })}`),
  ]);
  current = record;
  const item = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : []);
  clear($('record-meta'),
    item('题名', record.title), item('文号', record.documentNumber), item('发文机关', record.issuer),
    item('文件日期', chineseDate(record.documentDate)),
    item('保管期限', RETENTION[record.retentionClass]), item('到期日期', chineseDate(record.dispositionDate)),
    item('法律保全', record.onHold ? '是' : '否'), item('完整性', record.valid ? '校验通过' : '校验失败'),
    item('档案编号', record.id));
  clear($('timeline'), versions.data.map((v) => h('li', { 'data-version': v.version },
    h('span', { class: 'when' }, `第 ${v.version} 版 · ${new Date(v.created).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`),
    h('br'), v.message ?? '', v.user ? h('span', { class: 'hint' }, ` —— ${v.user.name}`) : '')));
  const options = () => versions.data.map((v) => h('option', { value: v.version }, `第 ${v.version} 版`));
  clear($('diff-from'), options());
  clear($('diff-to'), options());
  $('diff-from').value = String(Math.max(1, record.headVersion - 1));
  $('diff-to').value = String(record.headVersion);
  clear($('memento'));
  $('diff-wrap').hidden = true;
  await loadHolds();
  $('record').hidden = false;
  $('record-heading').focus();
}

async function showText(container, blob, heading) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 200000));
  } catch {
    text = null;
  }
  clear(container, heading,
    text === null ? h('p', {}, `二进制内容，${bytes.length} 字节。`) : h('pre', { class: 'content', tabindex: '0' }, text));
}

$('asof-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const value = $('asof').value;
    let when;
    try {
      when = httpDate(value);
    } catch {
      throw new Error('日期格式不正确，请按“年-月-日”填写。');
    }
    const { body, headers } = await call(`${A}/records/${current.id}/content`, { headers: { 'Accept-Datetime': when }, as: 'blob' });
    const memento = headers.get('Memento-Datetime');
    await showText($('memento'), body,
      h('p', { class: 'ok', id: 'memento-datetime', 'data-memento': memento ?? '' },
        `${value.replace('T', ' ')} 当时有效的版本，形成于 ${memento ? new Date(memento).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '未知'}（北京时间）。`));
  });
});

$('diff-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const f = event.target.elements;
  guarded(async () => {
    const { body } = await call(`${A}/records/${current.id}/diff${query({ from: f.from.value, to: f.to.value })}`, { as: 'text' });
    $('diff-left').textContent = `第 ${f.from.value} 版`;
    $('diff-right').textContent = `第 ${f.to.value} 版`;
    const cell = (text, css) => h('td', { class: text === null ? 'empty' : css }, text ?? '');
    clear($('diff').tBodies[0], sideBySide(body).map((row) => h('tr', { class: row.kind },
      cell(row.left, row.kind === 'change' ? 'del' : ''), cell(row.right, row.kind === 'change' ? 'add' : ''))));
    $('diff-wrap').hidden = false;
  });
});

// --- disposition: propose, then a second archivist approves (监销) -----------------------------

async function loadDue() {
  // the old list goes at once: a box ticked in it would be lost when the new one arrives
  const mine = ++dueRequest;
  clear($('due-list'));
  $('due-status').textContent = '正在列出到期档案…';
  const { body } = await call(`${A}/retention/due${query({ asOf: $('due-asof').value, size: 100 })}`);
  if (mine !== dueRequest) return; // a newer listing was asked for meanwhile: it draws the list
  $('due-status').textContent = `到期档案 ${body.meta.total} 件。`;
  clear($('due-list'), body.data.map((r) => h('li', {},
    h('input', { type: 'checkbox', id: `due-${r.id}`, name: 'recordIds', value: r.id, disabled: r.onHold }),
    ' ', h('label', { for: `due-${r.id}` }, `${r.title}${r.documentNumber ? `（${r.documentNumber}）` : ''}，到期 ${chineseDate(r.dispositionDate)}${r.onHold ? '，法律保全中' : ''}`))));
}

$('due-asof-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(loadDue);
});

$('due-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const recordIds = [...event.target.querySelectorAll('input[name=recordIds]:checked')].map((c) => c.value);
  guarded(async () => {
    if (recordIds.length === 0) throw new Error('请至少选择一件档案。');
    const { body } = await call(`${A}/dispositions`, { method: 'POST', body: { recordIds, reason: $('reason').value.trim() } });
    clear($('proposed'), h('p', { class: 'ok' }, '已提出销毁，处置单编号：', h('code', { id: 'proposed-id' }, body.id),
      '。请另一名档案员以其密钥登录后审批。'));
    $('disposition-id').value = body.id;
  });
});

$('approve-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const id = $('disposition-id').value.trim();
    const { body } = await call(`${A}/dispositions/${encodeURIComponent(id)}`);
    renderDisposition(body);
  });
});

function renderDisposition(d) {
  const state = d.state === 'EXECUTED' ? '已执行' : '待审批';
  clear($('disposition'), h('dl', { class: 'meta' },
    h('dt', {}, '状态'), h('dd', { id: 'disposition-state' }, state),
    h('dt', {}, '鉴定意见'), h('dd', {}, d.reason),
    h('dt', {}, '档案'), h('dd', {}, `${d.recordIds.length} 件`),
    h('dt', {}, '提出人'), h('dd', {}, d.proposedBy),
    d.approvedBy && [h('dt', {}, '批准人'), h('dd', {}, d.approvedBy)]),
  d.state === 'PENDING' && h('p', {}, h('button', {
    type: 'button',
    id: 'approve',
    onclick: () => guarded(async () => {
      const { body } = await call(`${A}/dispositions/${encodeURIComponent(d.id)}/approvals`, { method: 'POST' });
      renderDisposition(body);
      loadDue();
    }),
  }, '批准销毁（监销）')));
}

guarded(showIdentity);

// --- legal holds ------------------------------------------------------------------------------

async function loadHolds() {
  const { body } = await call(`${A}/records/${current.id}/holds`);
  const active = body.data.filter((hold) => hold.active);
  clear($('holds'), active.length === 0 ? h('li', {}, '无有效的法律保全。') : active.map((hold) => h('li', { 'data-hold': hold.id },
    `${hold.reason}（${hold.placedBy}，${chineseDate(hold.placedAt)}） `,
    h('button', {
      type: 'button',
      class: 'secondary',
      onclick: () => guarded(async () => {
        await call(`${A}/holds/${hold.id}${query({ reason: '保全事由消除' })}`, { method: 'DELETE' });
        await loadHolds();
      }),
    }, '解除保全', h('span', { class: 'visually-hidden' }, `：${hold.reason}`)))));
}

$('hold-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    await call(`${A}/records/${current.id}/holds`, { method: 'POST', body: { reason: $('hold-reason').value.trim() } });
    $('hold-reason').value = '';
    await loadHolds();
  });
});

// --- destruction register, audit chain -------------------------------------------------------

$('load-register').addEventListener('click', () => guarded(async () => {
  // the register is oldest first: show the last page, newest entry on top
  const size = 50;
  const { body: head } = await call(`${A}/destruction-register${query({ size: 1 })}`);
  const page = Math.max(0, Math.ceil(head.meta.total / size) - 1);
  const { body } = await call(`${A}/destruction-register${query({ page, size })}`);
  clear($('register').tBodies[0], body.data.slice().reverse().map((e) => h('tr', { 'data-record': e.recordId },
    h('td', { class: 'num' }, e.sequence), h('td', {}, e.title), h('td', {}, e.documentNumber ?? ''),
    h('td', {}, new Date(e.destroyedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })),
    h('td', {}, e.proposedBy), h('td', {}, e.approvedBy))));
}));

$('verify-audit').addEventListener('click', () => guarded(async () => {
  const { body } = await call(`${A}/audit/verify`);
  $('audit-result').dataset.intact = String(body.intact);
  $('audit-result').textContent = body.intact
    ? `审计链完整：已校验 ${body.checked} 条记录。`
    : `审计链在第 ${body.firstBrokenSequence} 条断裂：${body.detail ?? ''}`;
}));

// --- jobs: fixity audit, backup, index rebuilds — each with a live progress bar ------------------

const S = '/api/v1/search';
const JOB_STATES = { QUEUED: '排队中', RUNNING: '进行中', SUCCEEDED: '已完成', FAILED: '失败' };
const running = (job) => job.state === 'QUEUED' || job.state === 'RUNNING';
const beijing = (instant) => new Date(instant).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' });

/**
 * Draws a job as a labelled <progress> and a status line. The status line is the live region, and
 * it changes only when the state or the tenth of the work done changes: a screen reader hears
 * "进行中 30%", not every poll.
 */
function renderJob(kind, title, job, ...extra) {
  const container = $(`job-${kind}`);
  const percent = job.state === 'SUCCEEDED' ? 100 : Math.floor(job.percent ?? 0);
  const counts = `${job.processed ?? 0}${job.total !== undefined && job.total !== null ? ` / ${job.total}` : ''}`;
  const eta = running(job) && job.estimatedCompletion ? `，预计 ${beijing(job.estimatedCompletion)} 完成（北京时间）` : '';
  const announced = `${title}：${JOB_STATES[job.state] ?? job.state}${running(job) ? `，已完成 ${Math.floor(percent / 10) * 10}%` : ''}`;
  let panel = container.querySelector('.panel');
  if (!panel) {
    panel = h('div', { class: 'panel' },
      h('label', { for: `job-${kind}-progress` }, `${title}进度`),
      h('progress', { id: `job-${kind}-progress`, max: 100, value: 0 }),
      h('p', { class: 'job-detail' }),
      h('p', { class: 'job-status', role: 'status', 'aria-live': 'polite' }),
      h('div', { class: 'job-extra' }));
    clear(container, panel);
  }
  panel.dataset.state = job.state;
  panel.dataset.jobId = job.id ?? '';
  const bar = panel.querySelector('progress');
  bar.value = percent;
  bar.textContent = `${percent}%`;
  bar.setAttribute('aria-valuetext', `${percent}%，${counts}`);
  panel.querySelector('.job-detail').textContent = `${percent}%（${counts}）${eta}`;
  const status = panel.querySelector('.job-status');
  if (status.textContent !== announced) status.textContent = announced;
  clear(panel.querySelector('.job-extra'),
    job.state === 'FAILED' && h('p', { class: 'alert' }, job.error ?? job.detail ?? '作业失败。'),
    job.problemCount > 0 && h('p', {}, `发现问题 ${job.problemCount} 个：`),
    job.problemCount > 0 && h('ul', {}, (job.problems ?? []).map((p) => h('li', {}, p))),
    extra);
}

/** Polls a job once a second until it ends, drawing it each time; returns the ended job. */
async function follow(kind, title, job, url) {
  renderJob(kind, title, job);
  while (running(job)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    ({ body: job } = await call(url(job.id)));
    renderJob(kind, title, job);
  }
  return job;
}

/** One button per job: disabled while its job runs, so a double click starts nothing twice. */
function jobButton(button, start) {
  const run = async () => {
    button.disabled = true;
    try {
      await guarded(start);
    } finally {
      button.disabled = false;
    }
  };
  if (button.form) button.form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  else button.addEventListener('click', run);
}

const archiveJob = (id) => `${A}/jobs/${id}`;

jobButton($('start-fixity'), async () => {
  const { body: audit } = await call(`${A}/fixity-audits`, { method: 'POST' });
  if (!audit.job) {
    renderJob('fixity', '固定性检查', { state: 'SUCCEEDED', processed: audit.objectsChecked, problemCount: audit.objectsInvalid });
    return;
  }
  await follow('fixity', '固定性检查', audit.job, archiveJob);
});

function backupSummary(backup) {
  const mb = (backup.bytesCopied / 1e6).toFixed(1);
  return h('p', { id: 'backup-summary' }, `备份 `, h('code', {}, backup.id), `：复制对象 ${backup.objectsCopied} 个（共 ${backup.objectsTotal} 个），${mb} MB，`
    + `${backup.previousId ? '增量备份' : '全量备份'}，写入 ${backup.targets.length} 个备份位置。`);
}

async function verifyBackup(id) {
  const { body } = await call(`${A}/backups/${id}/verify`, { method: 'POST' });
  const result = $('backup-verified');
  result.dataset.valid = String(body.valid);
  clear(result, body.valid
    ? `校验通过：${body.targets.length} 个备份位置的 BagIt 包与清单一致。`
    : `校验未通过：${body.targets.filter((t) => !t.valid).map((t) => `${t.target}（${t.problem}）`).join('；')}`);
}

jobButton($('start-backup'), async () => {
  const { body: started } = await call(`${A}/backups`, { method: 'POST' });
  const job = await follow('backup', '备份', started.job ?? { id: started.id, state: 'QUEUED', processed: 0 }, archiveJob);
  if (job.state !== 'SUCCEEDED') return;
  const { body: backup } = await call(`${A}/backups/${started.id}`);
  renderJob('backup', '备份', job, backupSummary(backup),
    h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'verify-backup', onclick: (event) => {
      event.target.disabled = true;
      guarded(() => verifyBackup(backup.id)).finally(() => { event.target.disabled = false; });
    } }, '校验此备份')),
    h('p', { id: 'backup-verified', role: 'status', 'aria-live': 'polite' }));
});

jobButton($('start-index-rebuild'), async () => {
  const { body: job } = await call(`${A}/admin/index-rebuild`, { method: 'POST' });
  await follow('index-rebuild', '重建档案索引', job, archiveJob);
});

jobButton($('start-search-reindex'), async () => {
  const index = $('reindex-index').value;
  const title = `重建检索索引（${index === 'datasets' ? '数据集' : '政策文件'}）`;
  const { body: job } = await call(`${S}/admin/reindex${query({ index })}`, { method: 'POST' });
  await follow('search-reindex', title, job, (id) => `${S}/admin/jobs/${id}`);
});
