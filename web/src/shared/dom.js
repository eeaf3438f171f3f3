// A tiny element builder: text always goes in as text nodes, never as HTML.
import { VALIDITY, highlightParts } from './text.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A highlighted fragment from the search API as text nodes and <mark>s. */
export function highlighted(fragment) {
  return highlightParts(fragment).map((p) => (p.mark ? h('mark', {}, p.text) : p.text));
}

export function validityBadge(validity) {
  const v = VALIDITY[validity] ?? { label: validity ?? '未知', css: 'unknown' };
  return h('span', { class: `badge badge-${v.css}` }, v.label);
}

/** Shows a message in the page's alert region (role=alert: screen readers announce it). */
export function showError(region, error) {
  clear(region, error?.message ?? String(error));
  region.hidden = false;
}

export function hideError(region) {
  clear(region);
  region.hidden = true;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
