// The Tuning, Lambda, Callback and EMR kinds end to end: where consumers read their outputs, what
// each kind's Arguments and envelope hold (fixtures/builds/<kind>/ pins the whole definitions),
// and the kind rules that have no error fixture of their own.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stepKind, stepKinds } from '../compiler/kinds/registry.js';
import { sectionNames, type SageMakerKind } from '../compiler/kinds/kind.js';
import { walkFiles } from '../compiler/util/walk.js';
import { compile, fixture, repo, runPlcInProcess, tempDir, writeProject } from './support/helpers.js';

const outputLocation = (kind: SageMakerKind, step: string, port: string, path: string | undefined) => stepKind(kind).outputLocation(step, port, path);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { Name: string; Type: string; Arguments: { [key: string]: Json }; [key: string]: Json };

function steps(pipeline: string): Step[] {
  const result = compile(pipeline);
  assert.equal(result.diagnostics, []);
  return (JSON.parse(result.files![0]!.contents) as { Steps: Step[] }).Steps;
}

/** A pipeline with its own step types in a temporary folder; returns the diagnostics' codes and messages. */
function diagnose(pipeline: string, stepFiles: Record<string, string>): string[] {
  const steps = Object.fromEntries(Object.entries(stepFiles).map(([name, text]) => [`steps/${name}`, text]));
  const dir = writeProject({ ...steps, 'pipeline.yaml': `kind: Pipeline\nname: kinds\nsteps: [./steps]\n${pipeline}` });
  return compile(join(dir, 'pipeline.yaml'), dir).diagnostics.map((d) => `${d.code} ${d.message}`);
}

const lambdaStep = (extra = '') => `kind: Step
name: Ping
sagemaker: Lambda
description: Pings a Lambda function.
outputs:
  answer: { type: any, outputType: Float }
config:
  properties:
    arn: { type: string, default: "arn:aws:lambda:us-east-1:111122223333:function:ping", description: The function. }
lambda:
  functionArn: \${config.arn}
${extra}`;

test('output locations by kind: output parameters, the best training job, none for EMR', async () => {
  const get = (expr: unknown) => JSON.stringify(expr);
  assert.is(get(outputLocation('Lambda', 'L', 'out', undefined)), get({ kind: 'property', step: 'L', path: "OutputParameters['out']" }));
  assert.is(get(outputLocation('Callback', 'C', 'ok', undefined)), get({ kind: 'property', step: 'C', path: "OutputParameters['ok']" }));
  assert.is(outputLocation('EMR', 'E', 'x', undefined), undefined);
  assert.is(outputLocation('Tuning', 'T', 'x', '/opt/ml/elsewhere'), undefined);
  assert.equal(outputLocation('Tuning', 'T', 'model', '/opt/ml/model/'), {
    kind: 'join', on: '', values: [
      { kind: 'property', step: 'T', path: 'TrainingJobDefinition.OutputDataConfig.S3OutputPath' },
      { kind: 'literal', value: '/' },
      { kind: 'property', step: 'T', path: 'BestTrainingJob.TrainingJobName' },
      { kind: 'literal', value: '/output/model.tar.gz' },
    ],
  });
});

test('Lambda: FunctionArn and OutputParameters beside Arguments, typed arguments, wired outputs', async () => {
  const [pick, prep, announce] = steps(fixture('builds', 'lambda', 'pipeline.yaml'));
  assert.equal(Object.keys(pick!), ['Name', 'Type', 'Arguments', 'CacheConfig', 'FunctionArn', 'OutputParameters']);
  assert.equal(pick!.Arguments['limit'], { Get: 'Parameters.Limit' }, 'an Integer parameter keeps its type');
  assert.not.ok('tag' in pick!.Arguments, 'an argument bound to an unset optional field is left out');
  assert.equal(pick!['OutputParameters'], [{ OutputName: 'dataset', OutputType: 'String' }, { OutputName: 'rows', OutputType: 'Integer' }]);
  const input = (prep!.Arguments['ProcessingInputs'] as { InputName: string; S3Input: { S3Uri: Json } }[]).find((i) => i.InputName === 'data')!;
  assert.equal(input.S3Input.S3Uri, { Get: "Steps.pick.OutputParameters['dataset']" });
  assert.equal(announce!['OutputParameters'], [], 'always present, as the SDK writes it');
});

