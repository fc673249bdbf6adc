// Model governance end to end: QualityCheck and ClarifyCheck steps (fixtures/builds/governance/ pins
// the whole definition; fixtures/sdk-oracles/ the SDK's shape), the analysis configuration plc
// writes for Clarify, and a RegisterModel step's metrics and drift baselines wired from them.
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, fixture, writeProject } from './support/helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { Name: string; Type: string; Arguments: { [key: string]: Json }; [key: string]: Json };

const governance = () => compile(fixture('builds', 'governance', 'pipeline.yaml'));
const stepsOf = (contents: string) => (JSON.parse(contents) as { Steps: Step[] }).Steps;

/** A pipeline of built-in step types in a temporary folder. */
function build(nodes: string, header = 'region: us-east-1\ncodePrefix: s3://bucket/code\n') {
  const dir = writeProject({ 'pipeline.yaml': `kind: Pipeline\nname: governance-case\n${header}defaults:\n  role: arn:aws:iam::111122223333:role/SageMakerExecution\n  outputPrefix: s3://bucket/out\nnodes:\n${nodes}` });
  return compile(join(dir, 'pipeline.yaml'), dir);
}

test('each check kind runs its region\'s image, and a Clarify analysis configuration is a content-addressed file under codePrefix', () => {
  const result = governance();
  assert.equal(result.diagnostics, []);
  const steps = stepsOf(result.files![0]!.contents);
  const image = (name: string) => (steps.find((s) => s.Name === name)!.Arguments['AppSpecification'] as { ImageUri: string }).ImageUri;
  assert.is(image('data-quality'), '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer');
  assert.is(image('data-bias'), '205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0');
  const bias = steps.find((s) => s.Name === 'data-bias')!;
  const input = (bias.Arguments['ProcessingInputs'] as { InputName: string; S3Input: { S3Uri: string; LocalPath: string } }[])[0]!;
  assert.is(input.InputName, 'analysis_config');
  assert.is(input.S3Input.LocalPath, '/opt/ml/processing/input/config');
  const key = input.S3Input.S3Uri.replace('s3://my-ml-bucket/plc/', '');
  const object = result.ir!.code.find((c) => c.key === key);
  assert.ok(object, `the definition reads ${key}, and plc writes it`);
  assert.equal(JSON.parse(Buffer.from(object!.bytes).toString('utf8')), {
    dataset_type: 'text/csv',
    label: 'is_fraud',
    label_values_or_threshold: [1],
    facet: [{ name_or_index: 'customer_gender_female', value_or_threshold: [1] }],
    methods: { pre_training_bias: { methods: 'all' }, report: { name: 'report', title: 'Analysis Report' } },
  });
  assert.match(key, /^config\/[0-9a-f]{64}\/analysis_config\.json$/);
});

test('RegisterModel reads every baseline from the check steps\' properties, with customer metadata, domain and task', () => {
  const steps = stepsOf(governance().files![0]!.contents);
  const args = steps.find((s) => s.Name === 'register')!.Arguments;
  const metrics = args['ModelMetrics'] as { [group: string]: { [member: string]: { ContentType: string; S3Uri: Json } } };
  assert.equal(Object.keys(metrics), ['ModelQuality', 'ModelDataQuality', 'Bias', 'Explainability']);
  assert.equal(metrics['Bias']!['PreTrainingReport'], { ContentType: 'application/json', S3Uri: { Get: 'Steps.data-bias.CalculatedBaselineConstraints' } });
  const drift = args['DriftCheckBaselines'] as { [group: string]: { [member: string]: { S3Uri: Json } } };
  assert.equal(Object.keys(drift), ['Bias', 'Explainability', 'ModelQuality', 'ModelDataQuality']);
  assert.equal(drift['ModelDataQuality']!['Statistics']!.S3Uri, { Get: 'Steps.data-quality.BaselineUsedForDriftCheckStatistics' });
  assert.equal([args['CustomerMetadataProperties'], args['Domain'], args['Task']], [{ owner: 'risk-modelling-team' }, 'MACHINE_LEARNING', 'CLASSIFICATION']);
  // A wired property is a dependency: the registration waits for every check without DependsOn.
  assert.not.ok('DependsOn' in steps.find((s) => s.Name === 'register')!);
});

test('check flags: defaults, parameters, and unset optional members left out', () => {
  const result = build('  check: { step: DataQualityCheck, inputs: { data: s3://bucket/train } }\n');
  assert.equal(result.diagnostics, []);
  const [check] = stepsOf(result.files![0]!.contents);
  assert.equal(Object.keys(check!).filter((key) => !['Name', 'Type', 'Arguments'].includes(key)), ['CheckType', 'SkipCheck', 'FailOnViolation', 'RegisterNewBaseline']);
  assert.equal([check!['SkipCheck'], check!['FailOnViolation'], check!['RegisterNewBaseline']], [false, true, false]);
  // The result folder goes below outputPrefix, under the name the SDK gives the output.
  const output = (check!.Arguments['ProcessingOutputConfig'] as { Outputs: { OutputName: string; S3Output: { S3Uri: Json } }[] }).Outputs[0]!;
  assert.equal([output.OutputName, output.S3Output.S3Uri], ['quality_check_output', 's3://bucket/out/check/report']);
});

