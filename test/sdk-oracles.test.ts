// The SageMaker SDK's own expected definitions (fixtures/sdk-oracles/), written as plc YAML
// (fixtures/oracles/<case>/), must compile to JSON-equal steps. Each deliberate difference is
// normalised below with the reason next to it.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, definitionViolations, fixture } from './support/helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function oracle(name: string): { [key: string]: Json } {
  return JSON.parse(readFileSync(fixture('sdk-oracles', `${name}.json`), 'utf8')) as { [key: string]: Json };
}

function compiledDefinition(name: string): { [key: string]: Json } {
  const result = compile(fixture('oracles', name, 'oracle.pipeline.yaml'));
  assert.equal(result.diagnostics, [], `${name} compiles without diagnostics`);
  return JSON.parse(result.files![0]!.contents) as { [key: string]: Json };
}

function compiledStep(name: string, stepName: string): { [key: string]: Json } {
  const definition = compiledDefinition(name) as unknown as { Steps: { Name: string }[] };
  const step = definition.Steps.find((s) => s.Name === stepName);
  assert.ok(step, `step ${stepName} is emitted`);
  return step as unknown as { [key: string]: Json };
}

/** A Std:Join of literals only is the joined string; plc folds such joins at compile time. */
function foldConstantJoins(value: Json): Json {
  if (Array.isArray(value)) return value.map(foldConstantJoins);
  if (value === null || typeof value !== 'object') return value;
  const join = value['Std:Join'] as { On: string; Values: Json[] } | undefined;
  if (join && join.Values.every((v) => typeof v === 'string')) return join.Values.join(join.On);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, foldConstantJoins(v)]));
}

test('processing-step.json: the SDK processing step', () => {
  const step = compiledStep('processing-step', 'MyProcessingStep');
  const args = step['Arguments'] as { [key: string]: Json };
  // The oracle's role "DummyRole" is not a valid ARN (RoleArn needs arn:aws:iam::<12 digits>:role/...).
  assert.is(args['RoleArn'], 'arn:aws:iam::123456789012:role/SageMakerRole');
  args['RoleArn'] = 'DummyRole';
  // The oracle's LocalPath "processing_manifest" is relative; SageMaker needs an absolute container path.
  const input = (args['ProcessingInputs'] as { S3Input: { LocalPath: string } }[])[0]!;
  assert.is(input.S3Input.LocalPath, '/opt/ml/processing/input/processing_manifest');
  input.S3Input.LocalPath = 'processing_manifest';
  // The oracle's property file names an output ("evaluation") its step never declares, which fails at
  // run time; plc requires the output, so the step also has a ProcessingOutputConfig.
  const outputs = args['ProcessingOutputConfig'] as { Outputs: { OutputName: string }[] };
  assert.equal(outputs.Outputs.map((o) => o.OutputName), ['evaluation']);
  delete args['ProcessingOutputConfig'];
  assert.equal(step, oracle('processing-step'));
});

test('training-step.json: the SDK training step', () => {
  const step = compiledStep('training-step', 'MyTrainingStep');
  const args = step['Arguments'] as { [key: string]: Json };
  // Same stand-in role as above.
  assert.is(args['RoleArn'], 'arn:aws:iam::123456789012:role/SageMakerRole');
  args['RoleArn'] = 'DummyRole';
  // The oracle writes s3://a/b as Std:Join("/", ["s3:/", "a", "b"]); plc folds constant joins.
  assert.equal(step, foldConstantJoins(oracle('training-step')));
});

test('transform-step.json: the SDK transform step', () => {
  const step = compiledStep('transform-step', 'MyTransformStep');
  const args = step['Arguments'] as { TransformOutput: { S3OutputPath: Json }; TransformResources: { InstanceType: Json } };
  // The test gives its Transformer no output path, so the SDK writes null, which CreateTransformJob
  // refuses (S3OutputPath is required); plc writes <outputPrefix>/<step name>/<port>.
  assert.is(args.TransformOutput.S3OutputPath, 's3://my-bucket/oracle/MyTransformStep/predictions');
  args.TransformOutput.S3OutputPath = null;
  // The oracle's instance type "c4.4xlarge" is no transform instance type (PLC5015); it needs the ml. prefix.
  assert.is(args.TransformResources.InstanceType, 'ml.c4.4xlarge');
  args.TransformResources.InstanceType = 'c4.4xlarge';
  assert.equal(step, oracle('transform-step'));
});

/**
 * Every Std:Join as one with On "" and its separators folded into the neighbouring strings:
 * Join(": ", ["a", x]) and Join("", ["a: ", x]) evaluate to the same text.
 */
