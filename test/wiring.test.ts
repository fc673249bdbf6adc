// The wiring resolver: explicit inputs win; open inputs are matched among the after: neighbours by
// score; ties are errors; an output feeds two inputs of one node only when wired explicitly.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { InputPort, OutputPort } from '../schema/types.generated.js';
import { matchPorts, scoreCandidate, type Neighbour } from '../compiler/wire/match-ports.js';
import { compile, fixture, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const dataset = (extra: Partial<OutputPort> = {}): OutputPort => ({ type: 'dataset', ...extra });
const neighbour = (id: string, outputs: Record<string, OutputPort>, stepType = 'Producer', jobType?: string): Neighbour => ({ id, stepType, jobType, outputs });
const input = (port: string, spec: Partial<InputPort> = {}) => ({ port, spec: { type: 'dataset', ...spec } as InputPort });

test('a candidate scores type, accepts, name or alias, keywords and job type, with a reason for each', async () => {
  const scored = scoreCandidate(input('training_data', { accepts: ['Prep'], keywords: ['processed', 'tabular', 'x'] }), 'training', neighbour('prep', { processed_data: dataset({ aliases: ['training_data'], keywords: ['processed', 'tabular'] }) }, 'Prep', 'training'), 'processed_data');
  assert.equal(scored.parts, [
    { reason: 'type dataset', points: 1 },
    { reason: 'accepts Prep', points: 2 },
    { reason: 'alias training_data', points: 2 },
    { reason: 'keywords processed, tabular', points: 2 },
    { reason: 'job type training', points: 1 },
  ]);
  assert.is(scored.score, 8);
  assert.is(scored.rejected, undefined);
});

test('a different type, a producer outside accepts, or a lone type match rules a candidate out', async () => {
  assert.is(scoreCandidate(input('data'), undefined, neighbour('p', { model: { type: 'model' } }), 'model').rejected, 'is model, the input takes dataset');
  assert.is(scoreCandidate(input('data', { accepts: ['A', 'B'] }), undefined, neighbour('p', { data: dataset() }, 'C'), 'data').rejected, 'C is not in accepts (A, B)');
  assert.is(scoreCandidate(input('data'), undefined, neighbour('p', { other: dataset() }), 'other').rejected, 'scores 1, below 2');
  assert.is(scoreCandidate(input('data', { type: 'any' }), undefined, neighbour('p', { data: { type: 'model' } }), 'data').rejected, undefined, 'any matches every type');
});

test('a tie for the best score is ambiguous and binds nothing', async () => {
  const [resolution] = matchPorts([input('data')], undefined, [neighbour('a', { data: dataset() }), neighbour('b', { data: dataset() })], new Map());
  assert.is(resolution!.how, 'ambiguous');
  assert.equal(resolution!.how === 'ambiguous' && resolution!.tied.map((c) => c.node), ['a', 'b']);
});

test('an output feeds only one input of a node; the better-scoring input gets it, and the other says why it missed', async () => {
  const neighbours = [neighbour('p', { data: dataset({ keywords: ['train'] }) })];
  const inputs = [input('other', {}), input('data', { keywords: ['train'] })];
  const [other, data] = matchPorts(inputs, undefined, neighbours, new Map());
  assert.is(data!.how, 'matched');
  assert.is(other!.how, 'unbound');
  assert.equal(other!.candidates.map((c) => c.rejected), ['scores 1, below 2']);
  // An output wired explicitly to one input is not offered to another.
  const [again] = matchPorts([input('data')], undefined, neighbours, new Map([['p.data', 'explicit_port']]));
  assert.is(again!.how, 'unbound');
  assert.equal(again!.candidates.map((c) => c.rejected), ['already feeds input "explicit_port"']);
});

test('the result does not depend on the order of after:', async () => {
  const a = neighbour('a', { data: dataset({ keywords: ['raw'] }), side: { type: 'artifacts' } }, 'Loader', 'training');
  const b = neighbour('b', { data: dataset(), model: { type: 'model' } }, 'Loader', 'testing');
  const inputs = [input('data', { keywords: ['raw'] }), input('model', { type: 'model' })];
  const chosen = (neighbours: Neighbour[]) => matchPorts(inputs, 'training', neighbours, new Map()).map((r) => (r.how === 'matched' ? `${r.chosen.node}.${r.chosen.port}` : r.how));
  assert.equal(chosen([a, b]), ['a.data', 'b.model']);
  assert.equal(chosen([b, a]), ['a.data', 'b.model']);
});

test('the flagship relies on after: and builds the same bytes as its explicitly wired twin', async () => {
  const flagship = compile(join(repo, 'examples/xgboost-e2e.pipeline.yaml'));
  const explicit = compile(fixture('wiring/xgboost-e2e-explicit.pipeline.yaml'));
  assert.equal(flagship.diagnostics, []);
  assert.equal(explicit.diagnostics, []);
  assert.ok(!readFileSync(join(repo, 'examples/xgboost-e2e.pipeline.yaml'), 'utf8').includes('inputs: { model:'), 'the flagship matches instead of wiring');
  assert.is(flagship.files![0]!.contents, explicit.files![0]!.contents);
});

/** Compiles a pipeline of the built-in steps with the given node lines, in a fresh folder. */
function compileNodes(nodes: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'p.pipeline.yaml'), [
    'kind: Pipeline', 'name: wiring', 'region: us-east-1', 'codePrefix: s3://bucket/code',
    'defaults: { role: "arn:aws:iam::111122223333:role/SageMakerExecution", outputPrefix: "s3://bucket/out", labelField: label }',
    'nodes:',
    ...nodes,
  ].join('\n'));
  return compile(join(dir, 'p.pipeline.yaml'), dir);
}

