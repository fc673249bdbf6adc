// `plc run --local`: the pieces (expressions, the plan, S3 as a folder, the scheduler) and both
// example pipelines run end to end on examples/data under Debian's Python packages.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planSteps, type Definition } from '../local/definition.js';
import { evaluate, holds, pathKeys, type Scope } from '../local/expressions.js';
import { S3Folder } from '../local/s3-folder.js';
import { schedule, type Outcome } from '../local/scheduler.js';
import { available, fixture, pythonHas, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const scope = (properties: Record<string, unknown> = {}): Scope => ({
  parameters: new Map<string, string | number | boolean>([['MinAuc', 0.8], ['Bucket', 'b']]),
  execution: { PipelineExecutionId: 'local-1' },
  properties: (step) => properties[step] as never,
  propertyFile: () => undefined,
});

test('property paths split into keys, quoted names and indexes included', () => {
  assert.equal(pathKeys("ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri"), ['ProcessingOutputConfig', 'Outputs', 'data', 'S3Output', 'S3Uri']);
  assert.equal(pathKeys('metrics.auc'), ['metrics', 'auc']);
  assert.equal(pathKeys('a[0].b'), ['a', 0, 'b']);
});

test('expressions evaluate on parameters, execution variables and step properties', () => {
  const values = scope({ prep: { ProcessingOutputConfig: { Outputs: { data: { S3Output: { S3Uri: 's3://b/out' } } } } } });
  const joined = { 'Std:Join': { On: '/', Values: ['s3:/', { Get: 'Parameters.Bucket' }, { Get: 'Execution.PipelineExecutionId' }] } };
  assert.is(evaluate(joined, values), 's3://b/local-1');
  assert.is(evaluate({ Get: "Steps.prep.ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri" }, values), 's3://b/out');
  assert.throws(() => evaluate({ Get: 'Steps.train.ModelArtifacts.S3ModelArtifacts' }, values), /has not run/);
  assert.ok(holds({ Type: 'GreaterThanOrEqualTo', LeftValue: 0.85, RightValue: { Get: 'Parameters.MinAuc' } }, values));
  assert.not.ok(holds({ Type: 'Not', Condition: { Type: 'In', QueryValue: 'b', Values: ['a', { Get: 'Parameters.Bucket' }] } }, values));
});

test('the plan flattens condition branches; a step needs what it refers to and its condition', () => {
  const definition: Definition = { Steps: [
    { Name: 'a', Type: 'Processing', Arguments: {} },
    { Name: 'gate', Type: 'Condition', Arguments: { Conditions: [{ Type: 'Equals', LeftValue: { Get: 'Steps.a.ProcessingJobStatus' }, RightValue: 'Completed' }], IfSteps: [{ Name: 'b', Type: 'Processing', Arguments: { X: { Get: 'Steps.a.ProcessingJobName' } } }], ElseSteps: [{ Name: 'f', Type: 'Fail', Arguments: {} }] } },
  ] };
  const plan = planSteps(definition);
  assert.equal(plan.map((p) => [p.step.Name, p.needs, p.branch?.side ?? null]), [['a', [], null], ['gate', ['a'], null], ['b', ['a', 'gate'], 'IfSteps'], ['f', ['gate'], 'ElseSteps']]);
});

test('S3 is a folder: mounts are read-only and keys cannot climb out', () => {
  const s3 = new S3Folder('/root/s3', [{ prefix: 's3://data/in', folder: '/srv/in' }]);
  assert.is(s3.path('s3://bucket/a/b.csv'), '/root/s3/bucket/a/b.csv');
  assert.is(s3.path('s3://data/in/x.csv'), '/srv/in/x.csv');
  assert.throws(() => s3.writablePath('s3://data/in/x.csv'), /read-only/);
  assert.throws(() => s3.path('s3://bucket/../../etc/passwd'), /not an s3/);
});

test('the scheduler runs in dependency order, skips an untaken branch and stops at a failure', async () => {
  const plan = planSteps({ Steps: [
    { Name: 'a', Type: 'Processing' },
    { Name: 'b', Type: 'Processing', DependsOn: ['a'] },
    { Name: 'gate', Type: 'Condition', Arguments: { Conditions: [], IfSteps: [{ Name: 'then', Type: 'Processing' }], ElseSteps: [{ Name: 'else', Type: 'Processing' }] }, DependsOn: ['b'] },
    { Name: 'c', Type: 'Processing', DependsOn: ['then'] },
  ] });
  const order: string[] = [];
  const outcomes: Record<string, Outcome> = { gate: { state: 'succeeded', taken: 'ElseSteps' }, else: { state: 'failed', message: 'boom' } };
  const status = await schedule(plan, { concurrency: 2, onChange: () => {}, run: async (p) => (order.push(p.step.Name), outcomes[p.step.Name] ?? { state: 'succeeded' }) });
  assert.equal(order, ['a', 'b', 'gate', 'else']);
  assert.equal(Object.fromEntries([...status].map(([name, s]) => [name, s.state])), { a: 'succeeded', b: 'succeeded', gate: 'succeeded', then: 'skipped', else: 'failed', c: 'skipped' });
});

// ---------------------------------------------------------------- end to end

const python = '/usr/bin/python3';
const haveStack = () => available(pythonHas(python, ['pandas', 'sklearn', 'xgboost', 'scipy']), `${python} with pandas, scikit-learn, scipy and xgboost`, 'apt-get install python3-pandas python3-sklearn python3-scipy python3-xgboost');
const mount = ['--mount', `s3://my-ml-bucket/fraud=${join(repo, 'examples', 'data', 'fraud')}`];

function onlyExecution(root: string, pipeline: string): string {
  const folder = join(root, '.plc', 'local', 's3', 'my-ml-bucket', 'pipelines', pipeline);
  const executions = readdirSync(folder);
  assert.is(executions.length, 1, `one execution of ${pipeline}`);
  return join(folder, executions[0]!);
}

const csvRows = (path: string): string[][] => readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));

