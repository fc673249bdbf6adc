// compiler/load/simple-yaml.ts must build exactly yaml's tree (comments aside) wherever it does
// not give up: on every YAML text of the repository, on generated documents and on random
// mutations of them; and it must give up wherever yaml reports a problem or would fold a comment
// into a range.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LineCounter, parseDocument } from 'yaml';
import { generatePipeline } from '../bench/generate-pipeline.js';
import { exactParseOptions } from '../compiler/load/document-values.js';
import { parseYaml } from '../compiler/load/load-yaml.js';
import { readSimpleYaml } from '../compiler/load/simple-yaml.js';
import { parseRuleDoc } from './support/rule-examples.js';
import { repo } from './support/helpers.js';

const options = (lineCounter: LineCounter) => ({ lineCounter, prettyErrors: false, version: '1.2', merge: true, resolveKnownTags: false, ...exactParseOptions }) as const;

/** plc reads no comment from the tree, and the reader attaches none. */
const ignored = new Set(['comment', 'commentBefore', 'spaceBefore']);

/** Where two trees differ: node classes, every own property (values, types, ranges, flags), deeply. */
function differences(a: unknown, b: unknown, path = 'document', found: string[] = []): string[] {
  if (found.length >= 5) return found;
  if (typeof a !== typeof b) found.push(`${path}: ${typeof a} against ${typeof b}`);
  else if (a === null || typeof a !== 'object') {
    if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) found.push(`${path}: ${String(a)} against ${String(b)}`);
  } else if (b === null || b === undefined || a.constructor !== b.constructor) found.push(`${path}: ${a.constructor.name} against ${String(b?.constructor.name)}`);
  else if (!(a instanceof RegExp)) {
    const keys = (o: object) => Object.keys(o).filter((k) => !ignored.has(k) && k !== 'schema' && k !== 'lineCounter');
    const [ka, kb] = [keys(a), keys(b as object)];
    for (const key of new Set([...ka, ...kb])) {
      if (!ka.includes(key) || !kb.includes(key)) found.push(`${path}.${key}: only in ${ka.includes(key) ? 'the reader' : 'yaml'}`);
      else differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, found);
    }
  }
  return found;
}

/** Whether the reader took the text; when it did, that it built yaml's tree and yaml found nothing wrong. */
function agreesWithYaml(text: string, name: string): boolean {
  const read = new LineCounter();
  const fast = readSimpleYaml(text, options(read));
  if (!fast) {
    assert.equal(read.lineStarts, [], `${name}: a reader that gave up left lines behind`);
    return false;
  }
  const parsed = new LineCounter();
  const yaml = parseDocument(text, options(parsed));
  assert.equal([...yaml.errors, ...yaml.warnings].map((e) => e.code), [], `${name}: read, but yaml reports problems`);
  assert.equal(differences(fast, yaml), [], `${name}: trees differ`);
  assert.equal(read.lineStarts, parsed.lineStarts, `${name}: line starts differ`);
  return true;
}

function repositoryYaml(): { name: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
  const texts = files.map((name) => ({ name, text: readFileSync(join(repo, name), 'utf8') }));
  const rules = join(repo, 'compiler/diagnostics/rules');
  for (const band of readdirSync(rules)) {
    for (const doc of readdirSync(join(rules, band))) {
      const parsed = parseRuleDoc(readFileSync(join(rules, band, doc), 'utf8'));
      for (const example of parsed.examples) {
        for (const file of example.files) if (/\.ya?ml$/.test(file.path) && file.encoding === undefined) texts.push({ name: `${band}/${doc} ${file.path}`, text: file.text });
      }
    }
  }
  return texts;
}

test('every YAML text in the repository reads as yaml reads it, and most take the fast path', () => {
  const texts = repositoryYaml();
  const taken = texts.filter(({ name, text }) => agreesWithYaml(text, name));
  assert.ok(texts.length > 500, `${texts.length} texts`);
  assert.ok(taken.length / texts.length > 0.85, `${taken.length} of ${texts.length} took the fast path`);
});

