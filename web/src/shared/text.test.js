import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  sideBySide, formatAmount, highlightParts, httpDate, queryFromState, regionTree, stateFromQuery,
} from './text.js';

test('a highlighted fragment becomes text and marks, markup in the text stays text', () => {
  assert.deepEqual(highlightParts('关于&lt;b&gt;<em>预算</em>公开'), [
    { text: '关于<b>', mark: false },
    { text: '预算', mark: true },
    { text: '公开', mark: false },
  ]);
});

test('the search state survives a round trip through the URL', () => {
  const state = { q: '内政发[2024]12号', validity: 'VALID', from: '2024-01-01' };
  assert.deepEqual(stateFromQuery(queryFromState(state)), state);
});

test('unknown URL parameters are not part of the state', () => {
  assert.deepEqual(stateFromQuery('?q=预算&evil=1'), { q: '预算' });
});

test('regions nest under their city and province', () => {
  const tree = regionTree([
    { value: '150000', count: 9 },
    { value: '150600', count: 5 },
    { value: '150602', count: 2 },
    { value: '150100', count: 1 },
  ]);
  assert.equal(tree.length, 1);
  assert.deepEqual(tree[0].children.map((c) => c.value), ['150600', '150100']);
  assert.deepEqual(tree[0].children[0].children.map((c) => c.value), ['150602']);
});

test('amounts are grouped without rounding', () => {
  assert.equal(formatAmount('12345678901234.56'), '12,345,678,901,234.56');
  assert.equal(formatAmount('-1000.00'), '-1,000.00');
});

test('an as-of date means the end of that day in Beijing', () => {
  assert.equal(httpDate('2024-03-01'), 'Fri, 01 Mar 2024 15:59:59 GMT');
  assert.throws(() => httpDate('2024-13-01'), RangeError);
});

test('a unified diff becomes side-by-side rows, removed lines beside the added ones', () => {
  const rows = sideBySide('--- a\n+++ b\n@@ -1,3 +1,3 @@\n 第一条\n-旧的第二条\n+新的第二条\n+新增第三条\n');
  assert.deepEqual(rows, [
    { left: '@@ -1,3 +1,3 @@', right: '@@ -1,3 +1,3 @@', kind: 'hunk' },
    { left: '第一条', right: '第一条', kind: 'context' },
    { left: '旧的第二条', right: '新的第二条', kind: 'change' },
    { left: null, right: '新增第三条', kind: 'change' },
  ]);
});
