// The merge rule of job-type variants: mappings merge key by key, lists replace, null removes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deepMerge } from '../compiler/expand/deep-merge.js';

test('mappings merge key by key, recursively', () => {
  assert.equal(deepMerge({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: 3, z: 4 } }), { a: { x: 1, y: 3, z: 4 }, b: 1 });
});

test('lists and scalars replace', () => {
  assert.equal(deepMerge({ keywords: ['a', 'b'], n: 1 }, { keywords: ['c'], n: 2 }), { keywords: ['c'], n: 2 });
});

test('an explicit null removes the key; absent keys stay', () => {
  assert.equal(deepMerge({ env: { A: '1', B: '2' } }, { env: { B: null } }), { env: { A: '1' } });
});

test('a mapping replaces a scalar and the other way round', () => {
  assert.equal(deepMerge({ image: 'uri' }, { image: { framework: 'sklearn' } }), { image: { framework: 'sklearn' } });
  assert.equal(deepMerge({ image: { framework: 'sklearn' } }, { image: 'uri' }), { image: 'uri' });
});

test('the base is not changed', () => {
  const base = { a: { x: 1 } };
  deepMerge(base, { a: { x: 2 } });
  assert.equal(base, { a: { x: 1 } });
});

test('keys such as __proto__ are plain data', () => {
  const merged = deepMerge({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
  assert.ok(Object.hasOwn(merged, '__proto__'));
});

test.run();