test('the examples and generated pipelines take the fast path', () => {
  for (const name of readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.pipeline.yaml'))) {
    assert.ok(agreesWithYaml(readFileSync(join(repo, 'examples', name), 'utf8'), name), `${name} gave up`);
  }
  assert.ok(agreesWithYaml(generatePipeline(50), 'generated 50 nodes'));
});

test('gives up where yaml reports a problem, attaches a comment to a range, or the text leaves the subset', () => {
  const outside = {
    'anchor and alias': 'a: &x 1\nb: *x\n',
    tag: 'a: !Ref x\n',
    'block scalar': 'a: |\n  text\n',
    'escape in double quotes': 'a: "x\\ty"\n',
    'multi-line plain scalar': 'a: one\n  two\n',
    'multi-line flow collection': 'a: [1,\n  2]\n',
    tab: 'a:\t1\n',
    CRLF: 'a: 1\r\n',
    BOM: '\ufeffa: 1\n',
    'document marker': '---\na: 1\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'merge key': 'a: { x: 1 }\nb:\n  <<: { x: 2 }\n',
    'sequence at the root': '- a\n',
    'empty text': '',
    'only a comment': '# nothing\n',
    'comment indented past the next line': 'a: 1\n    # folded into 1\nb: 2\n',
    'comment kept by a closing block': 'a:\n  b: 1\n  # kept by the inner map\nc: 2\n',
    'comment kept by a sequence at its key': 'x:\n  a:\n  - 1\n  # kept by the sequence\n  b: 2\n',
    'comment after an empty value': 'a:\n# moved\nb: 1\n',
    'comment on an empty value': 'a: # no value\nb: 1\n',
    'comment at the end, indented': 'a:\n  b: 1\n  # end\n',
    'nested mapping on the key line': 'a: b: c\n',
    'sequence on the key line': 'a: - b\n',
    'trailing comma': 'a: [1, 2, ]\n',
    'key without value in a flow mapping': 'a: { b }\n',
    'pair in a flow sequence': 'a: [b: c]\n',
    'unclosed quote': 'a: "b\n',
    'text after a quote': 'a: "b" c\n',
    'comment without a space': 'a: "b"#c\n',
    'space before the colon': 'a : 1\n',
    'plain key past 1,024 characters': `${'k'.repeat(1030)}: 1\n`,
    'quoted key past 1,024 characters': `x:\n- "${'k'.repeat(1030)}": 1\n`,
    'wrong indentation': 'a:\n    b: 1\n  c: 2\n',
  };
  for (const [name, text] of Object.entries(outside)) {
    const lines = new LineCounter();
    assert.is(readSimpleYaml(text, options(lines)), undefined, name);
    assert.equal(lines.lineStarts, [], `${name}: lines left behind`);
    // yaml reads what the reader gave up, into the same line table.
    const expected = new LineCounter();
    parseDocument(text, options(expected));
    assert.equal(parseYaml(text).lineCounter.lineStarts, expected.lineStarts, name);
  }
});

test('reading grows linearly with a long block sequence (no search past the line)', () => {
  const sequence = (items: number) => `items:\n${Array.from({ length: items }, (_, i) => `- item-number-${i}\n`).join('')}`;
  // The fastest of three runs, so that a busy machine does not decide: four times the items must
  // cost well under the sixteen times a quadratic search would.
  const fastest = (text: string) => Math.min(...[1, 2, 3].map(() => {
    const started = performance.now();
    assert.ok(readSimpleYaml(text, options(new LineCounter())));
    return performance.now() - started;
  }));
  const [small, large] = [fastest(sequence(20_000)), fastest(sequence(80_000))];
  assert.ok(large < small * 8, `20,000 items ${small.toFixed(0)} ms, 80,000 items ${large.toFixed(0)} ms`);
});