function joinsWithoutSeparator(value: Json): Json {
  if (Array.isArray(value)) return value.map(joinsWithoutSeparator);
  if (value === null || typeof value !== 'object') return value;
  const join = value['Std:Join'] as { On: string; Values: Json[] } | undefined;
  if (!join) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, joinsWithoutSeparator(v)]));
  const parts: Json[] = [];
  join.Values.map(joinsWithoutSeparator).forEach((part, i) => {
    for (const piece of i > 0 && join.On !== '' ? [join.On, part] : [part]) {
      const last = parts.at(-1);
      if (typeof piece !== 'object' && typeof last === 'string') parts[parts.length - 1] = last + String(piece);
      else parts.push(typeof piece === 'object' ? piece : String(piece));
    }
  });
  return { 'Std:Join': { On: '', Values: parts } };
}

test('condition-step-full-definition.json: every condition form, branches nested, the referenced step after', () => {
  const definition = compiledDefinition('condition-step');
  // The SDK test's CustomStep is a Training step with empty Arguments, which no real job has; the
  // stand-in NoopTraining compiles to a full training job, so its Arguments are compared as {}.
  const steps = definition['Steps'] as { Name: string; Arguments: { [key: string]: Json } }[];
  const condition = steps[0]!.Arguments as { IfSteps: { Arguments: Json }[]; ElseSteps: { Arguments: Json }[] };
  for (const step of [...condition.IfSteps, ...condition.ElseSteps, steps[1]!]) step.Arguments = {};
  assert.equal(definition, oracle('condition-step-full-definition'));
});

test('fail-step-join-steps.json: a fail message that reads a condition outcome', () => {
  const steps = compiledDefinition('fail-step')['Steps'] as Json;
  // The SDK joins with On ": "; plc writes every join with On "" (docs/decisions.md), same text.
  assert.equal(joinsWithoutSeparator(steps), joinsWithoutSeparator(JSON.parse(readFileSync(fixture('sdk-oracles', 'fail-step-join-steps.json'), 'utf8')) as Json));
});

