// Passes rewritten to stay linear in pipeline size (docs/performance.md) give what the quadratic
// originals gave.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDocument } from 'yaml';
import { parseYaml } from '../compiler/load/load-yaml.js';

test("duplicate keys found in one pass are exactly yaml's uniqueKeys errors", () => {
  const text = [
    'a: 1', 'b: { x: 1, y: 2, x: 3 }', 'c:', '  - { "q": 1, \'q\': 2 }', '  - k: 1', '    k: 2',
    '1: one', '"1": not the number', '1.0: the number again', '~: n', 'null: n again', '.nan: x', '.NaN: y',
    '&anchored d: 1', '!!str d: 2', '? e', ': 1', '? e', ': 2', '<<: { m: 1 }', '<<: { m: 2 }', 'a: 9', '',
  ].join('\n');
  const positions = (errors: { code: string; pos: [number, number] }[]) => errors.map((e) => [e.code, ...e.pos]).sort((x, y) => Number(x[1]) - Number(y[1]));
  const expected = positions(parseDocument(text, { uniqueKeys: true, version: '1.2', merge: true, prettyErrors: false }).errors);
  assert.ok(expected.length >= 8, `${expected.length} duplicates in the sample`);
  assert.equal(positions(parseYaml(text).document.errors), expected);
});

test.run();
