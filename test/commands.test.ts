// plc explain, plc steps and plc schema, through the real CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { diagnosticTable } from '../compiler/diagnostics/codes.js';
import { explanations } from '../compiler/diagnostics/explanations.js';
import { explainCode, renderDiagnosticsReference } from '../compiler/diagnostics/reference.js';
import { fixture, repo, runPlc } from './support/helpers.js';

const example = 'examples/tabular-xgboost.pipeline.yaml';

test('plc explain shows every config value of a node with its layer and file:line', () => {
  const result = runPlc(['explain', example, 'train', '--json']);
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

test('plc explain shows derived values and says where the template is', () => {
  const result = runPlc(['explain', fixture('builds/variants/pipeline.yaml'), 'apply-testing']);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stdout, /node apply-testing → SageMaker step apply-testing: FitApply \(Processing\), job type testing/);
  assert.match(result.stdout, /reportName +"variants-testing-v1" +derived +fixtures\/builds\/variants\/steps\/fit-apply.step.yaml:15:/);
});

test('plc explain gives the provenance of every config value of a flagship node', () => {
  const result = runPlc(['explain', 'examples/xgboost-e2e.pipeline.yaml', 'register', '--format', 'json']);
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
const explainHeader = (code: string): string[] => explainCode(code as keyof typeof explanations).split('\n').slice(0, 2);

test('plc explain PLCnnnn prints the long description; docs/diagnostics.md is current (npm run generate:docs)', () => {
  const result = runPlc(['explain', 'PLC3004']);
  assert.is(result.status, 0);
  assert.match(result.stdout, /^PLC3004 \(error\): required input "<port>" of node "<node>" is not bound\nHint: /);
  for (const code of Object.keys(diagnosticTable)) {
    const [message, hint] = explainHeader(code);
    assert.not.match(`${message}\n${hint}`, /(?<!\$)\{\w+\}/, `${code}: no raw {placeholder}`);
  }
  assert.match(result.stdout, /```yaml/);
  const unknown = runPlc(['explain', 'PLC3094']);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /did you mean PLC3004\?/);
  assert.fixture(readFileSync(join(repo, 'docs/diagnostics.md'), 'utf8'), renderDiagnosticsReference());
  // An example's fence may name its file (```yaml file=pipeline.yaml), the rule-file format of issue 13.
  for (const code of Object.keys(diagnosticTable)) assert.ok(/```(yaml|python|sh)( file=\S+)?\n/.test(explanations[code as keyof typeof explanations]), `${code} has an example`);
});

test('plc explain of an unknown node exits 2 with a did-you-mean', () => {
  const result = runPlc(['explain', example, 'trian']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /has no node "trian" — did you mean "train"\?/);
});

test('plc explain of a condition node says what explain covers, exit 2', () => {
  const result = runPlc(['explain', 'examples/xgboost-e2e.pipeline.yaml', 'quality-gate']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /"quality-gate" is a condition node; plc explain shows the config and wiring of step nodes/);
});

test('plc steps list and show describe the library', () => {
  const list = runPlc(['steps', 'list']);
  assert.is(list.status, 0, list.stderr);
  assert.match(list.stdout, /^XGBoostTraining +Training +- +built-in /m);
  const own = runPlc(['steps', 'list', '-p', fixture('builds/variants/pipeline.yaml')]);
  assert.match(own.stdout, /^FitApply +Processing +training,validation,testing,calibration +fixtures\/builds\/variants\/steps\/fit-apply.step.yaml /m);
  const show = runPlc(['steps', 'show', 'TabularPreprocessing']);
  assert.is(show.status, 0);
  for (const part of ['job types: training, validation, testing, calibration', 'data  dataset  /opt/ml/processing/input/data  required', 'trainRatio', 'default 0.7', 'env LABEL_FIELD = ${config.labelField}', 'compute: sklearn 1.2-1']) {
    assert.ok(show.stdout.includes(part), `shows ${part}`);
  }
  const unknown = runPlc(['steps', 'show', 'Tabular']);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /did you mean "TabularPreprocessing"/);
});

test('the built-in schemas are versioned by $id and ship in the npm package', () => {
  const files = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { files: string[] }).files;
  assert.ok(files.includes('schema/'), 'package.json files ships schema/');
  for (const name of ['pipeline', 'step', 'config']) {
    const schema = JSON.parse(readFileSync(join(repo, 'schema', `${name}.schema.json`), 'utf8')) as { $id: string };
    assert.is(schema.$id, `https://plc.dev/schema/v1/${name}.schema.json`);
  }
});

test('plc schema knows step names, their job types, config keys and ports', () => {
  const result = runPlc(['schema', '-p', fixture('builds/variants/pipeline.yaml')]);
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
