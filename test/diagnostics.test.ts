// Golden diagnostics: each fixtures/errors/<case>/ holds a broken pipeline and expected.json with
// the exact diagnostics (code, file, line, column, message) it must produce; each case trips one
// rule. The CLI must exit 1 with no stack trace and leave an existing output file untouched. Each
// fixtures/clean/<family>/ exercises one rule family correctly and must produce nothing.
// A case whose finding only a command can produce (a file that cannot be read, plc.config.yaml,
// the editor schema, deploy) holds command.json, { "args": [...] }: those plc arguments run in the
// case folder with --format json, in an environment with no AWS identity. A case about the size
// limit adds "size": { "<file>": <bytes> }: it runs on a copy whose file is padded with comment
// lines to that many bytes, so that no file of over a mebibyte sits in the repository. "needs"
// (optional) names the AWS endpoint the command talks to, in the words of the rule examples' ```sh
// blocks (startAwsWorld in test/support/aws-servers.ts): a server on 127.0.0.1 for that case alone.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnosticTable } from '../compiler/diagnostics/codes.js';
import { startAwsWorld, stopAwsWorlds } from './support/aws-servers.js';
import { compile, fixture, repo, runPlcInProcess, runPlcBinaryAsync, tempDir } from './support/helpers.js';
import { paddedWithComments } from './support/rule-examples.js';

interface Expected { code: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }

interface Reported { code: string; file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } }; message: string }

const cases = readdirSync(fixture('errors')).sort();
interface CommandCase { args: string[]; size?: Record<string, number>; needs?: string[] }

const commandOf = (name: string): CommandCase | undefined => {
  const path = fixture('errors', name, 'command.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CommandCase) : undefined;
};
const compileCases = cases.filter((name) => commandOf(name) === undefined);
const pipelineOf = (name: string) => [fixture('errors', name, 'pipeline.yaml'), fixture('errors', name, 'inner', 'pipeline.yaml')].find(existsSync)!;

/** What a command case's plc run reported, from its JSON diagnostics (stdout or stderr); undefined when its server is missing (NOT RUN). */
async function runCommandCase(name: string, command: CommandCase): Promise<Reported[] | undefined> {
  let cwd = fixture('errors', name);
  if (command.size !== undefined) {
    cwd = join(tempDir(), name);
    cpSync(fixture('errors', name), cwd, { recursive: true });
    for (const [file, bytes] of Object.entries(command.size)) writeFileSync(join(cwd, file), paddedWithComments(readFileSync(join(cwd, file), 'utf8'), bytes));
  }
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: tempDir(), NO_COLOR: '1' };
  const world = command.needs ? await startAwsWorld(command.needs, base) : { env: base, stop: async () => {} };
  if (!world) return undefined;
  try {
    // The AWS SDK reads credentials and region from process.env, not from the run's: a run against
    // the stand-in servers needs a process of its own (without blocking this one, which serves).
    const args = [...command.args, '--format', 'json'];
    const result = command.needs ? await runPlcBinaryAsync(args, { cwd, env: world.env }) : await runPlcInProcess(args, cwd, world.env);
    assert.not.match(result.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
    // The AWS commands print the compile's report, then the failed call's: two documents.
    const documents = `${result.stdout}\n${result.stderr}`.match(/^\{$[\s\S]*?^\}$/gm) ?? [];
    assert.ok(documents.length > 0, `plc ${command.args.join(' ')} printed no JSON diagnostics:\n${result.stderr}`);
    const reported = documents.flatMap((json) => (JSON.parse(json) as { diagnostics: Reported[] }).diagnostics);
    // The server's port changes from run to run; expected.json names it as the user set it.
    return reported.map((d) => ({ ...d, message: world.endpoint ? d.message.replaceAll(world.endpoint, '$AWS_ENDPOINT_URL') : d.message }));
  } finally {
    await world.stop();
  }
}

for (const name of cases) {
  test(`errors/${name}`, async () => {
    const expected = JSON.parse(readFileSync(fixture('errors', name, 'expected.json'), 'utf8')) as Expected[];
    const command = commandOf(name);
    if (command) {
      const reported = await runCommandCase(name, command);
      if (!reported) return;
      const actual = reported.map((d) => ({ code: d.code, file: d.file, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, message: d.message }));
      assert.equal(actual, expected);
      return;
    }
    const result = compile(pipelineOf(name));
    const actual = result.diagnostics.map((d) => ({
      code: d.code,
      file: relative(fixture('errors', name), join(repo, d.file)),
      line: d.range.start.line,
      column: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      message: d.message,
    }));
    assert.equal(actual, expected);
    if (result.diagnostics.some((d) => d.severity === 'error')) assert.is(result.files, undefined, 'nothing is emitted when there is an error');
    else assert.ok(result.files, 'warnings do not stop the build');
  });
}

test('each error case trips exactly one rule', async () => {
  for (const name of compileCases) {
    const codes = [...new Set(compile(pipelineOf(name)).diagnostics.map((d) => d.code))];
    assert.is(codes.length, 1, `errors/${name} trips ${codes.join(', ') || 'nothing'}`);
  }
});

// A code with no golden case is a rule whose position nobody checks (fixtures/step-checks/ holds
// the step-library rules, checked by test/step-checks.test.ts in the same format).
test('every code has a golden case with its start and end', async () => {
  const goldens = [...cases.map((name) => fixture('errors', name, 'expected.json')), ...readdirSync(fixture('step-checks')).map((name) => fixture('step-checks', name, 'expected.json')).filter(existsSync)];
  const covered = new Set(goldens.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as Expected[]).filter((e) => e.endLine !== undefined && e.endColumn !== undefined).map((e) => e.code)));
  assert.equal(Object.keys(diagnosticTable).filter((code) => !covered.has(code)), []);
});

