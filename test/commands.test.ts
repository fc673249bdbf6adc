// plc explain, plc steps and plc schema, through the real CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { diagnosticTable, type DiagnosticCode } from '../compiler/diagnostics/codes.js';
import { explainCode, renderDiagnosticsReference } from '../compiler/diagnostics/reference.js';
import { fixture, repo, runPlcInProcess } from './support/helpers.js';

const example = 'examples/tabular-xgboost.pipeline.yaml';

test('plc explain shows every config value of a node with its layer and file:line', async () => {
  const result = await runPlcInProcess(['explain', example, 'train', '--json']);
  assert.is(result.status, 0, result.stderr);
  const explanation = JSON.parse(result.stdout) as { stepType: string; config: { field: string; value?: string; layer: string; location?: { file: string; range: { start: { line: number } } } }[] };
  assert.is(explanation.stepType, 'XGBoostTraining');
  const byField = new Map(explanation.config.map((c) => [c.field, c]));
  const where = (field: string) => {
    const entry = byField.get(field)!;
    return `${entry.layer} ${entry.value} ${entry.location?.file}:${entry.location?.range.start.line}`;
  };
  assert.is(where('numRound'), `node config 200 ${example}:33`);
  assert.is(where('maxDepth'), `node config "\${params.MaxDepth}" ${example}:32`);
  assert.is(where('labelField'), `pipeline defaults "is_fraud" ${example}:18`);
  assert.is(where('eta'), 'step default 0.3 steps/xgboost-training.step.yaml:33');
  assert.is(byField.get('objective')!.layer, 'unset');
  for (const entry of explanation.config) if (entry.layer !== 'unset') assert.ok(entry.location, `${entry.field} has a location`);
});

test('plc explain shows the data options of a node\'s ports, each from the step type\'s port or the node\'s ports:', async () => {
  const pipeline = fixture('builds/port-options/pipeline.yaml');
  const options = async (node: string) => {
    const result = await runPlcInProcess(['explain', pipeline, node, '--format', 'json']);
    assert.is(result.status, 0, result.stderr);
    const explanation = JSON.parse(result.stdout) as { ports: { option: string; value: string; layer: string; location: { file: string; range: { start: { line: number } } } }[] };
    return explanation.ports.map((p) => `${p.option} ${p.value} ${p.layer} ${p.location.file}:${p.location.range.start.line}`);
  };
  const at = 'fixtures/builds/port-options/pipeline.yaml';
  assert.equal(await options('train'), [
    `training_data.contentType "text/libsvm" node ports ${at}:29`,
    `training_data.distribution "ShardedByS3Key" node ports ${at}:29`,
    `training_data.inputMode "\${params.TrainInputMode}" node ports ${at}:29`,
    `training_data.compression "Gzip" node ports ${at}:29`,
  ]);
  assert.equal((await options('tune')).map((line) => line.split(' ')[0]), ['training_data.contentType', 'training_data.distribution', 'training_data.inputMode', 'training_data.compression', 'training_data.recordWrapper', 'training_data.dataType']);
  // XGBoostTraining declares text/csv on its channel; a node that sets nothing keeps it.
  const flagship = await runPlcInProcess(['explain', example, 'train']);
  assert.match(flagship.stdout, /\nports:\n  training_data\.contentType +"text\/csv" +step type port +steps\/xgboost-training\.step\.yaml:12:/);
});

test('plc explain shows derived values and says where the template is', async () => {
  const result = await runPlcInProcess(['explain', fixture('builds/variants/pipeline.yaml'), 'apply-testing']);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stdout, /node apply-testing → SageMaker step apply-testing: FitApply \(Processing\), job type testing/);
  assert.match(result.stdout, /reportName +"variants-testing-v1" +derived +fixtures\/builds\/variants\/steps\/fit-apply.step.yaml:15:/);
});

test('plc explain gives the provenance of every config value of a flagship node', async () => {
  const result = await runPlcInProcess(['explain', 'examples/xgboost-e2e.pipeline.yaml', 'register', '--format', 'json']);
  assert.is(result.status, 0, result.stderr);
  const { config } = JSON.parse(result.stdout) as { config: { field: string; layer: string; location?: { file: string } }[] };
  // Job settings the example leaves unset (network, …) have no provenance.
  assert.equal(config.filter((c) => c.layer !== 'unset').map((c) => `${c.field}: ${c.layer} ${c.location?.file}`), [
    'role: pipeline defaults examples/xgboost-e2e.pipeline.yaml',
    'outputPrefix: pipeline defaults examples/xgboost-e2e.pipeline.yaml',
    'modelPackageGroup: node config examples/xgboost-e2e.pipeline.yaml',
    'approvalStatus: node config examples/xgboost-e2e.pipeline.yaml',
    'modelDescription: node config examples/xgboost-e2e.pipeline.yaml',
  ]);
});