test('a baseline output cannot be placed: SageMaker decides where the check writes it', () => {
  const result = build('  check: { step: DataQualityCheck, inputs: { data: s3://bucket/train }, outputs: { calculated_baseline_statistics: s3://bucket/mine } }\n');
  assert.equal(result.diagnostics.map((d) => `${d.code} ${d.message}`), ['PLC3014 node "check" places output "calculated_baseline_statistics", but the outputs of a QualityCheck step are not S3 locations it writes to']);
});

test('a region without the check kind\'s image is reported at region:', () => {
  const result = build('  bias: { step: DataBiasCheck, inputs: { data: s3://bucket/train }, config: { labelField: y, facet: f } }\n', 'region: il-central-1\ncodePrefix: s3://bucket/code\n');
  assert.equal(result.diagnostics.map((d) => [d.code, d.range.start.line]), [['PLC7003', 3]]);
  assert.match(result.diagnostics[0]!.message, 'SageMaker Clarify image: region "il-central-1" is not available');
});

test('a ModelBias check names the model Clarify serves, wired from a Model step', () => {
  const result = build(`  model: { step: XGBoostModel, inputs: { model: s3://bucket/model.tar.gz } }
  bias:
    step: ModelBiasCheck
    inputs: { data: s3://bucket/train, model_name: model.model_name }
    config: { labelField: y, facet: f }
`);
  assert.equal(result.diagnostics, []);
  const bias = stepsOf(result.files![0]!.contents).find((s) => s.Name === 'bias')!;
  assert.equal([bias['CheckType'], bias['ModelName']], ['MODEL_BIAS', { Get: 'Steps.model.ModelName' }]);
});

test('a RegisterModel step type without slots keeps its metrics and constraints roles', () => {
  const dir = writeProject({
    'steps/two-metrics.step.yaml': `kind: Step
name: TwoMetrics
sagemaker: RegisterModel
description: Registers a model with two metrics inputs and no slots.
inputs:
  model: { type: model, description: The model. }
  a: { type: metrics, description: One. }
  b: { type: metrics, description: Two. }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1
registration:
  modelPackageGroup: g
`,
    'pipeline.yaml': 'kind: Pipeline\nname: two\nsteps: [./steps]\ndefaults:\n  role: arn:aws:iam::111122223333:role/SageMakerExecution\n  outputPrefix: s3://bucket/out\nnodes:\n  r: { step: TwoMetrics, inputs: { model: s3://b/m.tar.gz, a: s3://b/a.json, b: s3://b/b.json } }\n',
  });
  assert.equal(compile(join(dir, 'pipeline.yaml'), dir).diagnostics.map((d) => d.code), ['PLC5013']);
});

test('a ModelBias or ModelExplainability check needs a predictor with instance_type and initial_instance_count (PLC0103)', () => {
  const step = (type: string, predictor: string) => `kind: Step
name: Check
sagemaker: ClarifyCheck
description: Checks a model's predictions.
inputs:
  data: { type: dataset, description: The data set. }
  model: { type: model-name, description: The model Clarify serves. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: ${type}
  analysis:
    dataset_type: text/csv
    label: y
    label_values_or_threshold: [1]
    facet: [{ name_or_index: f }]
${predictor}    methods: { post_training_bias: { methods: all }, shap: { num_samples: 10 } }
`;
  const pipeline = 'kind: Pipeline\nname: p\nregion: us-east-1\ncodePrefix: s3://bucket/code\nsteps: [./steps]\ndefaults:\n  role: arn:aws:iam::111122223333:role/SageMakerExecution\n  outputPrefix: s3://bucket/out\nnodes:\n  c: { step: Check, inputs: { data: s3://bucket/d, model: m } }\n';
  const diagnose = (type: string, predictor: string) => {
    const dir = writeProject({ 'steps/check.step.yaml': step(type, predictor), 'pipeline.yaml': pipeline });
    return compile(join(dir, 'pipeline.yaml'), dir).diagnostics.map((d) => `${d.code} ${d.message}`);
  };
  assert.equal(diagnose('ModelBias', '    predictor: { instance_type: ml.m5.xlarge, initial_instance_count: 1 }\n'), []);
  assert.equal(diagnose('ModelBias', ''), ['PLC0103 check.analysis of ModelBias step type Check is missing required key "predictor"']);
  assert.equal(diagnose('ModelExplainability', '    predictor: { instance_type: ml.m5.xlarge }\n'), ['PLC0103 check.analysis.predictor of ModelExplainability step type Check is missing required key "initial_instance_count"']);
});

test.run();