test('Callback: SqsQueueUrl, and its output parameters read by another step', async () => {
  const [approve, record] = steps(fixture('builds', 'callback', 'pipeline.yaml'));
  assert.is(approve!['SqsQueueUrl'], 'https://sqs.us-east-1.amazonaws.com/111122223333/approvals');
  assert.equal(record!.Arguments['approved'], { Get: "Steps.approve.OutputParameters['approved']" });
});

test('EMR: ClusterId or ClusterConfig, and a StepConfig with only HadoopJarStep', async () => {
  const [aggregate, exported] = steps(fixture('builds', 'emr', 'pipeline.yaml'));
  assert.equal(Object.keys(aggregate!.Arguments), ['ClusterId', 'ExecutionRoleArn', 'StepConfig']);
  assert.equal(Object.keys(exported!.Arguments), ['ClusterConfig', 'StepConfig']);
  assert.equal(Object.keys(exported!.Arguments['StepConfig'] as object), ['HadoopJarStep']);
});

test('Tuning: the training job becomes TrainingJobDefinition, and consumers read the best job\'s model', () => {
  const [, tune, model] = steps(fixture('builds', 'tuning', 'pipeline.yaml'));
  const definition = tune!.Arguments['TrainingJobDefinition'] as { [key: string]: Json };
  assert.ok(definition['StaticHyperParameters'] && !('HyperParameters' in definition));
  assert.equal(Object.keys((tune!.Arguments['HyperParameterTuningJobConfig'] as { ParameterRanges: object }).ParameterRanges), ['ContinuousParameterRanges', 'IntegerParameterRanges']);
  const url = JSON.stringify((model!.Arguments['PrimaryContainer'] as { ModelDataUrl: Json }).ModelDataUrl);
  assert.match(url, 'Steps.tune.BestTrainingJob.TrainingJobName');
});

test('FunctionArn is a plain string: a parameter bound to it is an error', async () => {
  const found = diagnose('parameters: { Arn: { type: String } }\nnodes:\n  ping: { step: Ping, config: { arn: "${params.Arn}" } }\n', { 'ping.step.yaml': lambdaStep() });
  assert.equal(found, ['PLC0101 "lambda.functionArn" (for node "ping", parameter Arn) must be a plain string, not a pipeline parameter or execution variable']);
});

test('kind sections: compute: on a Lambda step, and a missing lambda: section', async () => {
  const withCompute = diagnose('nodes:\n  ping: { step: Ping }\n', { 'ping.step.yaml': lambdaStep('compute: { image: fakeimage }\n') });
  assert.equal(withCompute, ['PLC5011 compute: is for Processing, Training, Tuning, Model, Transform, RegisterModel, QualityCheck and ClarifyCheck steps; step type Ping is of kind Lambda']);
  const without = diagnose('nodes:\n  ping: { step: Ping }\n', { 'ping.step.yaml': lambdaStep().replace(/lambda:\n.*\n$/, '') });
  assert.equal(without, ['PLC0103 Lambda step type Ping is missing required key "lambda"']);
});

test('outputType is for Lambda and Callback outputs only', async () => {
  const found = diagnose('nodes:\n  e: { step: Aggregate }\n', {
    'aggregate.step.yaml': 'kind: Step\nname: Aggregate\nsagemaker: EMR\ndescription: Aggregates.\noutputs:\n  x: { type: any, outputType: String }\nemr: { clusterId: j-1, jar: a.jar }\n',
  });
  assert.equal(found, [
    'PLC5011 outputs: is for Processing, Training, Tuning, Model, Transform, RegisterModel, Lambda, Callback, QualityCheck and ClarifyCheck steps; step type Aggregate is of kind EMR',
    'PLC5011 outputs.x.outputType: is for Lambda and Callback steps; step type Aggregate is of kind EMR',
  ]);
});

