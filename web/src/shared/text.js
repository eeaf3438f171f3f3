// Small, DOM-free helpers shared by the pages (unit-tested in Node).

export const VALIDITY = {
  VALID: { label: '有效', css: 'valid' },
  AMENDED: { label: '已修订', css: 'amended' },
  REPEALED: { label: '废止', css: 'repealed' },
  EXPIRED: { label: '失效', css: 'expired' },
};

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#34;': '"' };

/** Decodes the few entities an HTML-escaped fragment contains (never interprets markup). */
export function decodeEntities(text) {
  return text.replace(/&(lt|gt|amp|quot|#39|#x27|#34);/g, (m) => ENTITIES[m]);
}

/**
 * Splits a highlighted fragment ("…<em>预算</em>…", the rest HTML-escaped) into parts
 * [{text, mark}], so that the page builds text nodes and <mark> elements — no innerHTML.
 */
export function highlightParts(fragment) {
  const parts = [];
  const re = /<em>([\s\S]*?)<\/em>/g;
  let last = 0;
  let m;
  while ((m = re.exec(fragment)) !== null) {
    if (m.index > last) parts.push({ text: decodeEntities(fragment.slice(last, m.index)), mark: false });
    parts.push({ text: decodeEntities(m[1]), mark: true });
    last = re.lastIndex;
  }
  if (last < fragment.length) parts.push({ text: decodeEntities(fragment.slice(last)), mark: false });
  return parts.filter((p) => p.text.length > 0);
}

/** The search state a URL carries (every parameter the page understands), and back. */
export const SEARCH_FIELDS = [
  'q', 'issuer', 'documentType', 'subject', 'region', 'validity', 'year',
  'dateField', 'from', 'to', 'inForceOn', 'sort',
];

export function stateFromQuery(queryString) {
  const params = new URLSearchParams(queryString);
  const state = {};
  for (const field of SEARCH_FIELDS) {
    const value = params.get(field);
    if (value !== null && value.trim() !== '') state[field] = value.trim();
  }
  return state;
}

export function queryFromState(state) {
  const params = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    if (state[field] !== undefined && state[field] !== '') params.set(field, state[field]);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Region codes as a tree (GB/T 2260: 15xxxx → 15xx00 → 150000), for the region facet. */
export function regionTree(values) {
  const byCode = new Map(values.map((v) => [v.value, { ...v, children: [] }]));
  const roots = [];
  for (const node of byCode.values()) {
    const code = node.value;
    const parents = [];
    if (!code.endsWith('00')) parents.push(`${code.slice(0, 4)}00`);
    if (!code.endsWith('0000')) parents.push(`${code.slice(0, 2)}0000`);
    const parent = parents.map((p) => byCode.get(p)).find((p) => p && p.value !== code);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** 12345.60 万元 → "12,345.60" without going through a binary double. */
export function formatAmount(amount) {
  const [whole, fraction] = String(amount).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** An ISO date to 2024年3月1日. */
export function chineseDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** A datetime-local value (Beijing time) as an HTTP date for Accept-Datetime (RFC 7089). */
export function httpDate(localValue, offset = '+08:00') {
  const instant = new Date(`${localValue.length === 10 ? `${localValue}T23:59:59` : localValue}${offset}`);
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  return instant.toUTCString();
}

/**
 * A unified diff as side-by-side rows: context on both sides, a run of removed lines paired with
 * the added lines that follow it. Each row: {left, right, kind: 'context'|'change'|'hunk'}.
 */
export function sideBySide(unified) {
  const rows = [];
  let removed = [];
  let added = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i += 1) {
      rows.push({ left: removed[i] ?? null, right: added[i] ?? null, kind: 'change' });
    }
    removed = [];
    added = [];
  };
  for (const line of unified.split('\n')) {
    if (line.startsWith('---') || line.startsWith('+++')) continue;
    if (line.startsWith('@@')) {
      flush();
      rows.push({ left: line, right: line, kind: 'hunk' });
    } else if (line.startsWith('-')) {
      if (added.length > 0) flush();
      removed.push(line.slice(1));
    } else if (line.startsWith('+')) {
      added.push(line.slice(1));
    } else if (line.length > 0) {
      flush();
      rows.push({ left: line.slice(1), right: line.slice(1), kind: 'context' });
    }
  }
  flush();
  return rows;
}