/** AUC by ranks (ties get their mean rank). */
function auc(labels: number[], scores: number[]): number {
  const order = scores.map((score, index) => ({ score, label: labels[index]! })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.score === order[i]!.score) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k]!.label === 1) rankSum += meanRank;
    i = j;
  }
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

test('the e2e example runs locally: quality gate on the real AUC, local registration, calibrated scores, package, batch transform', async () => {
  if (!haveStack()) return;
  const root = tempDir();
  const run = await runPlcInProcess(['run', join(repo, 'examples', 'xgboost-e2e.pipeline.yaml'), '--local', ...mount], root);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stderr, /quality-gate\s+succeeded\s+\S+\s+then branch/);
  assert.match(run.stderr, /execution local-\S+ succeeded/);
  const execution = onlyExecution(root, 'xgboost-e2e');

  const metrics = JSON.parse(readFileSync(join(execution, 'evaluate', 'metrics', 'metrics.json'), 'utf8'));
  assert.ok(metrics.metrics.auc >= 0.75 && metrics.metrics.auc < 1, `AUC ${metrics.metrics.auc}`);
  assert.is(metrics.rows.scored, 600);

  const calibration = JSON.parse(readFileSync(join(execution, 'calibrate', 'metrics', 'metrics.json'), 'utf8'));
  assert.is(calibration.evaluated_on, 'held-out rows (5-fold cross-fitting)');
  const calibrated = csvRows(join(execution, 'calibrate', 'calibrated_data', 'calibrated_data.csv'));
  const column = calibrated[0]!.indexOf('calibrated_score');
  assert.ok(column >= 0 && calibrated[0]!.includes('transaction_id'));
  const scores = calibrated.slice(1).map((row) => Number(row[column]));
  assert.is(scores.length, 600);
  assert.ok(scores.every((score) => score >= 0 && score <= 1));

  const archive = join(execution, 'package', 'packaged_model', 'model.tar.gz');
  const members = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  assert.equal(members, ['calibration/calibration_model.json', 'calibration/calibration_summary.json', 'categories.json', 'feature_columns.json', 'hyperparameters.json', 'input_example.json', 'xgboost_model.bst']);
  const categories = JSON.parse(spawnSync('tar', ['-xzOf', archive, 'categories.json'], { encoding: 'utf8' }).stdout);
  assert.ok(categories.columns.country.includes('NA'), 'the category NA survives as a category');
  assert.ok(categories.columns.promo_code.includes('None'), 'the category None survives as a category');
  const features = JSON.parse(spawnSync('tar', ['-xzOf', archive, 'feature_columns.json'], { encoding: 'utf8' }).stdout);
  assert.not.ok(features.includes('transaction_id'), 'the id is no feature');

  const payload = JSON.parse(readFileSync(join(execution, 'payload', 'payload_sample', 'payload.json'), 'utf8'));
  assert.not.ok(Object.values(payload.values).every((value) => value === 0), 'the sample payload is a realistic row');

  const registry = JSON.parse(readFileSync(join(root, '.plc', 'local', 'registry.json'), 'utf8'));
  assert.is(registry.modelPackageGroups['fraud-xgboost'].length, 1);
  assert.match(registry.modelPackageGroups['fraud-xgboost'][0].InferenceSpecification.Containers[0].ModelDataUrl, /package\/packaged_model\/model\.tar\.gz$/);

  const predictions = readFileSync(join(execution, 'score-holdout', 'predictions', 'records.csv.out'), 'utf8').trim().split('\n').map(Number);
  const labels = csvRows(join(repo, 'examples', 'data', 'fraud', 'labels', 'holdout.csv')).slice(1).map((row) => Number(row[1]));
  assert.is(predictions.length, labels.length);
  assert.ok(predictions.every((p) => p >= 0 && p <= 1));
  assert.ok(auc(labels, predictions) > 0.7, `held-out AUC ${auc(labels, predictions)}`);

  // Again with a threshold the model cannot reach: every job comes from the cache, the gate fails.
  const again = await runPlcInProcess(['run', join(repo, 'examples', 'xgboost-e2e.pipeline.yaml'), '--local', ...mount, '-P', 'MinAuc=0.99'], root);
  assert.is(again.status, 1, again.stderr);
  assert.match(again.stderr, /train\s+cached/);
  assert.match(again.stderr, /auc-too-low\s+failed\s+\S+\s+The model's AUC on the calibration data is below the MinAuc threshold of 0\.99\./);
  assert.match(again.stderr, /register\s+skipped/);

  // --only reruns one step; the others keep the recorded outputs of earlier runs.
  const only = await runPlcInProcess(['run', join(repo, 'examples', 'xgboost-e2e.pipeline.yaml'), '--local', ...mount, '--only', 'evaluate', '--no-cache'], root);
  assert.is(only.status, 0, only.stderr);
  assert.match(only.stderr, /evaluate\s+succeeded/);
  assert.match(only.stderr, /train\s+reused/);

  // --from reruns a step and everything after it; the steps before keep their recorded outputs.
  const from = await runPlcInProcess(['run', join(repo, 'examples', 'xgboost-e2e.pipeline.yaml'), '--local', ...mount, '--from', 'calibrate', '--no-cache'], root);
  assert.is(from.status, 0, from.stderr);
  for (const step of ['calibrate', 'package', 'register']) assert.match(from.stderr, new RegExp(`${step}\\s+succeeded`));
  for (const step of ['train', 'evaluate']) assert.match(from.stderr, new RegExp(`${step}\\s+reused`));
});