/** The message and hint lines `plc explain <code>` prints, from the same function. */


test('plc explain PLCnnnn prints the long description; docs/diagnostics.md is current (npm run generate:docs)', async () => {
  const result = await runPlcInProcess(['explain', 'PLC3004']);
  assert.is(result.status, 0);
  assert.match(result.stdout, /^PLC3004 \(error\): required input "<port>" of node "<node>" is not bound\nHint: /);
  for (const code of Object.keys(diagnosticTable) as DiagnosticCode[]) assert.not.match(explainCode(code), /(?<!\$)\{\w+\}/, `${code}: no raw {placeholder}`);
  assert.match(result.stdout, /```yaml/);
  const unknown = await runPlcInProcess(['explain', 'PLC3094']);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /did you mean PLC3004\?/);
  assert.fixture(readFileSync(join(repo, 'docs/diagnostics.md'), 'utf8'), renderDiagnosticsReference());
});

test('plc explain of an unknown node exits 2 with a did-you-mean', async () => {
  const result = await runPlcInProcess(['explain', example, 'trian']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /has no node "trian" — did you mean "train"\?/);
});

test('plc explain of a condition node says what explain covers, exit 2', async () => {
  const result = await runPlcInProcess(['explain', 'examples/xgboost-e2e.pipeline.yaml', 'quality-gate']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /"quality-gate" is a condition node; plc explain shows the config and wiring of step nodes/);
});

test('plc steps list and show describe the library', async () => {
  const list = await runPlcInProcess(['steps', 'list']);
  assert.is(list.status, 0, list.stderr);
  assert.match(list.stdout, /^XGBoostTraining +Training +- +built-in /m);
  const own = await runPlcInProcess(['steps', 'list', '-p', fixture('builds/variants/pipeline.yaml')]);
  assert.match(own.stdout, /^FitApply +Processing +training,validation,testing,calibration +fixtures\/builds\/variants\/steps\/fit-apply.step.yaml /m);
  const show = await runPlcInProcess(['steps', 'show', 'TabularPreprocessing']);
  assert.is(show.status, 0);
  for (const part of ['job types: training, validation, testing, calibration', 'data  dataset  /opt/ml/processing/input/data  required', 'trainRatio', 'default 0.7', 'env LABEL_FIELD = ${config.labelField}', 'compute: sklearn 1.2-1']) {
    assert.ok(show.stdout.includes(part), `shows ${part}`);
  }
  const unknown = await runPlcInProcess(['steps', 'show', 'Tabular']);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /did you mean "TabularPreprocessing"/);
});

test('the built-in schemas are versioned by $id and ship in the npm package', async () => {
  const files = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { files: string[] }).files;
  assert.ok(files.includes('schema/'), 'package.json files ships schema/');
  for (const name of ['pipeline', 'step', 'config']) {
    const schema = JSON.parse(readFileSync(join(repo, 'schema', `${name}.schema.json`), 'utf8')) as { $id: string };
    assert.is(schema.$id, `https://plc.dev/schema/v1/${name}.schema.json`);
  }
});

test('plc schema knows step names, their job types, config keys and ports', async () => {
  const result = await runPlcInProcess(['schema', '-p', fixture('builds/variants/pipeline.yaml')]);
  assert.is(result.status, 0, result.stderr);
  const schema = JSON.parse(result.stdout);
  const step = schema.definitions.node.properties.step;
  assert.ok(step.enum.includes('FitApply') && step.enum.includes('XGBoostTraining'));
  assert.is(step.markdownEnumDescriptions.length, step.enum.length);
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const load = (path: string) => parse(readFileSync(join(repo, path), 'utf8'));
  for (const path of [example, 'fixtures/builds/variants/pipeline.yaml']) assert.ok(validate(load(path)), `${path}: ${JSON.stringify(validate.errors)}`);
  for (const [path, pointer] of [['fixtures/errors/unknown-job-type/pipeline.yaml', '/nodes/prep/jobType'], ['fixtures/errors/unknown-config-field/pipeline.yaml', '/nodes/prep/config'], ['fixtures/errors/unknown-input-port/pipeline.yaml', '/nodes/prep/inputs']] as const) {
    assert.not.ok(validate(load(path)), `${path} is rejected`);
    assert.ok(validate.errors!.some((e) => e.instancePath === pointer), `${path}: error at ${pointer}`);
  }
});

test.run();
