// End-to-end builds: the bundled example compiles to a definition the SageMaker API model
// accepts, byte-identically across runs and library orders, and the CLI's options behave.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, definitionViolations, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const example = join(repo, 'examples/tabular-xgboost.pipeline.yaml');

test('the example builds to a definition whose every step conforms to the botocore request shapes', async () => {
  const result = await runPlcInProcess(['build', example]);
  assert.is(result.stderr, '');
  assert.is(result.status, 0);
  const violations = definitionViolations(result.stdout);
  if (violations) assert.equal(violations, []);
  const definition = JSON.parse(result.stdout);
  assert.equal(definition.Steps.map((s: { Name: string; Type: string }) => `${s.Name}:${s.Type}`), ['prep-train:Processing', 'train:Training']);
});

test('output is byte-stable: 2-space JSON with a trailing newline, identical across runs', async () => {
  const first = (await runPlcInProcess(['build', example])).stdout;
  const second = (await runPlcInProcess(['build', example])).stdout;
  assert.is(first, second);
  assert.ok(first.endsWith('}\n'));
  assert.is(first, JSON.stringify(JSON.parse(first), null, 2) + '\n');
});

test('the order step libraries are listed in does not change the output', async () => {
  const dir = tempDir();
  cpSync(join(repo, 'fixtures/oracles/training-step'), dir, { recursive: true });
  cpSync(join(dir, 'steps'), join(dir, 'more-steps'), { recursive: true });
  // Split the library in two folders, then list them both ways round.
  for (const file of readdirSync(join(dir, 'steps'))) if (file.startsWith('noop')) rmSync(join(dir, 'steps', file));
  for (const file of readdirSync(join(dir, 'more-steps'))) if (!file.startsWith('noop')) rmSync(join(dir, 'more-steps', file));
  const pipeline = readFileSync(join(dir, 'oracle.pipeline.yaml'), 'utf8');
  writeFileSync(join(dir, 'a.pipeline.yaml'), pipeline.replace('steps: [./steps]', 'steps: [./steps, ./more-steps]'));
  writeFileSync(join(dir, 'b.pipeline.yaml'), pipeline.replace('steps: [./steps]', 'steps: [./more-steps, ./steps]'));
  const a = await runPlcInProcess(['build', 'a.pipeline.yaml'], dir);
  const b = await runPlcInProcess(['build', 'b.pipeline.yaml'], dir);
  assert.is(a.status, 0, a.stderr);
  assert.is(a.stdout, b.stdout);
});

test('code is content-addressed: the S3 key changes exactly when the script changes', async () => {
  const dir = tempDir();
  cpSync(join(repo, 'steps'), join(dir, 'steps'), { recursive: true });
  const pipeline = readFileSync(example, 'utf8').replace('codePrefix:', 'steps: [./steps]\ncodePrefix:');
  writeFileSync(join(dir, 'p.pipeline.yaml'), pipeline);
  const keys = () => compile(join(dir, 'p.pipeline.yaml'), dir).ir!.code.map((c) => c.key);
  const folderOf = (all: string[], file: string) => all.find((key) => key.endsWith(file))!.split('/').slice(0, 2).join('/');
  // The project's copies clash with the built-in steps unless marked as overrides.
  for (const file of readdirSync(join(dir, 'steps')).filter((name) => name.endsWith('.step.yaml'))) {
    const path = join(dir, 'steps', file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^sagemaker:/m, 'override: true\nsagemaker:'));
  }
  const before = keys();
  assert.equal(keys(), before);
  writeFileSync(join(dir, 'steps/scripts/xgboost_training.py'), '# changed\n', { flag: 'a' });
  const after = keys();
  assert.is(folderOf(after, '/tabular_preprocessing.py'), folderOf(before, '/tabular_preprocessing.py'), 'the preprocessing code is unchanged');
  assert.is.not(folderOf(after, '/sourcedir.tar.gz'), folderOf(before, '/sourcedir.tar.gz'), 'the training archive has a new key');
});

test('--emit-code writes the code objects the definition points at', async () => {
  const out = tempDir();
  const result = await runPlcInProcess(['build', example, '-o', join(out, 'definition.json'), '--emit-code', join(out, 'code')]);
  assert.is(result.status, 0, result.stderr);
  const definition = readFileSync(join(out, 'definition.json'), 'utf8');
  const ir = compile(example).ir!;
  assert.is(new Set(ir.code.map((object) => object.key.split('/')[1])).size, 2, 'one code folder per step type');
  for (const object of ir.code) {
    const hashFolder = object.key.split('/').slice(0, 2).join('/');
    assert.ok(definition.includes(`s3://my-ml-bucket/plc/${hashFolder}/`), `${object.key} is referenced`);
    assert.equal(readFileSync(join(out, 'code', object.key)), Buffer.from(object.bytes));
  }
  const script = ir.code.find((c) => c.key.endsWith('/tabular_preprocessing.py'))!;
  assert.equal(Buffer.from(script.bytes), readFileSync(join(repo, 'steps/scripts/tabular_preprocessing.py')));
  const archive = gunzipSync(ir.code.find((c) => c.key.endsWith('sourcedir.tar.gz'))!.bytes);
  const headerNames = Array.from({ length: archive.length / 512 }, (_, i) => archive.subarray(i * 512, i * 512 + 100).toString('latin1').replace(/\0+$/, ''));
  assert.ok(headerNames.includes('scripts/xgboost_training.py'), 'the archive holds the entry point');
  assert.ok(headerNames.includes('scripts/plc_step.py'), 'and the modules it includes');
  assert.match(definition, /"sagemaker_program": "\\"scripts\/xgboost_training.py\\""/);
  assert.match(result.stderr, new RegExp(`${ir.code.length} code object\\(s\\)`));
});

test('--help lists examples; --version prints the package version; usage mistakes exit 2', async () => {
  const help = await runPlcInProcess(['build', '--help']);
  assert.is(help.status, 0);
  assert.match(help.stdout, /Examples:/);
  assert.match(help.stdout, /--emit-code/);
  assert.is((await runPlcInProcess(['--version'])).stdout.trim(), JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
  for (const args of [[], ['build'], ['frobnicate'], ['build', example, '--backend', 'nope']]) {
    const result = await runPlcInProcess(args);
    assert.is(result.status, 2, args.join(' '));
    assert.match(result.stderr, /plc --help/);
  }
});

test('a missing pipeline file is a diagnostic, not a crash', async () => {
  const result = await runPlcInProcess(['build', 'no/such.pipeline.yaml']);
  assert.is(result.status, 1);
  assert.match(result.stderr, /error PLC0003: cannot read no\/such.pipeline.yaml: no such file/);
});

test.run();