test('the tabular example runs locally and writes its model archive', async () => {
  if (!haveStack()) return;
  const root = tempDir();
  const run = await runPlcInProcess(['run', join(repo, 'examples', 'tabular-xgboost.pipeline.yaml'), '--local', ...mount, '-P', 'MaxDepth=4'], root);
  assert.is(run.status, 0, run.stderr);
  const execution = onlyExecution(root, 'tabular-xgboost');
  const jobs = readdirSync(join(execution, 'train'));
  assert.ok(existsSync(join(execution, 'train', jobs[0]!, 'output', 'model.tar.gz')));
  const hyperparameters = JSON.parse(spawnSync('tar', ['-xzOf', join(execution, 'train', jobs[0]!, 'output', 'model.tar.gz'), './hyperparameters.json'], { encoding: 'utf8' }).stdout);
  assert.is(hyperparameters.max_depth, 4);
});

test('a Lambda step is not run locally; --stub gives its outputs, which a condition and a fail node read', async () => {
  const root = tempDir();
  cpSync(join(repo, 'fixtures', 'builds', 'lambda', 'steps'), join(root, 'steps'), { recursive: true });
  writeFileSync(join(root, 'stubbed.pipeline.yaml'), [
    'kind: Pipeline', 'name: stubbed', 'region: us-east-1', 'codePrefix: s3://bucket/code', 'steps: [./steps]',
    'parameters: { MinRows: { type: Integer, default: 100 } }',
    'defaults: { functionArn: "arn:aws:lambda:us-east-1:111122223333:function:pick", role: "arn:aws:iam::111122223333:role/SageMakerExecution", outputPrefix: s3://bucket/out }',
    'nodes:',
    '  pick: { step: PickDataset, config: { source: s3://bucket/in } }',
    '  enough-rows: { condition: { greaterThanOrEqual: ["${steps.pick.OutputParameters.rows}", "${params.MinRows}"] }, else: [too-few] }',
    '  too-few: { fail: "only ${steps.pick.OutputParameters.rows} rows" }',
  ].join('\n'));
  writeFileSync(join(root, 'pick.json'), '{"dataset": "s3://bucket/in/a", "rows": 42}');
  const unstubbed = await runPlcInProcess(['run', 'stubbed.pipeline.yaml', '--local'], root);
  assert.is(unstubbed.status, 1);
  assert.match(unstubbed.stderr, /pick\s+not run locally .*give --stub pick=outputs\.json/);
  const failing = await runPlcInProcess(['run', 'stubbed.pipeline.yaml', '--local', '--stub', 'pick=pick.json'], root);
  assert.is(failing.status, 1);
  assert.match(failing.stderr, /too-few\s+failed\s+\S+\s+only 42 rows/);
  const passing = await runPlcInProcess(['run', 'stubbed.pipeline.yaml', '--local', '--stub', 'pick=pick.json', '-P', 'MinRows=10'], root);
  assert.is(passing.status, 0, passing.stderr);
  assert.match(passing.stderr, /enough-rows\s+succeeded\s+\S+\s+then branch/);
  const unknown = await runPlcInProcess(['run', 'stubbed.pipeline.yaml', '--local', '--stub', 'pik=pick.json'], root);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /--stub pik: the pipeline has no step pik/);
});

