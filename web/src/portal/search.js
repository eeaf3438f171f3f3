// The portal's search page: every search state lives in the URL (shareable, back button works),
// results come from /api/v1/search/documents with cursor paging, suggestions from /suggest.
import { query, request } from '../shared/api.js';
import { clear, debounce, h, hideError, highlighted, showError, validityBadge } from '../shared/dom.js';
import { VALIDITY, chineseDate, queryFromState, regionTree, stateFromQuery } from '../shared/text.js';

const API = '/api/v1/search';
const PAGE_SIZE = 20;
const FACETS = [
  ['validity', '效力状态'],
  ['issuer', '发文机关'],
  ['documentType', '公文种类'],
  ['subject', '主题分类'],
  ['year', '发布年份'],
  ['region', '地区'],
];
const FORM_FIELDS = ['q', 'dateField', 'from', 'to', 'inForceOn', 'sort'];

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const list = document.getElementById('suggestions');
const errorRegion = document.getElementById('error');
const summary = document.getElementById('summary');
const results = document.getElementById('results');
const facetsEl = document.getElementById('facets');
const activeEl = document.getElementById('active-filters');
const more = document.getElementById('more');

let state = stateFromQuery(location.search);
let nextCursor = null;
let searchController = null;

// --- state <-> form <-> URL -------------------------------------------------------------------

function fillForm() {
  for (const name of FORM_FIELDS) form.elements[name].value = state[name] ?? '';
  const advanced = ['dateField', 'from', 'to', 'inForceOn', 'sort'].some((f) => state[f]);
  if (advanced) document.getElementById('advanced').open = true;
}

function readForm() {
  const next = { ...state };
  for (const name of FORM_FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) next[name] = value;
    else delete next[name];
  }
  // a bare year ("2024" or "2024年") is a year filter, not words to look for
  const year = /^((?:19|20)\d{2})年?$/.exec(next.q ?? '');
  if (year) {
    next.year = year[1];
    delete next.q;
  }
  return next;
}

function go(next, { push = true } = {}) {
  state = next;
  const url = `${location.pathname}${queryFromState(state)}`;
  if (push) history.pushState(null, '', url);
  fillForm();
  search();
}

window.addEventListener('popstate', () => {
  state = stateFromQuery(location.search);
  fillForm();
  search();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  closeSuggestions();
  go(readForm());
});

// --- search -----------------------------------------------------------------------------------

async function search({ cursor } = {}) {
  searchController?.abort();
  searchController = new AbortController();
  hideError(errorRegion);
  if (!cursor) {
    summary.textContent = '正在检索…';
    delete summary.dataset.total; // set again when this search has answered
    more.hidden = true;
  }
  more.disabled = true;
  try {
    const { body } = await request(
      `${API}/documents${query({ ...state, size: PAGE_SIZE, cursor })}`,
      { signal: searchController.signal },
    );
    if (!cursor) clear(results);
    const first = renderHits(body.data);
    nextCursor = body.meta.nextCursor ?? null;
    const shown = results.children.length;
    summary.textContent = `共找到 ${body.meta.total} 件政策文件，已显示 ${shown} 件。`;
    summary.dataset.total = String(body.meta.total);
    more.hidden = !nextCursor || shown >= body.meta.total;
    more.disabled = false;
    if (!cursor) renderFacets(body.facets ?? {});
    if (cursor && first) first.focus();
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (!cursor) {
      clear(results);
      clear(facetsEl);
      summary.textContent = '';
      delete summary.dataset.total;
    }
    more.disabled = false;
    showError(errorRegion, error);
  }
}

more.addEventListener('click', () => {
  if (nextCursor) search({ cursor: nextCursor });
});

function renderHits(hits) {
  let firstLink = null;
  for (const hit of hits) {
    const link = h('a', { href: `/portal/document.html?id=${encodeURIComponent(hit.id)}` },
      hit.highlights?.title?.[0] ? highlighted(hit.highlights.title[0]) : hit.title);
    firstLink ??= link;
    const fragments = [
      ...(hit.highlights?.body ?? []),
      ...(hit.highlights?.interpretations ?? []),
      ...(hit.highlights?.attachments ?? []),
    ].slice(0, 2);
    results.append(
      h('li', { class: 'hit', 'data-id': hit.id },
        h('h3', {}, link),
        h('p', { class: 'meta-line' },
          validityBadge(hit.validity),
          hit.documentNumber && h('span', { class: 'docno' }, hit.documentNumber),
          hit.issuer && h('span', {}, hit.issuer),
          hit.publishedDate && h('span', {}, `发布：${chineseDate(hit.publishedDate)}`),
          hit.writtenDate && h('span', {}, `成文：${chineseDate(hit.writtenDate)}`)),
        fragments.map((f) => h('p', { class: 'fragment' }, '…', highlighted(f), '…')),
        hit.replacedBy && h('p', { class: 'replaced' }, '已被 ',
          h('a', { href: `/portal/document.html?id=${encodeURIComponent(hit.replacedBy.id)}` },
            hit.replacedBy.title ?? hit.replacedBy.documentNumber ?? '新文件'),
          hit.replacedBy.documentNumber ? `（${hit.replacedBy.documentNumber}）` : '', ' 替代')));
  }
  return firstLink;
}