/** Documents like plc's, with comments and blank lines anywhere, scalars of every resolved type, flow and block collections. */
const common = <T>(usual: T[], odd: T[]) => fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 15 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
const scalars = common(
  ['x', 'step', 'true', 'False', 'null', '~', 'NULL', '1', '-1', '+2', '007', '0x1F', '0o17', '1.50', '.5', '1e3', '-.inf', '.NaN', '9007199254740993',
    's3://bucket/key', '${params.X}', 'a b', 'a#b', 'a:b', '--window', '-x', '"q"', "'it''s'", '""', "''", 'é', '😀', 'a  # comment', '"x"  # comment',
    '[]', '{}', '[1, 2]', '[ a , b ]', '{ a: 1, b: [x, y] }', '{"k": v}', '[a, {b: c}]', '[x] # comment', 'a #b', '[--a, "7"]', '{ k: "v", n: 1.50 }'],
  ['a: b', 'a:', '-', '"a\\"b"', '"x" y', '{"k":v}', '{a: }', '[a,]', '[a: b]', '*alias', '&a x', '!tag x', '|', '>', '@x', '`x', '%x', '?x', ':x', '[a', 'a]', '{ a: 1 } x'],
);
const keys = common(['a', 'b', 'step', 'config', '1', 'true', '"q k"', "'s'", 'x y', '~', 'é', 'a.b', 'x-y'], ['<<', '? k', 'a:b', '-k', 'key ', '"k', '[k]', '&k a', '---', '...']);
type Tree = string | { map: [string, Tree][] } | { seq: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalars,
    fc.record({ map: fc.array(fc.tuple(keys, tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

/** Renders a tree as block YAML; `choices` decide blank lines, comments and their columns, compact forms. */
function render(root: [string, Tree][], choices: number[]): string {
  let next = 0;
  const choose = (n: number) => (choices.length === 0 ? 0 : choices[next++ % choices.length]! % n);
  const lines: string[] = [];
  const extras = (indent: number) => {
    const pick = choose(8);
    if (pick === 1) lines.push('');
    if (pick === 2) lines.push(`${' '.repeat(Math.max(0, indent + [-2, 0, 2, 4][choose(4)]!))}# note`);
  };
  const block = (value: Tree, indent: number, lead: string): void => {
    if (typeof value === 'string') lines.push(`${lead} ${value}`);
    else if ('map' in value) {
      lines.push(lead);
      map(value.map, indent + 2);
    } else {
      lines.push(lead);
      seq(value.seq, choose(3) === 0 ? indent : indent + 2);
    }
  };
  const map = (pairs: [string, Tree][], indent: number) => {
    for (const [key, value] of pairs) {
      extras(indent);
      block(value, indent, `${' '.repeat(indent)}${key}:`);
    }
  };
  const seq = (items: Tree[], indent: number) => {
    for (const item of items) {
      extras(indent);
      const dash = `${' '.repeat(indent)}-`;
      if (typeof item === 'string') lines.push(`${dash} ${item}`);
      else if ('map' in item && choose(2) === 0) {
        const [[key, value], ...rest] = item.map;
        block(value!, indent + 2, `${dash} ${key}:`);
        map(rest, indent + 2);
      } else block(item, indent, dash);
    }
  };
  map(root, 0);
  extras(0);
  return lines.join('\n') + (choose(4) === 0 ? '' : '\n');
}

const documents = fc.tuple(fc.array(fc.tuple(keys, tree), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 30 })).map(([root, choices]) => render(root, choices));

test('generated documents: where the reader takes one, it is exactly yaml\'s tree', () => {
  let taken = 0;
  fc.assert(fc.property(documents, (text) => {
    if (agreesWithYaml(text, JSON.stringify(text))) taken++;
  }), { numRuns: 1500, seed: 20261202 });
  assert.ok(taken > 150, `only ${taken} of 1500 generated documents took the fast path`);
});

test('random edits of generated documents: taken only when yaml reads them the same way', () => {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat(2), insert: fc.constantFrom('', ' ', '  ', '\n', ':', ': ', '#', ' #', '-', '- ', ',', '[', ']', '{', '}', '"', "'", 'x', '\n  ', '\n#c\n') });
  fc.assert(fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) => {
    let edited = text;
    for (const { at, remove, insert } of edits) {
      const where = at % (edited.length + 1);
      edited = edited.slice(0, where) + insert + edited.slice(where + remove);
    }
    agreesWithYaml(edited, JSON.stringify(edited));
  }), { numRuns: 3000, seed: 20261202 });
});

test.run();
