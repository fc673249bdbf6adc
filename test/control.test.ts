// Condition and fail nodes: how conditions are shaped for SageMaker, where branch steps go, and
// how other nodes order themselves after control nodes.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, fixture, tempDir } from './support/helpers.js';

type Json = { [key: string]: unknown };

function build(nodes: string[]): { Steps: Json[] } {
  const dir = tempDir();
  writeFileSync(join(dir, 'p.pipeline.yaml'), [
    'kind: Pipeline', 'name: control', 'region: us-east-1', 'codePrefix: s3://bucket/code',
    'parameters: { Mode: { type: String, default: a }, Auc: { type: Float, default: 0.9 } }',
    'defaults: { role: "arn:aws:iam::111122223333:role/SageMakerExecution", outputPrefix: "s3://bucket/out", labelField: label }',
    'nodes:',
    ...nodes,
  ].join('\n'));
  const result = compile(join(dir, 'p.pipeline.yaml'), dir);
  assert.equal(result.diagnostics, []);
  return JSON.parse(result.files![0]!.contents) as { Steps: Json[] };
}

const load = '  load: { step: DataLoading, jobType: training, inputs: { data_source: s3://bucket/raw } }';

test('allOf flattens into the conditions; not of several becomes an Or of Nots', () => {
  const { Steps } = build([
    load,
    '  gate:',
    '    condition:',
    '      allOf:',
    '        - equal: ["${params.Mode}", a]',
    '        - not: { allOf: [ { greaterThan: ["${params.Auc}", 0.5] }, { in: ["${params.Mode}", [b, c]] } ] }',
    '    then: [after-load]',
    '  after-load: { step: TabularPreprocessing, jobType: training, after: [load] }',
  ]);
  const conditions = (Steps[1]!['Arguments'] as { Conditions: Json[] }).Conditions;
  assert.equal(conditions.map((c) => c['Type']), ['Equals', 'Or']);
  assert.equal((conditions[1]!['Conditions'] as Json[]).map((c) => [c['Type'], (c['Condition'] as Json)['Type']]), [['Not', 'GreaterThan'], ['Not', 'In']]);
});

test('a condition inside a branch nests with its own branches; branch steps appear nowhere else', () => {
  const { Steps } = build([
    load,
    '  outer: { condition: { equal: ["${params.Mode}", a] }, then: [inner], else: [stop] }',
    '  inner: { condition: { greaterThan: ["${params.Auc}", 0.5] }, then: [prep] }',
    '  stop: { fail: "mode ${params.Mode}" }',
    '  prep: { step: TabularPreprocessing, jobType: training, after: [load] }',
  ]);
  assert.equal(Steps.map((s) => s['Name']), ['load', 'outer']);
  const outer = Steps[1]!['Arguments'] as { IfSteps: Json[]; ElseSteps: Json[] };
  assert.equal(outer.ElseSteps.map((s) => s['Name']), ['stop']);
  const inner = outer.IfSteps[0]!;
  assert.is(inner['Name'], 'inner');
  assert.equal((inner['Arguments'] as { IfSteps: Json[] }).IfSteps.map((s) => s['Name']), ['prep']);
});

test('a condition reads a Lambda output parameter through ${steps.<node>.OutputParameters[…]}', () => {
  const dir = tempDir();
  cpSync(fixture('builds', 'lambda', 'steps'), join(dir, 'steps'), { recursive: true });
  writeFileSync(join(dir, 'p.pipeline.yaml'), [
    'kind: Pipeline', 'name: rows', 'steps: [./steps]',
    'defaults: { functionArn: "arn:aws:lambda:us-east-1:111122223333:function:pick" }',
    'nodes:',
    '  pick: { step: PickDataset, config: { source: s3://bucket/raw } }',
    `  gate: { condition: { greaterThan: ["\${steps.pick.OutputParameters['rows']}", 10] }, then: [], else: [stop] }`,
    '  stop: { fail: "too few rows" }',
  ].join('\n'));
  const result = compile(join(dir, 'p.pipeline.yaml'), dir);
  assert.equal(result.diagnostics, []);
  const gate = (JSON.parse(result.files![0]!.contents) as { Steps: Json[] }).Steps[1]!;
  assert.equal((gate['Arguments'] as { Conditions: Json[] }).Conditions[0]!['LeftValue'], { Get: "Steps.pick.OutputParameters['rows']" });
});

test.run();