// --- facets -----------------------------------------------------------------------------------

function facetLabel(field, value) {
  if (field === 'validity') return VALIDITY[value.value]?.label ?? value.value;
  if (field === 'year') return `${value.value}年`;
  return value.label ?? value.value;
}

function facetButton(field, value) {
  const pressed = state[field] === value.value;
  return h('button', {
    type: 'button',
    class: 'facet-button',
    'aria-pressed': String(pressed),
    'data-facet': field,
    'data-value': value.value,
    onclick: () => {
      const next = { ...state };
      if (pressed) delete next[field];
      else next[field] = value.value;
      go(next);
    },
  }, facetLabel(field, value), h('span', { class: 'count' }, `(${value.count})`));
}

function regionList(nodes) {
  return h('ul', {}, nodes.map((node) =>
    h('li', {}, facetButton('region', node), node.children.length > 0 && regionList(node.children))));
}

function renderFacets(facets) {
  clear(facetsEl);
  for (const [field, title] of FACETS) {
    const values = facets[field] ?? [];
    if (values.length === 0) continue;
    const id = `facet-${field}`;
    facetsEl.append(
      h('h3', { id }, title),
      field === 'region'
        ? h('div', { role: 'group', 'aria-labelledby': id }, regionList(regionTree(values)))
        : h('div', { role: 'group', 'aria-labelledby': id },
          h('ul', {}, values.slice(0, 12).map((v) => h('li', {}, facetButton(field, v))))));
  }
  renderActiveFilters();
}

function renderActiveFilters() {
  const names = { year: '年份', issuer: '发文机关', documentType: '公文种类', subject: '主题分类', region: '地区', validity: '效力状态' };
  const chips = Object.entries(names)
    .filter(([field]) => state[field])
    .map(([field, label]) => h('button', {
      type: 'button',
      class: 'chip',
      'aria-label': `取消筛选：${label} ${state[field]}`,
      onclick: () => {
        const next = { ...state };
        delete next[field];
        go(next);
      },
    }, `${label}：${field === 'validity' ? VALIDITY[state[field]]?.label ?? state[field] : state[field]} ×`));
  clear(activeEl, chips);
}

// --- suggestions (WAI-ARIA combobox with a listbox) -------------------------------------------

let suggestController = null;
let active = -1;

function closeSuggestions() {
  suggestController?.abort();
  list.hidden = true;
  clear(list);
  active = -1;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

const suggest = debounce(async () => {
  const prefix = input.value.trim();
  if (prefix.length < 1) return closeSuggestions();
  suggestController?.abort();
  suggestController = new AbortController();
  try {
    const { body } = await request(`${API}/suggest${query({ prefix, size: 5 })}`, { signal: suggestController.signal });
    if (input.value.trim() !== prefix) return;
    clear(list);
    active = -1;
    body.data.forEach((s, i) => {
      list.append(h('li', {
        id: `suggestion-${i}`,
        role: 'option',
        'aria-selected': 'false',
        'data-id': s.id,
        onmousedown: (e) => {
          e.preventDefault();
          choose(i);
        },
      }, s.text, h('span', { class: 'kind' }, s.kind === 'documentNumber' ? '文号' : '标题')));
    });
    const open = body.data.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  } catch (error) {
    if (error.name !== 'AbortError') closeSuggestions(); // suggestions are a help, never an error
  }
}, 100);

function highlight(index) {
  const items = [...list.children];
  if (items.length === 0) return;
  active = (index + items.length) % items.length;
  items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
  input.setAttribute('aria-activedescendant', items[active].id);
}

function choose(index) {
  const item = list.children[index];
  if (!item) return;
  location.assign(`/portal/document.html?id=${encodeURIComponent(item.dataset.id)}`);
}

// with a Chinese input method, wait until the composition is committed
input.addEventListener('input', (event) => { if (!event.isComposing) suggest(); });
input.addEventListener('compositionend', suggest);
input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
input.addEventListener('keydown', (event) => {
  if (list.hidden) return;
  if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
  else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
  else if (event.key === 'Escape') { event.preventDefault(); closeSuggestions(); }
  else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); choose(active); }
});

fillForm();
search();