// One clean twin per rule family band: 0xxx load/schema, 1xxx linking/names, 2xxx
// variants/config, 3xxx wiring, 4xxx script↔contract, 5xxx SageMaker limits/shapes, 6xxx graph.
const families = ['load-schema', 'linking-names', 'variants-config', 'wiring', 'script-contract', 'sagemaker-limits', 'graph'];

test('every clean family is tested', async () => {
  assert.equal(readdirSync(fixture('clean')).sort(), [...families].sort());
});

for (const family of families) {
  test(`clean/${family} has no findings`, async () => {
    const result = compile(fixture('clean', family, 'pipeline.yaml'));
    assert.equal(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`), []);
    assert.ok(result.files, 'it builds');
  });
}

test('a failing build exits 1, prints file:line:col with an excerpt and hint, no stack trace, and leaves the output alone', async () => {
  const out = join(tempDir(), 'definition.json');
  writeFileSync(out, 'earlier output\n');
  const failing = compileCases.filter((name) => compile(pipelineOf(name)).diagnostics.some((d) => d.severity === 'error'));
  const warningOnly = compileCases.filter((name) => !failing.includes(name));
  assert.equal(warningOnly, ['definition-uploaded-to-s3', 'depends-on-branch-step', 'deploy-unapproved-registration', 'network-on-transform', 'orphan-node', 'port-not-snake-case', 'script-key-not-followed', 'step-file-name-mismatch', 'suppression-hides-nothing', 'unused-default'], 'every other case has an error');
  // The in-process test above proves no case throws; through the CLI, one case per code band
  // (0xxx…7xxx) shows rendering and exit status, and keeps the suite fast.
  const bandOf = (name: string) => (JSON.parse(readFileSync(fixture('errors', name, 'expected.json'), 'utf8')) as Expected[])[0]!.code.slice(0, 4);
  const sample = [...new Map(failing.map((name) => [bandOf(name), name] as const).reverse()).values()];
  assert.ok(sample.length >= 7, `cases from ${sample.length} bands`);
  for (const name of sample) {
    const result = await runPlcInProcess(['build', pipelineOf(name), '-o', out]);
    assert.is(result.status, 1, `${name}: exit code`);
    assert.not.match(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${name}: no stack trace`);
    assert.match(result.stderr, /^\S+:\d+:\d+: error PLC\d{4}: /m, `${name}: file:line:col: error CODE: message`);
    assert.match(result.stderr, /^\s*>\s*\d+ \| /m, `${name}: source excerpt`);
    assert.is(result.stdout, '', `${name}: nothing on stdout`);
    assert.is(readFileSync(out, 'utf8'), 'earlier output\n', `${name}: output untouched`);
  }
});

test('the pretty format matches the documented shape', async () => {
  const result = await runPlcInProcess(['build', pipelineOf('unknown-key')]);
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

test('warnings are printed but do not fail the build', async () => {
  const result = await runPlcInProcess(['build', pipelineOf('unused-default')]);
  assert.is(result.status, 0);
  assert.match(result.stderr, /warning PLC2008: default "lableField"/);
  assert.ok(JSON.parse(result.stdout).Steps.length === 1);
});

test.after(stopAwsWorlds);

test.run();