test('overrides are checked first, and a Python without the packages runs nothing and names them', async () => {
  const root = tempDir();
  const bad = await runPlcInProcess(['run', join(repo, 'examples', 'xgboost-e2e.pipeline.yaml'), '--local', '-P', 'MinAuk=0.9'], root);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /did you mean MinAuc\?/);
  // Python without its site packages: none of pandas, sklearn, xgboost imports.
  const bare = join(root, 'bare-python');
  writeFileSync(bare, `#!/bin/sh\nexec ${python} -S "$@"\n`);
  chmodSync(bare, 0o755);
  const run = await runPlcInProcess(['run', join(repo, 'examples', 'xgboost-e2e.pipeline.yaml'), '--local', '--python', bare, ...mount], root);
  assert.is(run.status, 1, run.stderr);
  assert.match(run.stderr, /cannot import pandas, which load-training, .* need: apt-get install python3-pandas/);
  assert.match(run.stderr, /nothing was run/);
  assert.not.ok(existsSync(join(root, '.plc', 'local', 'runs')));
});

test('step properties, a jsonGet input location and a transform\'s DataProcessing run locally: the id is filtered out, joined back and kept beside the prediction', async () => {
  const root = tempDir();
  cpSync(fixture('local', 'transform-filters'), root, { recursive: true });
  const tar = spawnSync('tar', ['-czf', join(root, 'model.tar.gz'), '-C', join(root, 'model'), 'code']);
  assert.is(tar.status, 0, String(tar.stderr));
  const run = await runPlcInProcess(['run', 'transform-filters.pipeline.yaml', '--local', '--mount', `s3://bucket/models/sum=${root}`], root);
  assert.is(run.status, 0, run.stderr);
  // The model name is the Model step's property, the records a folder below the processing output.
  const predictions = readFileSync(join(root, '.plc', 'local', 's3', 'bucket', 'out', 'score', 'predictions', 'records.csv.out'), 'utf8');
  assert.is(predictions, 'a,3\nb,7\nc,11\n');
  // The count node's input location is a jsonGet of the records node's report.
  assert.is(readFileSync(join(root, '.plc', 'local', 's3', 'bucket', 'out', 'count', 'count', 'count.txt'), 'utf8'), '3');

  const steps = join(root, 'steps', 'score-with-ids.step.yaml');
  writeFileSync(steps, readFileSync(steps, 'utf8').replace('contentType: text/csv', 'contentType: text/plain'));
  const refused = await runPlcInProcess(['run', 'transform-filters.pipeline.yaml', '--local', '--no-cache', '--mount', `s3://bucket/models/sum=${root}`], root);
  assert.is(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /score\s+failed\s+\S+\s+.*DataProcessing runs locally on text\/csv and application\/json\(lines\) records, not text\/plain/);

  // A property file's value that is no S3 URI (here the mapping above it) is refused, shown as read.
  writeFileSync(steps, readFileSync(steps, 'utf8').replace('contentType: text/plain', 'contentType: text/csv'));
  const pipeline = join(root, 'transform-filters.pipeline.yaml');
  writeFileSync(pipeline, readFileSync(pipeline, 'utf8').replace('locations.test]', 'locations]'));
  const notALocation = await runPlcInProcess(['run', 'transform-filters.pipeline.yaml', '--local', '--no-cache', '--mount', `s3://bucket/models/sum=${root}`], root);
  assert.is(notALocation.status, 1, notALocation.stderr);
  assert.match(notALocation.stderr, /count\s+failed\s+\S+\s+\{"test":"s3:\/\/bucket\/out\/records\/data\/test"\} is not an s3:\/\/bucket\/key URI/);
});

