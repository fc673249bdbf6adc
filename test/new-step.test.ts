// plc new step: for every kind, the scaffold passes plc check as written, builds in a pipeline
// that sets what the step needs, and its script's test passes; names and existing files are
// refused with exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { kindOptions } from '../bin/scaffold/step-templates.js';
import { available, definitionViolations, pythonHas, repo, runPlcInProcess, tempDir } from './support/helpers.js';

/** What a node of each kind needs to build: its required inputs and config. */
const nodes: Record<string, { inputs?: Record<string, string>; config?: Record<string, string> }> = {
  processing: { inputs: { data: '${params.InputUri}' } },
  training: { inputs: { training_data: '${params.InputUri}' } },
  tuning: { inputs: { training_data: '${params.InputUri}' } },
  model: { inputs: { model: 's3://my-bucket/models/model.tar.gz' } },
  transform: { inputs: { model_name: 'my-model', data: '${params.InputUri}' } },
  'register-model': { inputs: { model: 's3://my-bucket/models/model.tar.gz' }, config: { modelPackageGroup: 'my-models' } },
  lambda: { config: { functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:my-function' } },
  callback: { config: { queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/my-queue' } },
  emr: { config: { clusterId: 'j-1ABCDEFGHIJKL', scriptUri: 's3://my-bucket/jobs/job.py' } },
  'quality-check': { inputs: { data: '${params.InputUri}' } },
  'clarify-check': { inputs: { data: '${params.InputUri}' }, config: { labelField: 'label', facet: 'gender' } },
};

const python = '/usr/bin/python3';

function pipeline(step: string, kind: string): string {
  return stringify({
    kind: 'Pipeline',
    name: 'demo',
    region: 'us-east-1',
    codePrefix: 's3://my-bucket/plc',
    steps: ['./steps'],
    parameters: { InputUri: { type: 'String', default: 's3://my-bucket/data' } },
    defaults: { role: 'arn:aws:iam::111122223333:role/SageMakerExecution', outputPrefix: 's3://my-bucket/pipelines' },
    nodes: { node: { step, ...nodes[kind] } },
  });
}

test('--kind covers every SageMaker kind the step schema knows, each named after its folder', async () => {
  const schema = JSON.parse(readFileSync(join(repo, 'schema/step.schema.json'), 'utf8')) as { properties: { sagemaker: { enum: string[] } } };
  assert.equal([...kindOptions.values()].map((kind) => kind.name).sort(), [...schema.properties.sagemaker.enum].sort());
  assert.equal([...kindOptions.keys()].sort(), Object.keys(nodes).sort());
  for (const option of kindOptions.keys()) assert.ok(existsSync(join(repo, 'compiler/kinds', option, 'scaffold.ts')), option);
});

for (const kind of kindOptions.keys()) {
  test(`plc new step --kind ${kind}: plc check finds nothing, a pipeline using it builds, its script's test passes`, async () => {
    const project = tempDir();
    const created = await runPlcInProcess(['new', 'step', 'MyNewStep', '--kind', kind], project);
    assert.is(created.status, 0, created.stderr);
    assert.ok(existsSync(join(project, 'steps/my-new-step.step.yaml')));
    const check = await runPlcInProcess(['check'], project);
    assert.is(check.status, 0, check.stderr);
    assert.match(check.stderr, /1 file \(0 pipelines, 1 step type\), 0 nodes: 0 errors, 0 warnings, 0 infos/);

    writeFileSync(join(project, 'demo.pipeline.yaml'), pipeline('MyNewStep', kind));
    const build = await runPlcInProcess(['build', 'demo.pipeline.yaml', '-o', 'build/definition.json'], project);
    assert.is(build.status, 0, build.stderr);
    assert.is(build.stderr, '');
    const definition = readFileSync(join(project, 'build/definition.json'), 'utf8');
    assert.equal((JSON.parse(definition) as { Steps: { Name: string; Type: string }[] }).Steps.map((s) => [s.Name, s.Type]), [['node', kindOptions.get(kind)!.name]]);
    const violations = definitionViolations(definition);
    if (violations) assert.equal(violations, []);

    const scripted = ['processing', 'training', 'tuning'].includes(kind);
    assert.is(existsSync(join(project, 'steps/scripts/my_new_step.py')), scripted);
    assert.is(existsSync(join(project, 'steps/scripts/tests/test_my_new_step.py')), scripted);
    if (scripted && available(pythonHas(python, ['unittest']), python, 'apt-get install python3')) {
      const result = spawnSync(python, ['-m', 'unittest', 'discover', '-s', 'steps/scripts/tests'], { cwd: project, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
      assert.is(result.status, 0, result.stderr);
      assert.match(result.stderr, /^OK$/m);
    }
  });
}

const modeline = (file: string) => /^# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(file, 'utf8'))?.[1];

test('in a plc init project the modeline names the schema init wrote, from any --dir', async () => {
  const project = join(tempDir(), 'demo');
  assert.is((await runPlcInProcess(['init', project])).status, 0);
  const schema = readFileSync(join(project, '.plc/step.schema.json'), 'utf8');
  const created = await runPlcInProcess(['new', 'step', 'Ingest', '--dir', 'lib/steps'], project);
  assert.is(created.status, 0, created.stderr);
  assert.not.match(created.stdout, /\.plc/);
  assert.match(created.stdout, /steps: \[\.\/lib\/steps\]/);
  const step = join(project, 'lib/steps/ingest.step.yaml');
  assert.is(modeline(step), '../../.plc/step.schema.json');
  assert.is(readFileSync(join(dirname(step), modeline(step)!), 'utf8'), schema);
  const check = await runPlcInProcess(['check'], project);
  assert.is(check.status, 0, check.stderr);
  assert.match(check.stderr, /\(1 pipeline, 1 step type\), 2 nodes: 0 errors, 0 warnings, 0 infos/);
});

test('outside a plc init project it writes the schema its modeline names', async () => {
  const project = tempDir();
  const created = await runPlcInProcess(['new', 'step', 'Ingest', '--kind', 'model'], project);
  assert.is(created.status, 0, created.stderr);
  assert.match(created.stdout, /^ {2}\.plc\/step\.schema\.json$/m);
  assert.is(modeline(join(project, 'steps/ingest.step.yaml')), '../.plc/step.schema.json');
  assert.is(readFileSync(join(project, '.plc/step.schema.json'), 'utf8'), readFileSync(join(repo, 'schema/step.schema.json'), 'utf8'));
});

test('plc new step refuses to overwrite: exit 2, names the files, writes nothing', async () => {
  const project = tempDir();
  mkdirSync(join(project, 'steps/scripts'), { recursive: true });
  writeFileSync(join(project, 'steps/scripts/my_new_step.py'), 'mine\n');
  const result = await runPlcInProcess(['new', 'step', 'MyNewStep'], project);
  assert.is(result.status, 2);
  assert.match(result.stderr, /^plc: new step writes nothing, since these files exist: steps\/scripts\/my_new_step\.py\n/);
  assert.not.match(result.stderr, /\n\s+at /);
  assert.is(readFileSync(join(project, 'steps/scripts/my_new_step.py'), 'utf8'), 'mine\n');
  assert.not.ok(existsSync(join(project, 'steps/my-new-step.step.yaml')));
  assert.not.ok(existsSync(join(project, '.plc')));

  const other = tempDir();
  assert.is((await runPlcInProcess(['new', 'step', 'Report', '--kind', 'lambda'], other)).status, 0);
  const again = await runPlcInProcess(['new', 'step', 'Report', '--kind', 'emr'], other);
  assert.is(again.status, 2);
  assert.match(again.stderr, /these files exist: steps\/report\.step\.yaml\n/);
  assert.match(readFileSync(join(other, 'steps/report.step.yaml'), 'utf8'), /^sagemaker: Lambda$/m);
});

test('a name that is not PascalCase exits 2 with the suggested spelling; a built-in name exits 2', async () => {
  const project = tempDir();
  for (const [name, fix] of [['my-new-step', 'MyNewStep'], ['my_new_step', 'MyNewStep'], ['myNewStep', 'MyNewStep']] as const) {
    const result = await runPlcInProcess(['new', 'step', name], project);
    assert.is(result.status, 2, name);
    assert.match(result.stderr, `plc: "${name}" is not a step type name`);
    assert.match(result.stderr, `did you mean "${fix}"?`);
  }
  const hopeless = await runPlcInProcess(['new', 'step', '42'], project);
  assert.is(hopeless.status, 2);
  assert.not.match(hopeless.stderr, /did you mean/);
  const builtin = await runPlcInProcess(['new', 'step', 'XGBoostTraining', '--kind', 'training'], project);
  assert.is(builtin.status, 2);
  assert.match(builtin.stderr, /^plc: XGBoostTraining is a built-in step type/);
  assert.not.ok(existsSync(join(project, 'steps')));
});

test('an unknown --kind exits 2 and lists the kinds; --help shows examples', async () => {
  const result = await runPlcInProcess(['new', 'step', 'MyNewStep', '--kind', 'batch'], tempDir());
  assert.is(result.status, 2);
  assert.match(result.stderr, /Argument: kind, Given: "batch", Choices: "processing", "training", "tuning", "model", "transform", "register-model", "lambda", "callback", "emr"/);
  const help = await runPlcInProcess(['new', 'step', '--help']);
  assert.is(help.status, 0);
  assert.match(help.stdout, /Examples:\n\s+plc new step CleanData /);
  assert.match(help.stdout, /--kind lambda --dir lib/);
});

test.run();