test('plc steps list shows HyperparameterTuning, and plc check steps finds nothing in it', async () => {
  const list = await runPlcInProcess(['steps', 'list']);
  assert.is(list.status, 0);
  assert.match(list.stdout, /^HyperparameterTuning +Tuning /m);
  const check = await runPlcInProcess(['check', 'steps/hyperparameter-tuning.step.yaml']);
  assert.is(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout + check.stderr, '0 errors, 0 warnings');
});

test('experiment: false leaves PipelineExperimentConfig out of the definition', async () => {
  const dir = tempDir();
  const text = readFileSync(fixture('builds/job-settings/pipeline.yaml'), 'utf8').replace(/^experiment: .*$/m, 'experiment: false');
  writeFileSync(join(dir, 'pipeline.yaml'), text);
  cpSync(fixture('builds/job-settings/steps'), join(dir, 'steps'), { recursive: true });
  const result = compile(join(dir, 'pipeline.yaml'), dir);
  assert.equal(result.diagnostics, []);
  const definition = JSON.parse(result.files![0]!.contents) as Record<string, unknown>;
  assert.equal(Object.keys(definition), ['Version', 'Metadata', 'Parameters', 'Steps']);
});

test('the kind registry holds every kind of the step schema, once, each in its own folder', async () => {
  const schema = JSON.parse(readFileSync(join(repo, 'schema/step.schema.json'), 'utf8')) as { properties: { sagemaker: { enum: string[] } } };
  const names = stepKinds.map((k) => k.name);
  assert.equal([...names].sort(), [...schema.properties.sagemaker.enum].sort());
  assert.is(new Set(names).size, names.length);
});

test('a variant may change every settings section a step document has', async () => {
  const schema = JSON.parse(readFileSync(join(repo, 'schema/step.schema.json'), 'utf8')) as { definitions: { variant: { properties: Record<string, unknown> } } };
  assert.equal(sectionNames.filter((section) => !(section in schema.definitions.variant.properties)), []);
});

test('processing.env is the environment of a container of its own; beside a script it is PLC5071', async () => {
  const step = (script: string) => `kind: Step\nname: Tool\nsagemaker: Processing\ndescription: Runs a tool.\n${script}processing:\n  env: { MODE: fast }\ncompute: { image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/tool:1, instanceType: ml.m5.large }\n`;
  const pipeline = 'codePrefix: s3://bucket/code\ndefaults: { role: "arn:aws:iam::111122223333:role/R", outputPrefix: s3://bucket/out }\nnodes:\n  tool: { step: Tool }\n';
  assert.equal(diagnose(pipeline, { 'tool.step.yaml': step('') }), []);
  assert.equal(diagnose(pipeline, { 'tool.step.yaml': step('script: { entryPoint: tool.py }\n'), 'tool.py': 'print(1)\n' }), ['PLC5071 processing step type Tool has both script and processing.env']);
});

test('a node\'s ports: value may be a String parameter; another type is PLC0101, at the node', () => {
  const step = 'kind: Step\nname: Tool\nsagemaker: Processing\ndescription: Runs a tool.\ninputs:\n  data: { type: dataset, path: /opt/ml/processing/input/data }\nprocessing:\n  containerArguments: [--fast]\ncompute: { image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/tool:1, instanceType: ml.m5.large }\n';
  const pipeline = (type: string) => `parameters: { Mode: { type: ${type}, default: ${type === 'String' ? 'Pipe' : 1} } }\ndefaults: { role: "arn:aws:iam::111122223333:role/R", outputPrefix: s3://bucket/out }\nnodes:\n  tool: { step: Tool, inputs: { data: s3://bucket/in }, ports: { data: { inputMode: "\${params.Mode}" } } }\n`;
  assert.equal(diagnose(pipeline('String'), { 'tool.step.yaml': step }), []);
  assert.equal(diagnose(pipeline('Integer'), { 'tool.step.yaml': step }), ['PLC0101 "ports.data.inputMode" of node "tool" (parameter Mode, Integer) must be a string']);
});

