// The command line behaves the same way across commands: standard input and empty runs are usage
// errors, -p always names a pipeline, --format json everywhere, help wraps at word boundaries, a
// mistyped command gets a suggestion, FORCE_COLOR and --quiet work, one summary line, the root
// cause without its knock-on error, and plc.config.yaml found above the working folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const unusedDefault = fixture('errors', 'unused-default', 'pipeline.yaml');

test('plc check - is a usage error (exit 2), not a silent check of the working folder', async () => {
  const result = await runPlcInProcess(['check', '-']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /^plc: plc check reads files, not standard input/);
});

test('plc check where there are no documents: exit 2, "no files", as eslint does', async () => {
  const result = await runPlcInProcess(['check'], tempDir());
  assert.is(result.status, 2);
  assert.match(result.stderr, /^plc: no files: no \*\.pipeline\.yaml or \*\.step\.yaml/);
});

test('-p names a pipeline in every command; plc run takes parameters as -P', async () => {
  for (const command of [['steps', 'list'], ['schema']]) assert.match((await runPlcInProcess([...command, '--help'])).stdout, /-p, --pipeline/);
  const run = (await runPlcInProcess(['run', '--help'])).stdout;
  assert.match(run, /-P, --parameter/);
  assert.not.match(run, /-p, /);
});

test('plc explain takes --format json like the other commands (--json is kept as a hidden alias)', async () => {
  const args = ['explain', 'examples/tabular-xgboost.pipeline.yaml', 'train'];
  const formatted = await runPlcInProcess([...args, '--format', 'json']);
  assert.is(formatted.status, 0, formatted.stderr);
  assert.equal(JSON.parse(formatted.stdout), JSON.parse((await runPlcInProcess([...args, '--json'])).stdout));
  assert.not.match((await runPlcInProcess(['explain', '--help'])).stdout, /--json/);
});

test('plc steps list and show take --format json too', async () => {
  const list = JSON.parse((await runPlcInProcess(['steps', 'list', '--format', 'json'])).stdout) as { version: number; steps: { name: string; builtin: boolean }[] };
  assert.is(list.version, 1);
  assert.ok(list.steps.some((s) => s.name === 'XGBoostTraining' && s.builtin));
  const shown = JSON.parse((await runPlcInProcess(['steps', 'show', 'XGBoostTraining', '--format', 'json'])).stdout) as { step: { document: { sagemaker: string } } };
  assert.is(shown.step.document.sagemaker, 'Training');
});

test('plc steps show inside a project sees its step types without -p', async () => {
  const demo = join(tempDir(), 'demo');
  assert.is((await runPlcInProcess(['init', demo])).status, 0);
  assert.is((await runPlcInProcess(['new', 'step', 'CleanData'], demo)).status, 0);
  const shown = await runPlcInProcess(['steps', 'show', 'CleanData'], demo);
  assert.is(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /CleanData/);
});

test('--help wraps at word boundaries: every word of a description is printed whole', async () => {
  const help = (await runPlcInProcess(['init', '--help'])).stdout;
  const lines = help.split('\n');
  assert.ok(lines.every((line) => line.length <= 100), 'at most 100 columns when not a terminal');
  const described = 'Create a ready project: an example pipeline, steps/, editor settings, a CI workflow, a pre-commit hook';
  const words = new Set(help.split(/\s+/));
  for (const word of described.split(' ')) assert.ok(words.has(word), `"${word}" is whole in:\n${help}`);
});

test('a mistyped command gets a suggestion and exit 2', async () => {
  const result = await runPlcInProcess(['chek']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /Did you mean check\?/);
});

test('FORCE_COLOR colours the report even when stderr is a pipe; NO_COLOR wins over it', async () => {
  const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(repo, 'dist/bin/plc.js'), 'check', unusedDefault], { encoding: 'utf8', env }).stderr;
  const { NO_COLOR: _unset, ...env } = process.env;
  assert.match(run({ ...env, FORCE_COLOR: '1' }), /\x1b\[/);
  assert.not.match(run({ ...env, FORCE_COLOR: '0' }), /\x1b\[/);
  assert.not.match(run({ ...env, FORCE_COLOR: '1', NO_COLOR: '1' }), /\x1b\[/);
});

test('plc check ends with one summary line; --quiet shows errors only and no summary', async () => {
  const report = (await runPlcInProcess(['check', unusedDefault])).stderr;
  assert.is(report.split('\n').filter((line) => /\d+ errors?, \d+ warnings?/.test(line)).length, 1, report);
  const quiet = await runPlcInProcess(['check', '--quiet', unusedDefault]);
  assert.is(quiet.status, 0);
  assert.is(quiet.stderr, '');
  const failing = await runPlcInProcess(['check', '-q', fixture('errors', 'unknown-key', 'pipeline.yaml')]);
  assert.is(failing.status, 1);
  assert.match(failing.stderr, /error PLC0102/);
  assert.not.match(failing.stderr, /plc check: /);
});

test('a mistyped input port reports the root cause (PLC3003, did you mean) and not its knock-on "not bound"', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'p.pipeline.yaml'), readFileSync(unusedDefault, 'utf8').replace('  lableField: label\n', '').replace('inputs: { data: s3://bucket/in }', 'inputs: { dta: s3://bucket/in }'));
  const codes = (JSON.parse((await runPlcInProcess(['check', '--format', 'json'], dir)).stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics;
  assert.equal(codes.map((d) => d.code), ['PLC3003']);
  assert.match(codes[0]!.message, /did you mean "data"\?/);
});

test('plc.config.yaml is found in a folder above the working folder, and its globs are relative to it', async () => {
  const root = tempDir();
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'ml', 'fraud'), { recursive: true });
  copyFileSync(unusedDefault, join(root, 'ml', 'fraud', 'p.pipeline.yaml'));
  writeFileSync(join(root, 'plc.config.yaml'), 'rules:\n  PLC2008: error\n');
  const raised = await runPlcInProcess(['check', '--format', 'json'], join(root, 'ml', 'fraud'));
  assert.is(raised.status, 1, 'the rule level from the config above applies');
  writeFileSync(join(root, 'plc.config.yaml'), 'ignores:\n  - files: ["ml/fraud/*.pipeline.yaml"]\n    rules: [PLC2008]\n    reason: tested\n');
  const ignored = await runPlcInProcess(['check'], join(root, 'ml', 'fraud'));
  assert.is(ignored.status, 0, ignored.stderr);
  assert.match(ignored.stderr, /0 warnings, 0 infos, 1 suppressed/);
});

test.run();
