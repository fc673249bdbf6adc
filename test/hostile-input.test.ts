// Hostile and odd input: links out of the project, link loops, deep nesting, very long chains,
// long file names in archives and unwritable outputs all end in a diagnostic or a clear message
// with the right exit code — never a stack trace, never a file from outside the project.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { list } from 'tar';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { archive } from '../compiler/lower/code-bundle.js';
import { compile, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const header = (extra = '') => `kind: Pipeline
name: hostile
region: us-east-1
codePrefix: s3://bucket/code
${extra}defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
`;

/** A project with a step library holding a processing step whose sourceDir is `src`. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'project/steps/src'), { recursive: true });
  writeFileSync(join(dir, 'project/steps/src/run.py'), 'print("run")\n');
  writeFileSync(join(dir, 'project/steps/tool.step.yaml'), 'kind: Step\nname: Tool\nsagemaker: Processing\nscript: { entryPoint: run.py, sourceDir: src }\ncompute: { image: my-image, instanceType: ml.m5.xlarge }\n');
  writeFileSync(join(dir, 'project/p.pipeline.yaml'), header('steps: [./steps]\n') + 'nodes:\n  t: { step: Tool }\n');
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside/secret.txt'), 'secret\n');
  writeFileSync(join(dir, 'outside/evil.step.yaml'), 'kind: Step\nname: Evil\nsagemaker: Processing\ncompute: { image: x, instanceType: ml.m5.xlarge }\n');
  return dir;
}

const codes = (dir: string) => compile(join(dir, 'project/p.pipeline.yaml'), join(dir, 'project')).diagnostics.map((d) => `${d.code} ${d.message}`);

test('a link in sourceDir that leads out of it is reported, and nothing outside is read', async () => {
  const dir = project();
  symlinkSync(join(dir, 'outside/secret.txt'), join(dir, 'project/steps/src/secret.txt'));
  assert.equal(codes(dir), ['PLC4002 sourceDir "src" of step type Tool holds secret.txt, which links outside its folder']);
});

test('a step-library link out of the library is reported and its step type is not loaded', async () => {
  const dir = project();
  symlinkSync(join(dir, 'outside'), join(dir, 'project/steps/more'));
  symlinkSync(join(dir, 'outside/evil.step.yaml'), join(dir, 'project/steps/evil.step.yaml'));
  const found = codes(dir);
  assert.is(found.length, 2, found.join('\n'));
  assert.ok(found.every((line) => /^PLC1003 step library ".*(more|evil\.step\.yaml)" links outside its folder$/.test(line)), found.join('\n'));
});

test('looping and broken links are reported, not followed', async () => {
  const dir = project();
  symlinkSync('..', join(dir, 'project/steps/src/loop'));
  symlinkSync('nowhere.py', join(dir, 'project/steps/src/broken.py'));
  symlinkSync('self', join(dir, 'project/steps/src/self'));
  const found = codes(dir);
  assert.ok(found.some((line) => line.includes('holds broken.py, which is a broken or looping link')), found.join('\n'));
  assert.ok(found.some((line) => line.includes('holds self, which is a broken or looping link')), found.join('\n'));
  assert.ok(found.some((line) => line.includes('holds loop, which links outside its folder')), found.join('\n'));
});

test('node_modules and hidden folders are not step libraries', async () => {
  const dir = tempDir();
  cpSync(join(repo, 'steps'), join(dir, 'node_modules/plc/steps'), { recursive: true });
  cpSync(join(repo, 'steps'), join(dir, '.cache/steps'), { recursive: true });
  writeFileSync(join(dir, 'p.pipeline.yaml'), header('steps: [.]\n') + '  labelField: label\nnodes:\n  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://b/in } }\n');
  assert.equal(compile(join(dir, 'p.pipeline.yaml'), dir).diagnostics, []);
});

test('deeply nested YAML is a diagnostic', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'deep.pipeline.yaml'), `kind: Pipeline\nname: deep\nnodes:\n  a:\n    step: X\n    config:\n      x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
  const result = await runPlcInProcess(['build', 'deep.pipeline.yaml'], dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /deep.pipeline.yaml:7:\d+: error PLC0001: YAML syntax error: the document is nested too deeply/);
  assert.ok(result.stderr.split('\n').every((line) => line.length < 200), 'long lines are cut in the excerpt');
});

test('a 5000-node chain is checked without running out of stack', async () => {
  const dir = tempDir();
  const nodes = Array.from({ length: 5000 }, (_, i) => `  n${i}: { step: Tool${i > 0 ? `, after: [n${i - 1}]` : ''} }`);
  nodes.push('  n0-again: { step: Tool, after: [n4999] }');
  writeFileSync(join(dir, 'chain.pipeline.yaml'), header() + 'nodes:\n' + nodes.join('\n') + '\n');
  const result = compile(join(dir, 'chain.pipeline.yaml'), dir);
  // Every node names an unknown step type; the point is that the graph checks finish.
  assert.is(result.diagnostics.filter((d) => d.code === 'PLC1001').length, 5001);
});

test('definition size: over 100 KB is a note (deploys upload it), over 1,048,576 characters an error', async () => {
  const dir = tempDir();
  // Chained by after:, so no node stands alone (PLC6003).
  const nodes = (count: number) => Array.from({ length: count }, (_, i) => `  n${i}: { step: TabularPreprocessing, jobType: testing, inputs: { data: s3://bucket/in }${i > 0 ? `, after: [n${i - 1}]` : ''} }`).join('\n');
  const write = (name: string, count: number) => {
    writeFileSync(join(dir, name), header() + '  labelField: label\nnodes:\n' + nodes(count) + '\n');
    return compile(join(dir, name), dir);
  };
  // The limits apply to the compact JSON deploy sends (about 1.4 KB per node here).
  const medium = write('medium.pipeline.yaml', 100);
  assert.equal(medium.diagnostics.map((d) => d.code), ['PLC5019']);
  assert.ok(medium.files, 'a note does not stop the build');
  const huge = write('huge.pipeline.yaml', 900);
  assert.equal(huge.diagnostics.map((d) => d.code), ['PLC5018']);
  assert.is(huge.files, undefined);
});

test('archives keep file names longer than 100 characters (PAX headers)', async () => {
  const long = `${'deeply/'.repeat(16)}module_with_a_long_name.py`;
  const bytes = archive({ hash: 'x', entryPoint: 'train.py', files: [{ path: long, bytes: Buffer.from('x = 1\n'), source: `/src/${long}` }, { path: 'train.py', bytes: Buffer.from('print(1)\n'), source: '/src/train.py' }] });
  const file = join(tempDir(), 'sourcedir.tar.gz');
  writeFileSync(file, bytes);
  const names: string[] = [];
  await list({ file, onReadEntry: (entry) => names.push(entry.path) });
  assert.equal(names, [long, 'train.py']);
});

test('unwritable outputs are a clear message with exit 2, and no definition is written before code', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a-file'), '');
  const example = join(repo, 'examples/tabular-xgboost.pipeline.yaml');
  const toFolder = await runPlcInProcess(['build', example, '-o', dir]);
  assert.is(toFolder.status, 2);
  assert.is(toFolder.stderr, `plc: cannot write ${dir}: it is a folder; give a file name\n`);
  const underFile = await runPlcInProcess(['build', example, '-o', join(dir, 'out.json'), '--emit-code', join(dir, 'a-file')]);
  assert.is(underFile.status, 2);
  assert.match(underFile.stderr, /^plc: cannot write .*a-file\/code\/.*: a file stands where a folder is needed\n$/);
  assert.throws(() => readFileSync(join(dir, 'out.json')), 'the definition was not written');
});

test.run();