test('each item of a node\'s ports: list is a string: a parameter of another type is PLC0101 at the item', () => {
  const step = 'kind: Step\nname: Fit\nsagemaker: Training\ndescription: Fits a model.\ninputs:\n  data: { type: dataset, path: /opt/ml/input/data/data }\noutputs:\n  model: { type: model, path: /opt/ml/model }\ncompute: { image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/fit:1, instanceType: ml.m5.large }\n';
  const pipeline = (type: string) => `parameters: { Attribute: { type: ${type}, default: ${type === 'String' ? 'label' : 1} } }\ndefaults: { role: "arn:aws:iam::111122223333:role/R", outputPrefix: s3://bucket/out }\nnodes:\n  fit: { step: Fit, inputs: { data: s3://bucket/in }, ports: { data: { dataType: AugmentedManifestFile, attributeNames: [source-ref, "\${params.Attribute}"] } } }\n`;
  assert.equal(diagnose(pipeline('String'), { 'fit.step.yaml': step }), []);
  assert.equal(diagnose(pipeline('Integer'), { 'fit.step.yaml': step }), ['PLC0101 "ports.data.attributeNames.1" of node "fit" (parameter Attribute, Integer) must be a string']);
});

test('a file: wire is the file in a Transform as in a check step: TransformInput reads the object\'s key (an S3Prefix of the whole key)', () => {
  const dir = writeProject({
    'steps/records.step.yaml': 'kind: Step\nname: Records\nsagemaker: Processing\ndescription: Writes one file of records.\noutputs:\n  records: { type: dataset, path: /opt/ml/processing/output/records, file: records.csv }\nprocessing:\n  containerArguments: [--write]\ncompute: { image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/tool:1, instanceType: ml.m5.large }\n',
    'pipeline.yaml': 'kind: Pipeline\nname: score\nsteps: [./steps]\ndefaults: { role: "arn:aws:iam::111122223333:role/R", outputPrefix: s3://bucket/out }\nnodes:\n  records: { step: Records }\n  score: { step: BatchTransform, jobType: testing, inputs: { model_name: fraud-model, data: records.records } }\n',
  });
  const result = compile(join(dir, 'pipeline.yaml'), dir);
  assert.equal(result.diagnostics, []);
  const score = (JSON.parse(result.files![0]!.contents) as { Steps: Step[] }).Steps.find((s) => s.Name === 'score')!;
  const source = (score.Arguments['TransformInput'] as { DataSource: { S3DataSource: { S3DataType: string; S3Uri: { 'Std:Join': { Values: Json[] } } } } }).DataSource.S3DataSource;
  assert.is(source.S3DataType, 'S3Prefix');
  assert.is(source.S3Uri['Std:Join'].Values.at(-1), '/records.csv');
});

// Passes ask compiler/kinds/registry.ts; only a kind's own folder may name it (docs/compiler.md).
// Generated tables (the API limits by kind) are data, not code.
test('no compiler, CLI or AWS module outside compiler/kinds/ names a step kind', async () => {
  const kindName = new RegExp(`['"](${stepKinds.map((k) => k.name).join('|')})['"]`);
  const naming = ['compiler', 'bin', 'aws'].flatMap((folder) => {
    const root = join(repo, folder);
    const files = walkFiles(root, { file: (name) => name.endsWith('.ts'), skipFolder: () => false }).files;
    return files.map((file) => `${folder}/${file.slice(root.length + 1)}`).filter((file) => {
      const text = readFileSync(join(repo, file), 'utf8');
      return !file.startsWith('compiler/kinds/') && !text.startsWith('// Generated') && kindName.test(text);
    });
  });
  assert.equal(naming, []);
});

test.run();