test('an after: neighbour that feeds no data stays a DependsOn; one that feeds data needs none', async () => {
  const result = compileNodes([
    '  load: { step: DataLoading, jobType: training, inputs: { data_source: s3://bucket/raw } }',
    '  other: { step: DataLoading, jobType: testing, inputs: { data_source: s3://bucket/raw } }',
    '  prep: { step: TabularPreprocessing, jobType: training, after: [load, other] }',
  ]);
  assert.equal(result.diagnostics, [], 'other is linked through after:, so it is no orphan');
  const steps = JSON.parse(result.files![0]!.contents).Steps as { Name: string; DependsOn?: string[]; Arguments: { ProcessingInputs: { S3Input: { S3Uri: unknown } }[] } }[];
  const prep = steps.find((s) => s.Name === 'prep')!;
  assert.equal(prep.DependsOn, ['other']);
  assert.equal(prep.Arguments.ProcessingInputs[0]!.S3Input.S3Uri, { Get: 'Steps.load.ProcessingOutputConfig.Outputs[\'data\'].S3Output.S3Uri' });
});

test('an unbound required input names the nearest candidates and why each was passed over', async () => {
  const [problem] = compileNodes([
    '  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://bucket/raw } }',
    '  evaluate: { step: XGBoostModelEval, jobType: training, after: [prep] }',
  ]).diagnostics;
  assert.is(problem!.code, 'PLC3004');
  assert.is(problem!.message, 'required input "model" of node "evaluate" is not bound');
  assert.match(problem!.hint!, 'Nearest after: candidates: prep.processed_data (is dataset, the input takes model).');
});

test('a jsonGet input location is checked as a jsonGet is elsewhere, each problem at its argument', async () => {
  const { diagnostics } = compileNodes([
    '  load: { step: DataLoading, jobType: training, inputs: { data_source: s3://bucket/raw } }',
    '  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: { jsonGet: [load.data, paths.train] } } }',
    '  other: { step: TabularPreprocessing, jobType: testing, inputs: { data: { jsonGet: [lod.data, paths.test] } } }',
    '  more: { step: TabularPreprocessing, jobType: validation, outputs: { processed_data: { jsonGet: [load.dta, paths.out] } }, inputs: { data: load.data } }',
  ]);
  assert.equal(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column]), [['PLC3013', 8, 86], ['PLC3001', 9, 86], ['PLC3002', 10, 99]]);
});

test('a location that is neither a string nor a jsonGet says so once; a misspelt jsonGet key gets its did-you-mean', async () => {
  const { diagnostics } = compileNodes([
    '  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: 5 } }',
    '  other: { step: TabularPreprocessing, jobType: testing, inputs: { data: { jsonget: [prep.processed_data, x] } } }',
  ]);
  assert.equal(diagnostics.map((d) => `${d.code} ${d.message}`), [
    'PLC0101 "nodes.prep.inputs.data" must be a string or a mapping',
    'PLC0103 "nodes.other.inputs.data" is missing required key "jsonGet"',
    'PLC0102 unknown key "jsonget" in "nodes.other.inputs.data" — did you mean "jsonGet"?',
  ]);
});

test('plc explain <pipeline> <node> --wiring shows every candidate with its score breakdown', async () => {
  const result = await runPlcInProcess(['explain', 'examples/xgboost-e2e.pipeline.yaml', 'evaluate', '--wiring']);
  assert.is(result.status, 0, result.stderr);
  assert.fixture(result.stdout, [
    'node evaluate: XGBoostModelEval, job type calibration; after: train, prep-calibration',
    '',
    'model (required) ← train.model: matched',
    '    6  train.model                      type model +1, accepts XGBoostTraining +2, same name +3',
    '    –  train.metrics                    passed over: is metrics, the input takes model',
    '    –  prep-calibration.processed_data  passed over: is dataset, the input takes model',
    'eval_data (required) ← prep-calibration.processed_data: matched',
    '    6  prep-calibration.processed_data  type dataset +1, accepts TabularPreprocessing +2, keywords processed, tabular +2, job type calibration +1',
    '    –  train.model                      passed over: is model, the input takes dataset',
    '    –  train.metrics                    passed over: is metrics, the input takes dataset',
    '',
  ].join('\n'));
  const json = JSON.parse((await runPlcInProcess(['explain', 'examples/xgboost-e2e.pipeline.yaml', 'register', '--wiring', '--json'])).stdout);
  assert.equal(json.inputs.map((i: { port: string; how: string; from?: string }) => [i.port, i.how, i.from]), [
    ['model', 'matched', 'package.packaged_model'],
    ['metrics', 'matched', 'evaluate.metrics'],
    ['payload', 'matched', 'payload.payload_sample'],
  ]);
});

test.run();
