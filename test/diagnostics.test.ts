// Golden diagnostics: each fixtures/errors/<case>/ holds a broken pipeline and expected.json with
// the exact diagnostics (code, file, line, column, message) it must produce; each case trips one
// rule. The CLI must exit 1 with no stack trace and leave an existing output file untouched. Each
// fixtures/clean/<family>/ exercises one rule family correctly and must produce nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, fixture, repo, runPlc, tempDir } from './support/helpers.js';

interface Expected { code: string; file: string; line: number; column: number; endLine?: number; endColumn?: number; message: string }

const cases = readdirSync(fixture('errors')).sort();
const pipelineOf = (name: string) => [fixture('errors', name, 'pipeline.yaml'), fixture('errors', name, 'inner', 'pipeline.yaml')].find(existsSync)!;

for (const name of cases) {
  test(`errors/${name}`, () => {
    const expected = JSON.parse(readFileSync(fixture('errors', name, 'expected.json'), 'utf8')) as Expected[];
    const result = compile(pipelineOf(name));
    // Cases that give where a finding ends are held to it too.
    const withEnd = expected.some((e) => e.endLine !== undefined);
    const actual = result.diagnostics.map((d) => ({
      code: d.code,
      file: relative(fixture('errors', name), join(repo, d.file)),
      line: d.range.start.line,
      column: d.range.start.column,
      ...(withEnd ? { endLine: d.range.end.line, endColumn: d.range.end.column } : {}),
      message: d.message,
    }));
    assert.equal(actual, expected);
    if (result.diagnostics.some((d) => d.severity === 'error')) assert.is(result.files, undefined, 'nothing is emitted when there is an error');
    else assert.ok(result.files, 'warnings do not stop the build');
  });
}

test('each error case trips exactly one rule', () => {
  for (const name of cases) {
    const codes = [...new Set(compile(pipelineOf(name)).diagnostics.map((d) => d.code))];
    assert.is(codes.length, 1, `errors/${name} trips ${codes.join(', ') || 'nothing'}`);
  }
});

test('the error corpus has at least 40 cases', () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
});

// One clean twin per rule family band: 0xxx load/schema, 1xxx linking/names, 2xxx
// variants/config, 3xxx wiring, 4xxx script↔contract, 5xxx SageMaker limits/shapes, 6xxx graph.
const families = ['load-schema', 'linking-names', 'variants-config', 'wiring', 'script-contract', 'sagemaker-limits', 'graph'];

test('every clean family is tested', () => {
  assert.equal(readdirSync(fixture('clean')).sort(), [...families].sort());
});

for (const family of families) {
  test(`clean/${family} has no findings`, () => {
    const result = compile(fixture('clean', family, 'pipeline.yaml'));
    assert.equal(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`), []);
    assert.ok(result.files, 'it builds');
  });
}

test('a failing build exits 1, prints file:line:col with an excerpt and hint, no stack trace, and leaves the output alone', () => {
  const out = join(tempDir(), 'definition.json');
  writeFileSync(out, 'earlier output\n');
  const failing = cases.filter((name) => compile(pipelineOf(name)).diagnostics.some((d) => d.severity === 'error'));
  const warningOnly = cases.filter((name) => !failing.includes(name));
  assert.equal(warningOnly, ['depends-on-branch-step', 'network-on-transform', 'orphan-node', 'port-not-snake-case', 'script-key-not-followed', 'step-file-name-mismatch', 'suppression-hides-nothing', 'unused-default'], 'every other case has an error');
  // The in-process test above proves no case throws; through the CLI, one case per code band
  // (0xxx…7xxx) shows rendering and exit status, and keeps the suite fast.
  const bandOf = (name: string) => (JSON.parse(readFileSync(fixture('errors', name, 'expected.json'), 'utf8')) as Expected[])[0]!.code.slice(0, 4);
  const sample = [...new Map(failing.map((name) => [bandOf(name), name] as const).reverse()).values()];
  assert.ok(sample.length >= 7, `cases from ${sample.length} bands`);
  for (const name of sample) {
    const result = runPlc(['build', pipelineOf(name), '-o', out]);
    assert.is(result.status, 1, `${name}: exit code`);
    assert.not.match(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${name}: no stack trace`);
    assert.match(result.stderr, /^\S+:\d+:\d+: error PLC\d{4}: /m, `${name}: file:line:col: error CODE: message`);
    assert.match(result.stderr, /^\s*>\s*\d+ \| /m, `${name}: source excerpt`);
    assert.is(result.stdout, '', `${name}: nothing on stdout`);
    assert.is(readFileSync(out, 'utf8'), 'earlier output\n', `${name}: output untouched`);
  }
});

test('the pretty format matches the documented shape', () => {
  const result = runPlc(['build', pipelineOf('unknown-key')]);
  assert.fixture(result.stderr, [
    'fixtures/errors/unknown-key/pipeline.yaml:13:5: error PLC0102: unknown key "inptus" in node "train" — did you mean "inputs"?',
    ' 12 |     step: XGBoostTraining',
    '>13 |     inptus: { training_data: prep.processed_data }',
    '    |     ^^^^^^',
    '  hint: Allowed keys here: after, cache, condition, config, description, displayName, else, fail, inputs, jobType, name, outputs, ports, retry, step, then.',
    '',
    '1 error, 0 warnings',
    '',
  ].join('\n'));
});

test('warnings are printed but do not fail the build', () => {
  const result = runPlc(['build', pipelineOf('unused-default')]);
  assert.is(result.status, 0);
  assert.match(result.stderr, /warning PLC2008: default "lableField"/);
  assert.ok(JSON.parse(result.stdout).Steps.length === 1);
});

test.run();
