// The data page: budget composition by 类/款 and the execution rate for a region and year, each as
// a chart and as a table with the exact amounts; the CSV link asks the same API for CSV.
import { query, request } from '../../shared/api.js';
import { clear, h, hideError, showError } from '../../shared/dom.js';
import { chineseDate, formatAmount } from '../../shared/text.js';
import { barChart } from './chart.js';

const F = '/api/v1/catalog/fiscal';
const form = document.getElementById('fiscal-form');
const errorRegion = document.getElementById('error');
const status = document.getElementById('fiscal-status');
const FIELDS = ['region', 'year', 'budgetType', 'stage', 'direction', 'level'];
const THIS_YEAR = new Date().getFullYear();

const yearSelect = form.elements.year;
for (let y = Math.min(THIS_YEAR, 2025); y >= 2015; y -= 1) yearSelect.append(h('option', { value: y }, `${y}年`));
yearSelect.value = '2024';

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value && [...form.elements[field].options].some((o) => o.value === value)) form.elements[field].value = value;
  }
}

function selection() {
  return Object.fromEntries(FIELDS.map((f) => [f, form.elements[f].value]));
}

async function loadRegions() {
  const { body } = await request(`/api/v1/catalog/reference/regions${query({ size: 1000 })}`);
  const depth = (r) => (r.code.endsWith('0000') ? 0 : r.code.endsWith('00') ? 1 : 2);
  const sorted = [...body.data].sort((a, b) => a.code.localeCompare(b.code));
  const wanted = new URLSearchParams(location.search).get('region') ?? form.elements.region.value;
  clear(form.elements.region, sorted.map((r) =>
    h('option', { value: r.code }, `${'　'.repeat(depth(r))}${r.name}`)));
  if (sorted.some((r) => r.code === wanted)) form.elements.region.value = wanted;
}

async function loadFiscal() {
  hideError(errorRegion);
  const s = selection();
  status.textContent = '正在加载…';
  const common = { year: s.year, region: s.region, budgetType: s.budgetType, direction: s.direction, level: s.level };
  const summaryQuery = { ...common, stage: s.stage, groupBy: 'classification', sort: '-amount', size: 1000 };
  const executionQuery = { ...common, size: 1000 };
  document.getElementById('composition-csv').href = `${F}/summary${query({ ...summaryQuery, format: 'csv' })}`;
  document.getElementById('execution-csv').href = `${F}/execution${query({ ...executionQuery, format: 'csv' })}`;
  try {
    const [summary, execution] = await Promise.all([
      request(`${F}/summary${query(summaryQuery)}`),
      request(`${F}/execution${query(executionQuery)}`),
    ]);
    renderComposition(summary.body.data);
    renderExecution(execution.body.data);
    const regionName = form.elements.region.selectedOptions[0]?.textContent.trim();
    status.textContent = `${regionName} ${s.year}年：${summary.body.data.length} 个科目。`;
  } catch (error) {
    status.textContent = '';
    showError(errorRegion, error);
  }
}

function renderComposition(rows) {
  const cents = rows.map((r) => BigInt(r.amount.replace('.', '')));
  const total = cents.reduce((a, b) => a + b, 0n);
  const share = (c) => (total === 0n ? '—' : `${(Number((c * 10000n) / total) / 100).toFixed(2)}%`);
  barChart(document.getElementById('composition-chart'), {
    names: rows.map((r) => r.name ?? r.key),
    values: rows.map((r) => Number(r.amount)),
    unit: '万元',
  });
  clear(document.querySelector('#composition-table tbody'),
    rows.map((r, i) => h('tr', { 'data-key': r.key },
      h('td', {}, r.key), h('th', { scope: 'row' }, r.name ?? r.key),
      h('td', { class: 'num', 'data-amount': r.amount }, formatAmount(r.amount)),
      h('td', { class: 'num' }, share(cents[i])))),
    rows.length === 0 ? h('tr', {}, h('td', { colspan: 4 }, '没有符合条件的数据。')) : null);
}

function renderExecution(rows) {
  const rated = rows.filter((r) => r.executionRate !== undefined && r.executionRate !== null);
  barChart(document.getElementById('execution-chart'), {
    names: rated.map((r) => r.classificationName),
    values: rated.map((r) => Number(r.executionRate)),
    unit: '%',
    color: '#0a4b94',
  });
  const cell = (amount) => h('td', { class: 'num' }, amount ? formatAmount(amount) : '—');
  clear(document.querySelector('#execution-table tbody'),
    rows.map((r) => h('tr', { 'data-key': r.classificationCode },
      h('th', { scope: 'row' }, `${r.classificationCode} ${r.classificationName}`),
      cell(r.budget), cell(r.adjusted), cell(r.final),
      h('td', { class: 'num' }, r.executionRate ? `${r.executionRate}%` : '—'))),
    rows.length === 0 ? h('tr', {}, h('td', { colspan: 5 }, '没有符合条件的数据。')) : null);
}

async function loadDatasets() {
  const list = document.getElementById('datasets');
  try {
    const { body } = await request(`/api/v1/catalog/datasets${query({ size: 100 })}`);
    clear(list, body.data.map((d) => h('li', { class: 'panel' },
      h('h3', {}, d.title),
      d.description && h('p', {}, d.description),
      h('dl', { class: 'meta' },
        h('dt', {}, '发布机构'), h('dd', {}, d.publisher),
        d.regionName && [h('dt', {}, '地区'), h('dd', {}, d.regionName)],
        h('dt', {}, '更新频率'), h('dd', {}, d.updateFrequency),
        d.temporalStart && [h('dt', {}, '时间范围'), h('dd', {}, `${chineseDate(d.temporalStart)} 至 ${chineseDate(d.temporalEnd)}`)],
        h('dt', {}, '许可协议'), h('dd', {}, d.license),
        h('dt', {}, '更新时间'), h('dd', {}, chineseDate(d.modified))),
      h('p', { class: 'links' }, d.distributions.map((dist) =>
        h('a', { href: dist.accessUrl, class: 'button secondary' }, `${dist.format} 下载`, h('span', { class: 'visually-hidden' }, `：${d.title}`)))))));
  } catch (error) {
    clear(list, h('li', {}, `数据集目录暂时无法显示：${error.message}`));
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.pushState(null, '', `${location.pathname}${query(selection())}`);
  loadFiscal();
});
window.addEventListener('popstate', () => {
  readUrl();
  loadFiscal();
});

readUrl();
loadRegions().catch(() => {}).finally(loadFiscal);
loadDatasets();