test('register-model-steps.json: a registered model with metrics, drift-check baselines, payload and tags', () => {
  const step = compiledStep('register-model', 'RegisterModelStep-RegisterModel');
  const specification = (step['Arguments'] as { InferenceSpecification: { [key: string]: Json } }).InferenceSpecification;
  // The oracle's MIME and instance types ("content_type", "inference_instance", …) are stand-ins
  // that CreateModelPackage would refuse; the fixture names real ones.
  const standIns = { SupportedContentTypes: ['text/csv', 'content_type'], SupportedResponseMIMETypes: ['application/json', 'response_type'], SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large', 'inference_instance'], SupportedTransformInstanceTypes: ['ml.m5.xlarge', 'transform_instance'] };
  for (const [field, [real, standIn]] of Object.entries(standIns)) {
    assert.equal(specification[field], [real], field);
    specification[field] = [standIn!];
  }
  // The SDK writes empty Bias and Explainability objects when they are not given; plc leaves them out.
  const metrics = (step['Arguments'] as { ModelMetrics: { [key: string]: Json } }).ModelMetrics;
  assert.equal(Object.keys(metrics), ['ModelQuality']);
  (step['Arguments'] as { ModelMetrics: { [key: string]: Json } }).ModelMetrics = { Bias: {}, Explainability: {}, ...metrics };
  assert.equal(step, (oracle('register-model-steps') as unknown as { [key: string]: Json }[])[0]);
});

test('lambda-outputs-full-definition.json: Lambda steps and a wired output parameter, whole definition', () => {
  const result = compile(fixture('oracles', 'lambda-outputs', 'oracle.pipeline.yaml'));
  assert.equal(result.diagnostics, [], 'lambda-outputs compiles without diagnostics');
  const definition = JSON.parse(result.files![0]!.contents) as { Steps: { [key: string]: Json }[] };
  // The oracle's TestStep is the SDK test helper CustomStep: Type Training with empty Arguments, which
  // no real job has. plc stands in a real job (the Noop processing step, as the other oracles do) and
  // the comparison puts the helper's shape back.
  const testStep = definition.Steps.at(-1)!;
  assert.equal([testStep['Name'], testStep['Type']], ['TestStep', 'Processing']);
  definition.Steps[definition.Steps.length - 1] = { Name: 'TestStep', Type: 'Training', Arguments: {} };
  assert.equal(definition, oracle('lambda-outputs-full-definition'));
});

/**
 * The SDK tests build one pipeline per check step; the plc fixture holds them all in one, each after
 * the one before (a node with no neighbour is PLC6003), so DependsOn is dropped before comparing.
 * Each step's RoleArn is the real-looking role the others use, for the oracle's stand-in "DummyRole".
 */
function checkSteps(name: string): { [key: string]: Json }[] {
  const steps = compiledDefinition(name)['Steps'] as { [key: string]: Json }[];
  return steps.map((step) => {
    const { DependsOn: _, ...rest } = step;
    const args = rest['Arguments'] as { [key: string]: Json };
    assert.is(args['RoleArn'], 'arn:aws:iam::123456789012:role/SageMakerRole');
    args['RoleArn'] = 'DummyRole';
    return rest;
  });
}

/** What the SDK test's _get_step_definition_for_test does: pop S3Uri from the inputs and outputs it does not skip. */
function popLocations(step: { [key: string]: Json }, keep: string[]): void {
  const args = step['Arguments'] as { ProcessingInputs: { InputName: string; S3Input: { [key: string]: Json } }[]; ProcessingOutputConfig: { Outputs: { OutputName: string; S3Output: { [key: string]: Json } }[] } };
  for (const input of args.ProcessingInputs) if (!keep.includes(input.InputName)) delete input.S3Input['S3Uri'];
  for (const output of args.ProcessingOutputConfig.Outputs) if (!keep.includes(output.OutputName)) delete output.S3Output['S3Uri'];
}

test('quality-check-steps.json: data quality and model quality checks, with the SDK test\'s own S3Uri popping', () => {
  const [dataQuality, modelQuality] = checkSteps('quality-check');
  popLocations(dataQuality!, ['baseline_dataset_input', 'quality_check_output']);
  popLocations(modelQuality!, []);
  // The model quality test is parametrised; the fixture is its case 0 → "0", whose four attributes
  // the test pops from the environment after asserting them.
  const environment = (modelQuality!['Arguments'] as { Environment: { [key: string]: Json } }).Environment;
  for (const name of ['inference_attribute', 'probability_attribute', 'ground_truth_attribute', 'probability_threshold_attribute']) {
    assert.is(environment[name], '0', name);
    delete environment[name];
  }
  // The data quality test opts in to use_custom_job_prefix, so its job is named; plc leaves job names to SageMaker.
  (dataQuality!['Arguments'] as { [key: string]: Json })['ProcessingJobName'] = 'CheckJobPrefix';
  assert.equal([dataQuality, modelQuality], oracle('quality-check-steps') as unknown as Json);
});

test('clarify-check-steps.json: data bias, model bias and model explainability checks', () => {
  const steps = checkSteps('clarify-check');
  for (const step of steps) {
    const args = step['Arguments'] as { ProcessingInputs: { InputName: string; S3Input: { S3Uri: Json } }[] };
    // plc writes the analysis configuration content-addressed under codePrefix, as it ships code
    // (docs/decisions.md); the SDK uploads it to the analysis-config or output path without a hash.
    const config = args.ProcessingInputs.find((input) => input.InputName === 'analysis_config')!;
    assert.match(String(config.S3Input.S3Uri), /^s3:\/\/my-bucket\/analysis_cfg_output\/config\/[0-9a-f]{64}\/analysis_config\.json$/);
    config.S3Input.S3Uri = step['Name'] === 'DataBiasCheckStep' ? 's3://my_bucket/analysis_cfg_output/analysis_config.json' : 's3://my_bucket/output/analysis_config.json';
    // The SDK's stand-in model name "model_name" is not a SageMaker model name (no underscores); the fixture wires "model-name".
    if ('ModelName' in step) {
      assert.is(step['ModelName'], 'model-name');
      step['ModelName'] = 'model_name';
    }
  }
  // The data bias test opts in to use_custom_job_prefix, so its job is named; plc leaves job names to SageMaker.
  const [dataBias] = steps;
  (dataBias!['Arguments'] as { [key: string]: Json })['ProcessingJobName'] = 'CheckJobPrefix';
  assert.equal(steps, oracle('clarify-check-steps') as unknown as Json);
});

test('the oracle fixtures compile to definitions the SageMaker API model accepts', () => {
  for (const name of ['processing-step', 'training-step', 'lambda-outputs', 'condition-step', 'fail-step', 'register-model', 'transform-step', 'quality-check', 'clarify-check']) {
    const result = compile(fixture('oracles', name, 'oracle.pipeline.yaml'));
    const violations = definitionViolations(result.files![0]!.contents);
    if (violations) assert.equal(violations, [], name);
  }
});

test.run();
