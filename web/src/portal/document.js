// One policy document from the catalog: metadata, validity chain, body, attachments, 政策解读.
import { request } from '../shared/api.js';
import { clear, h, showError, validityBadge } from '../shared/dom.js';
import { chineseDate } from '../shared/text.js';

const article = document.getElementById('document');
const errorRegion = document.getElementById('error');
const id = new URLSearchParams(location.search).get('id') ?? '';

if (document.referrer.startsWith(`${location.origin}/portal/?`)) {
  document.getElementById('back').href = document.referrer; // back to the same search
}

const docLink = (ref) => h('a', { href: `/portal/document.html?id=${encodeURIComponent(ref.id)}` },
  ref.title ?? ref.documentNumber ?? '相关文件', ref.title && ref.documentNumber ? `（${ref.documentNumber}）` : '');

function meta(label, value) {
  return value ? [h('dt', {}, label), h('dd', {}, value)] : [];
}

function render(p) {
  document.title = `${p.title} · 内蒙古自治区政府数据开放平台`;
  const chain = [
    p.replacedBy && h('li', {}, '已被 ', docLink(p.replacedBy), p.validity === 'AMENDED' ? ' 修订' : ' 替代'),
    p.amends && h('li', {}, '本文件修订或替代 ', docLink(p.amends)),
    p.repealedOn && h('li', {}, `${chineseDate(p.repealedOn)} 废止`, p.repealReason ? `：${p.repealReason}` : ''),
    p.amendedOn && h('li', {}, `${chineseDate(p.amendedOn)} 修订`),
    p.expiryDate && h('li', {}, `有效期至 ${chineseDate(p.expiryDate)}`),
  ].filter(Boolean);
  clear(article,
    h('h1', { id: 'title' }, p.title),
    h('p', {}, validityBadge(p.validity)),
    h('dl', { class: 'meta' },
      meta('发文字号', p.documentNumber?.canonical ?? p.documentNumber),
      meta('索引号', p.indexNumber),
      meta('发文机关', p.issuer),
      meta('公文种类', p.documentType),
      meta('主题分类', p.subject),
      meta('地区', p.regionName ?? p.regionCode),
      meta('成文日期', chineseDate(p.writtenDate)),
      meta('发布日期', chineseDate(p.publishedDate)),
      meta('施行日期', chineseDate(p.effectiveDate))),
    chain.length > 0 && h('section', { 'aria-labelledby': 'chain-heading' },
      h('h2', { id: 'chain-heading' }, '效力变化'), h('ul', { class: 'chain' }, chain)),
    h('section', { 'aria-labelledby': 'body-heading' },
      h('h2', { id: 'body-heading' }, '正文'), h('div', { class: 'doc-body' }, p.body)),
    p.attachments.length > 0 && h('section', { 'aria-labelledby': 'att-heading' },
      h('h2', { id: 'att-heading' }, '附件'),
      h('ul', {}, p.attachments.map((a) => h('li', {},
        h('a', { href: `/api/v1/catalog/policies/${encodeURIComponent(p.id)}/attachments/${encodeURIComponent(a.id)}`, download: a.fileName }, a.fileName),
        ` （${Math.max(1, Math.round(a.size / 1024))} KB）`)))),
    p.interpretations.length > 0 && h('section', { 'aria-labelledby': 'interp-heading' },
      h('h2', { id: 'interp-heading' }, '政策解读'),
      p.interpretations.map((i) => h('details', { class: 'panel' },
        h('summary', {}, i.title, i.publishedDate ? `（${chineseDate(i.publishedDate)}）` : ''),
        h('div', { class: 'doc-body' }, i.body)))));
}

async function load() {
  if (!/^[0-9a-fA-F-]{36}$/.test(id)) {
    article.removeAttribute('aria-busy');
    clear(article, h('h1', {}, '未找到文件'));
    showError(errorRegion, new Error('链接中的文件编号不正确。'));
    return;
  }
  try {
    const { body } = await request(`/api/v1/catalog/policies/${encodeURIComponent(id)}`);
    render(body);
  } catch (error) {
    clear(article, h('h1', {}, '无法显示文件'));
    showError(errorRegion, error);
  } finally {
    article.removeAttribute('aria-busy');
  }
}

load();
