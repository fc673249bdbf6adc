// The checks plc check runs over step files rather than pipelines — the catalog-wide producer rules
// and config fields nothing binds — as fixtures/step-checks/<case>/steps with expected.json and a
// clean twin, run on the built-in library and on a project library; and PLC2004 for a step file
// checked on its own.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, runPlcInProcess, tempDir } from './support/helpers.js';

interface JsonDiagnostic { code: string; message: string; file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }
const found = (stdout: string, base: string) =>
  (JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.map((d) => ({
    code: d.code,
    file: d.file.slice(base.length),
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    message: d.message,
  }));

for (const name of readdirSync(fixture('step-checks')).filter((n) => n !== 'clean').sort()) {
  test(`step-checks/${name}`, async () => {
    const base = `fixtures/step-checks/${name}/`;
    const result = await runPlcInProcess(['check', `${base}steps`, '--format', 'json']);
    assert.equal(found(result.stdout, base), JSON.parse(readFileSync(fixture('step-checks', name, 'expected.json'), 'utf8')));
  });
}

test('step-checks/clean: a project library whose inputs all have producers and whose fields are bound, checked from its own folder', async () => {
  const dir = tempDir();
  cpSync(fixture('step-checks/clean/steps'), join(dir, 'steps'), { recursive: true });
  const result = await runPlcInProcess(['check', '--fail-level', 'info'], dir);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stderr, /2 step types\), 0 nodes: 0 errors, 0 warnings, 0 infos/);
});

test('the built-in library passes the step-file rules on its own', async () => {
  const result = await runPlcInProcess(['check', 'steps', '--format', 'json', '--fail-level', 'info']);
  assert.is(result.status, 0, result.stderr);
  assert.equal(found(result.stdout, ''), []);
});

test('a step file checked on its own reports a binding to an undeclared config field (PLC2004)', async () => {
  const base = 'fixtures/errors/config-binding-undeclared/';
  const result = await runPlcInProcess(['check', `${base}steps/sample.step.yaml`, '--format', 'json']);
  assert.is(result.status, 1);
  assert.equal(found(result.stdout, base), [{ code: 'PLC2004', file: 'steps/sample.step.yaml', line: 10, column: 44, endLine: 10, endColumn: 65, message: 'step type Sample refers to config field "instanceTyp", which its config does not declare' }]);
});

test.run();
