// The backends: the registry (every folder under compiler/backends/ is one registered backend),
// the graph backend's Mermaid and DOT (golden files in fixtures/backends/, from a real build and
// from hand-built IR with condition branches, which lower does not produce yet), the
// CloudFormation template (checked by cfn-lint), determinism, and how `plc build` places files.
// Update a golden file only after reading its diff (plc build … --backend graph -o fixtures/backends/).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Backend, EmittedFile } from '../compiler/backends/backend.js';
import { cloudformationBackend } from '../compiler/backends/cloudformation/cloudformation-backend.js';
import { dotString } from '../compiler/backends/graph/dot.js';
import { graphBackend } from '../compiler/backends/graph/graph-backend.js';
import { mermaidText } from '../compiler/backends/graph/mermaid.js';
import { backendLoaders, backendNames } from '../compiler/backends/registry.js';
import { definitionText } from '../compiler/backends/sagemaker/sagemaker-backend.js';
import { compilePipeline } from '../compiler/driver.js';
import { literal, type Expr } from '../compiler/ir/expr.js';
import type { PipelineIR } from '../compiler/ir/pipeline.js';
import type { ProcessingStepIR } from '../compiler/kinds/processing/ir.js';
import { available, fixture, parsePython, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const example = join(repo, 'examples/xgboost-e2e.pipeline.yaml');

function compileWith(backend: Backend, pipeline = example): EmittedFile[] {
  const result = compilePipeline(pipeline, { cwd: repo, parsePython, backend });
  assert.equal(result.diagnostics, []);
  return result.files!;
}

/** Compiled once per backend: compiling the example is the slow part of these tests. */
const built = new Map<Backend, EmittedFile[]>();
const build = (backend: Backend): EmittedFile[] => built.get(backend) ?? built.set(backend, compileWith(backend)).get(backend)!;

const contentsOf = (files: EmittedFile[], name: string): string => files.find((f) => f.name === name)!.contents;

/** A processing step with only what the graph looks at filled in. */
function processing(name: string, extra: Partial<ProcessingStepIR> = {}): ProcessingStepIR {
  return {
    kind: 'Processing', name, dependsOn: [], retry: [],
    image: literal('image'), role: literal('arn:aws:iam::111122223333:role/R'),
    resources: { instanceType: literal('ml.m5.xlarge'), instanceCount: literal(1), volumeSizeGB: literal(30) },
    arguments: [], environment: [], inputs: [], outputs: [], propertyFiles: [], tags: [],
    ...extra,
  };
}

const output = (step: string, port: string): Expr => ({ kind: 'property', step, path: `ProcessingOutputConfig.Outputs['${port}'].S3Output.S3Uri` });

/** Evaluate, then a condition on the evaluation's AUC: register on success, fail otherwise. */
/** The experiment config every pipeline has unless it turns it off. */
const experiment: PipelineIR['experiment'] = { experimentName: { kind: 'execution', name: 'PipelineName' }, trialName: { kind: 'execution', name: 'PipelineExecutionId' } };

const conditionIR: PipelineIR = {
  name: 'gated',
  parameters: [],
  code: [],
  tags: [],
  experiment,
  edges: [{ from: { step: 'prepare', port: 'processed_data' }, to: { step: 'evaluate', port: 'eval_data' } }],
  steps: [
    processing('prepare', { origin: { stepType: 'TabularPreprocessing', jobType: 'calibration' } }),
    processing('evaluate', {
      origin: { stepType: 'XGBoostModelEval' },
      inputs: [{ name: 'eval_data', localPath: '/opt/ml/processing/input/eval_data', source: output('prepare', 'processed_data') }],
      propertyFiles: [{ name: 'EvaluationReport', output: 'metrics', path: 'metrics.json' }],
    }),
    {
      kind: 'Condition', name: 'auc-gate', dependsOn: [], retry: [],
      conditions: [{ kind: 'compare', op: 'GreaterThanOrEqualTo', left: { kind: 'jsonGet', step: 'evaluate', propertyFile: 'EvaluationReport', path: 'metrics.auc' }, right: literal(0.8) }],
      ifSteps: [processing('publish', { dependsOn: ['prepare'], inputs: [{ name: 'model', localPath: '/opt/ml/processing/input/model', source: output('evaluate', 'metrics') }] })],
      elseSteps: [{ kind: 'Fail', name: 'too-weak', dependsOn: [], retry: [], errorMessage: { kind: 'join', on: '', values: [literal('AUC below 0.8 in '), { kind: 'execution', name: 'PipelineExecutionId' }] } }],
    },
  ],
};

test('the registry lists every backend, and every folder under compiler/backends/ is one', async () => {
  assert.equal(backendNames, ['sagemaker', 'cloudformation', 'graph']);
  const folders = readdirSync(join(repo, 'compiler/backends'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.equal([...folders].sort(), [...backendNames].sort(), 'a backend is its folder plus one line in registry.ts');
  for (const name of backendNames) {
    const backend = await backendLoaders[name]();
    assert.type(backend.emit, 'function', name);
  }
});

test('graph: the example as Mermaid and DOT (then laid out as SVG and an HTML page), data edges labelled with their ports', async () => {
  const files = build(graphBackend);
  assert.equal(files.map((f) => f.name), ['xgboost-e2e.mmd', 'xgboost-e2e.dot', 'xgboost-e2e.svg', 'xgboost-e2e.html']);
  assert.ok(contentsOf(files, 'xgboost-e2e.html').includes(contentsOf(files, 'xgboost-e2e.svg').slice(contentsOf(files, 'xgboost-e2e.svg').indexOf('<svg'))), 'the page holds the SVG');
  assert.fixture(contentsOf(files, 'xgboost-e2e.mmd'), readFileSync(fixture('backends', 'xgboost-e2e.mmd'), 'utf8'));
  assert.fixture(contentsOf(files, 'xgboost-e2e.dot'), readFileSync(fixture('backends', 'xgboost-e2e.dot'), 'utf8'));
});

test('graph: a condition is a diamond with then/else edges, Fail an octagon/hexagon, DependsOn dashed', async () => {
  const [mermaid, dot] = graphBackend.emit(conditionIR);
  assert.fixture(mermaid!.contents, readFileSync(fixture('backends', 'condition.mmd'), 'utf8'));
  assert.fixture(dot!.contents, readFileSync(fixture('backends', 'condition.dot'), 'utf8'));
});

test('graph: labels are escaped for Mermaid and DOT', async () => {
  assert.is(mermaidText('a "b" <i>#1</i> & c|d `e`\nf'), 'a #34;b#34; #60;i#62;#35;1#60;/i#62; #38; c#124;d #96;e#96;<br/>f');
  assert.is(dotString('say "hi"\\n\nnext'), '"say \\"hi\\"\\\\n\\nnext"');
  const hostile: PipelineIR = { name: 'p "x"', parameters: [], code: [], tags: [], experiment, steps: [processing('a', { origin: { stepType: 'T"]; s9["x' } }), processing('b', { dependsOn: ['a'] })] };
  const [mermaid, dot] = graphBackend.emit(hostile);
  assert.ok(mermaid!.contents.includes('  s1["a<br/>T#34;]; s9[#34;x"]\n'), mermaid!.contents);
  assert.ok(mermaid!.contents.includes('  s1 -.-> s2\n'));
  assert.ok(mermaid!.contents.startsWith('---\ntitle: "p \\"x\\""\n---\n'));
  assert.ok(dot!.contents.startsWith('digraph "p \\"x\\"" {\n'));
  assert.ok(dot!.contents.includes('  "a" [label="a\\nT\\"]; s9[\\"x"];\n'), dot!.contents);
  assert.ok(dot!.contents.includes('  "a" -> "b" [style=dashed];\n'));
});

test('every backend is deterministic: two compilations, the same bytes', async () => {
  for (const name of backendNames) {
    const backend = await backendLoaders[name]();
    assert.equal(compileWith(backend), compileWith(backend), name);
  }
  assert.equal(graphBackend.emit(conditionIR), graphBackend.emit(structuredClone(conditionIR)));
});

/** The condition IR plus a job with its own role: no single role to default RoleArn to. */
const twoRolesIR: PipelineIR = { ...conditionIR, steps: [...conditionIR.steps, processing('other', { role: literal('arn:aws:iam::111122223333:role/Other') })] };

test('cloudformation: an AWS::SageMaker::Pipeline template carrying the sagemaker backend\'s definition', () => {
  const [file, ...rest] = build(cloudformationBackend);
  assert.is(rest.length, 0);
  assert.is(file!.name, 'xgboost-e2e.template.json');
  const template = JSON.parse(file!.contents);
  const properties = template.Resources.Pipeline.Properties;
  assert.is(template.Resources.Pipeline.Type, 'AWS::SageMaker::Pipeline');
  assert.is(properties.PipelineName, 'xgboost-e2e');
  assert.is(properties.PipelineDescription, 'Tabular XGBoost training with calibration, packaging and model registration.');
  assert.is(properties.PipelineDefinition.PipelineDefinitionBody, readFileSync(fixture('builds/examples/xgboost-e2e.json'), 'utf8'), 'the golden definition, byte for byte');
  assert.equal(properties.RoleArn, { Ref: 'RoleArn' });
  assert.is(template.Parameters.RoleArn.Default, 'arn:aws:iam::111122223333:role/SageMakerExecution', 'the role every job shares');
  assert.equal(Object.keys(template.Outputs), ['PipelineName', 'PipelineArn']);

  const twoRoles = JSON.parse(cloudformationBackend.emit(twoRolesIR)[0]!.contents);
  assert.is(twoRoles.Parameters.RoleArn.Default, undefined, 'no shared role, no default');
  assert.is(twoRoles.Resources.Pipeline.Properties.PipelineDefinition.PipelineDefinitionBody, definitionText(twoRolesIR));
});

/** The pipeline-level settings of a pipeline file, as AWS::SageMaker::Pipeline properties. */
const jobSettingsTemplate = (): EmittedFile => compileWith(cloudformationBackend, fixture('builds/job-settings/pipeline.yaml'))[0]!;

test('cloudformation: the pipeline\'s display name, parallelism and tags', () => {
  const { PipelineDefinition: _definition, ...properties } = JSON.parse(jobSettingsTemplate().contents).Resources.Pipeline.Properties;
  assert.equal(properties, {
    PipelineName: 'job-settings',
    PipelineDisplayName: 'Job-Settings',
    RoleArn: { Ref: 'RoleArn' },
    ParallelismConfiguration: { MaxParallelExecutionSteps: 4 },
    Tags: [{ Key: 'team', Value: 'fraud' }, { Key: 'cost-center', Value: 'ml-42' }],
  });
});

test('cloudformation: cfn-lint finds nothing in the templates', async () => {
  const dir = tempDir();
  const templates = [build(cloudformationBackend)[0]!, cloudformationBackend.emit(twoRolesIR)[0]!, jobSettingsTemplate()];
  for (const { name, contents } of templates) writeFileSync(join(dir, name), contents);
  // One run for both: cfn-lint takes seconds to start.
  const result = spawnSync('cfn-lint', ['--format', 'parseable', ...templates.map((t) => join(dir, t.name))], { encoding: 'utf8' });
  if (!available(result.error === undefined, 'cfn-lint', 'pip install cfn-lint')) return;
  assert.is(result.stdout + result.stderr, '', 'no findings');
  assert.is(result.status, 0);
});

test('plc build --backend: unknown names are a usage error listing the backends', async () => {
  const result = await runPlcInProcess(['build', example, '--backend', 'nonsense']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /Choices: "sagemaker", "cloudformation", "graph"/);
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
});

test('plc build --backend graph: Mermaid on stdout, -o FILE.ext picks a format, -o DIR/ writes all four', async () => {
  const [mermaid, dot] = build(graphBackend);
  const stdout = await runPlcInProcess(['build', example, '--backend', 'graph']);
  assert.is(stdout.status, 0, stdout.stderr);
  assert.is(stdout.stdout, mermaid!.contents);

  const dir = tempDir();
  assert.is((await runPlcInProcess(['build', example, '--backend', 'graph', '-o', join(dir, 'g.dot')])).status, 0);
  assert.is(readFileSync(join(dir, 'g.dot'), 'utf8'), dot!.contents);

  const all = await runPlcInProcess(['build', example, '--backend', 'graph', '-o', join(dir, 'out') + '/']);
  assert.is(all.status, 0, all.stderr);
  assert.equal(readdirSync(join(dir, 'out')).sort(), ['xgboost-e2e.dot', 'xgboost-e2e.html', 'xgboost-e2e.mmd', 'xgboost-e2e.svg']);
  assert.is(readFileSync(join(dir, 'out', 'xgboost-e2e.mmd'), 'utf8'), mermaid!.contents);

  const wrong = await runPlcInProcess(['build', example, '--backend', 'graph', '-o', join(dir, 'g.png')]);
  assert.is(wrong.status, 2);
  assert.is(wrong.stderr, `plc: -o ${join(dir, 'g.png')}: this backend emits xgboost-e2e.mmd and xgboost-e2e.dot and xgboost-e2e.svg and xgboost-e2e.html; name a file ending in .mmd or .dot or .svg or .html for one of them, or a folder ending in / for all\n`);
});

test('plc build -o DIR/ writes a one-file backend under its own name', async () => {
  const dir = tempDir();
  const result = await runPlcInProcess(['build', example, '--backend', 'cloudformation', '-o', dir + '/']);
  assert.is(result.status, 0, result.stderr);
  assert.is(readFileSync(join(dir, 'xgboost-e2e.template.json'), 'utf8'), build(cloudformationBackend)[0]!.contents);
});

test('plc graph prints Mermaid, or DOT with --format dot, the same text the graph backend writes', async () => {
  const mermaid = await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml']);
  assert.is(mermaid.status, 0, mermaid.stderr);
  assert.fixture(mermaid.stdout, readFileSync(fixture('backends', 'xgboost-e2e.mmd'), 'utf8'));
  const dot = await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml', '--format', 'dot']);
  assert.is(dot.status, 0, dot.stderr);
  assert.fixture(dot.stdout, readFileSync(fixture('backends', 'xgboost-e2e.dot'), 'utf8'));
  assert.is((await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml', '--format', 'png'])).status, 2);
  const out = tempDir();
  const contradicting = await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml', '--format', 'dot', '-o', join(out, 'g.mmd')]);
  assert.is(contradicting.status, 2);
  assert.match(contradicting.stderr, /--format dot, but -o .*g\.mmd names a mermaid file/);
  assert.is((await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml', '--format', 'dot', '-o', join(out, 'g.txt')])).status, 0);
  assert.fixture(readFileSync(join(out, 'g.txt'), 'utf8'), readFileSync(fixture('backends', 'xgboost-e2e.dot'), 'utf8'));
});

test.run();