// Only plc's Python step scripts run locally (the shim maps their container paths); what SageMaker's
// runner installs first from a requirements.txt must already be in the local Python.
const featurizeScript = `"""Copies the scores through, as a stand-in for featurizing."""
import argparse
import os
import shutil
from pathlib import Path

INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {"features": "/opt/ml/processing/output/features"}
CLI_ARGS = {"--window": {"type": int, "default": 7}}


def main(input_paths, output_paths, environ_vars, job_args):
    target = Path(output_paths["features"])
    target.mkdir(parents=True, exist_ok=True)
    for path in Path(input_paths["data"]).glob("*.csv"):
        shutil.copy(path, target / path.name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    for flag, spec in CLI_ARGS.items():
        parser.add_argument(flag, **spec)
    main(INPUT_PATHS, OUTPUT_PATHS, dict(os.environ), parser.parse_args())
`;

test('a requirements.txt the local Python does not meet runs nothing and says how to install it; shell, R and image entrypoints are not run locally unless stubbed', async () => {
  if (!available(pythonHas(python, ['packaging']), python, 'apt-get install python3-packaging')) return;
  const root = tempDir();
  cpSync(join(repo, 'fixtures', 'builds', 'containers'), root, { recursive: true });
  writeFileSync(join(root, 'steps', 'featurize', 'featurize.py'), featurizeScript);
  mkdirSync(join(root, 's3', 'bucket', 'scores'), { recursive: true });
  writeFileSync(join(root, 's3', 'bucket', 'scores', 'week.csv'), 'id,score\n1,0.5\n');
  const run = (...extra: string[]) => runPlcInProcess(['run', 'pipeline.yaml', '--local', '--python', python, '--s3-root', 's3', ...extra], root);

  // The fixture's requirements.txt pins a package Debian does not ship.
  const unmet = await run();
  assert.is(unmet.status, 1, unmet.stderr);
  assert.match(unmet.stderr, /lacks what featurize's requirements\.txt lists, which SageMaker installs before the script and plc run --local does not: category-encoders==2\.6\.3; install them \(\/usr\/bin\/python3 -m pip install -r steps\/featurize\/requirements\.txt\)/);
  assert.match(unmet.stderr, /nothing was run/);

  writeFileSync(join(root, 'steps', 'featurize', 'requirements.txt'), '# met by the Python that runs the tests\npackaging>=20  # for the version check\n');
  const unstubbed = await run();
  assert.is(unstubbed.status, 1, unstubbed.stderr);
  assert.match(unstubbed.stderr, /featurize\s+succeeded/);
  assert.match(unstubbed.stderr, /validate\s+not run locally\s+\S+\s+validate runs its image's own entrypoint, which plc run --local does not run: .*Give --stub validate=outputs\.json/);
  assert.match(unstubbed.stderr, /spot-check\s+not run locally\s+\S+\s+spot-check runs \/usr\/local\/bin\/validate --sample, which/);
  assert.ok(existsSync(join(root, 's3', 'bucket', 'out')), 'featurize wrote its output');

  writeFileSync(join(root, 'stub.json'), '{}');
  writeFileSync(join(root, 'report.json'), JSON.stringify({ ProcessingOutputConfig: { Outputs: { report: { S3Output: { S3Uri: 's3://bucket/report' } } } } }));
  const stubs = ['--stub', 'validate=stub.json', '--stub', 'spot-check=stub.json', '--stub', 'report=report.json'];
  const shell = await run(...stubs);
  assert.is(shell.status, 1, shell.stderr);
  assert.match(shell.stderr, /report\s+stubbed/);
  assert.match(shell.stderr, /publish\s+not run locally\s+\S+\s+publish runs bash \/opt\/ml\/processing\/input\/code\/publish\.sh, which plc run --local does not run/);
  const stubbed = await run(...stubs, '--stub', 'publish=stub.json');
  assert.is(stubbed.status, 0, stubbed.stderr);
});

test.run();
