// The editor experience, proven in a real editor engine: yaml-language-server runs over LSP on
// stdio with the schema `plc schema` writes, associated by `yaml.schemas` (as `plc init` sets up
// VS Code) or by a modeline, and is asked what an editor asks.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { LspClient, type CompletionItem, type Position } from './support/lsp-client.js';
import { repo, runPlcInProcess, tempDir } from './support/helpers.js';

const project = tempDir();
mkdirSync(join(project, 'steps'));
// A step type of the project's own, with job types no built-in has: completion must offer these.
writeFileSync(join(project, 'steps', 'nightly-report.step.yaml'), `kind: Step
name: NightlyReport
sagemaker: Processing
description: Summarises the day's predictions.
jobTypes: [daily, weekly]
config:
  properties:
    reportTitle: { type: string, default: Predictions, description: Title printed on the report. }
compute:
  image: { framework: sklearn, version: 1.2-1 }
  instanceType: ml.m5.large
`);
writeFileSync(join(project, 'schema-source.pipeline.yaml'), 'kind: Pipeline\nname: source\nsteps: [./steps]\nnodes: { a: { step: NightlyReport, jobType: daily }, prep: { step: TabularPreprocessing, jobType: training } }\n');
const schemaFile = join(project, '.plc', 'pipeline.schema.json');
const generated = await runPlcInProcess(['schema', '-p', 'schema-source.pipeline.yaml', '-o', schemaFile], project);
if (generated.status !== 0) throw new Error(`plc schema failed: ${generated.stderr}`);

const settings = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    schemas: { [pathToFileURL(schemaFile).href]: ['*.pipeline.yaml'], [pathToFileURL(join(repo, 'schema', 'step.schema.json')).href]: ['*.step.yaml'] },
  },
};

const Lsp = suite<{ client: LspClient }>('yaml-language-server', { client: undefined as never });

Lsp.before(async (context) => {
  context.client = new LspClient(settings);
  await context.client.initialize(project);
  // The server applies its settings asynchronously: a schema finding on a probe document shows
  // that the schema association is in force before the first question.
  await context.client.diagnosticsFor(context.client.open(join(project, 'probe.pipeline.yaml'), 'kind: Probe\n'));
});

Lsp.after(async (context) => {
  await context.client.close();
});

let documents = 0;

/** Opens `text` (with `|` marking the cursor) as a new pipeline file; returns its URI and the cursor. */
function openAt(client: LspClient, text: string, suffix = '.pipeline.yaml'): { uri: string; at: Position } {
  const offset = text.indexOf('|');
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const at = { line: lines.length - 1, character: lines.at(-1)!.length };
  const uri = client.open(join(project, `doc${++documents}${suffix}`), before + text.slice(offset + 1));
  return { uri, at };
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label).sort();
const documentation = (item: CompletionItem | undefined): string => (typeof item?.documentation === 'string' ? item.documentation : (item?.documentation?.value ?? ''));
const builtinNames = readdirSync(join(repo, 'steps'))
  .filter((file) => file.endsWith('.step.yaml'))
  .map((file) => (parse(readFileSync(join(repo, 'steps', file), 'utf8')) as { name: string }).name);

Lsp('completion at step: offers every built-in step name (and the project\'s), described', async ({ client }) => {
  const { uri, at } = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: |\n`);
  const items = await client.completion(uri, at);
  assert.equal(labels(items), [...builtinNames, 'NightlyReport'].sort());
  assert.match(documentation(items.find((i) => i.label === 'TabularPreprocessing')), /\*\*Processing\*\* — Cleans a tabular data set/);
});

Lsp('completion at jobType: offers only that step type\'s job types', async ({ client }) => {
  const report = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  report:\n    step: NightlyReport\n    jobType: |\n`);
  assert.equal(labels(await client.completion(report.uri, report.at)), ['daily', 'weekly']);
  const prep = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: TabularPreprocessing\n    jobType: |\n`);
  assert.equal(labels(await client.completion(prep.uri, prep.at)), ['calibration', 'testing', 'training', 'validation']);
});

Lsp('completion inside config: offers that step type\'s config keys and no other step\'s', async ({ client }) => {
  // The job settings every step has (network, encryption, tags) are completed with its own fields.
  const { uri, at } = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: TabularPreprocessing\n    jobType: training\n    config:\n      |\n`);
  assert.equal(labels(await client.completion(uri, at)), ['encryption', 'instanceCount', 'instanceType', 'labelField', 'missingValues', 'network', 'outputPrefix', 'randomSeed', 'role', 'tags', 'testValRatio', 'trainRatio', 'volumeSizeGB']);
  const train = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  train:\n    step: XGBoostTraining\n    config:\n      |\n`);
  const keys = labels(await client.completion(train.uri, train.at));
  assert.ok(keys.includes('numRound') && !keys.includes('trainRatio'), keys.join(', '));
});

Lsp('hover shows the step type\'s description and a config field\'s description, type and default', async ({ client }) => {
  const { uri } = openAt(client, `|kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: TabularPreprocessing\n    jobType: training\n    config:\n      trainRatio: 0.8\n`);
  assert.match(await client.hover(uri, { line: 4, character: 14 }), /`TabularPreprocessing`: \*\*Processing\*\* — Cleans a tabular data set/);
  const field = await client.hover(uri, { line: 7, character: 8 });
  assert.match(field, /Share of rows in the train split/);
  assert.match(field, /`number` · default `0\.7`/);
});

Lsp('an invalid value yields a diagnostic at its line', async ({ client }) => {
  const text = 'kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: TabularPreprocessing\n    jobType: training\n    config:\n      trainRatio: 2\n  train:\n    step: XGBoostTrainng\n';
  const { uri } = openAt(client, `|${text}`);
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length >= 2);
  const at = (line: number) => diagnostics.filter((d) => d.range.start.line === line).map((d) => d.message).join(' | ');
  assert.match(at(7), /exclusive maximum of 1/);
  assert.match(at(9), /^Not a step type of this project; plc check names the closest one/);
  assert.ok(diagnostics.every((d) => [7, 9].includes(d.range.start.line)), JSON.stringify(diagnostics));
});

Lsp('snippets: a new node under nodes:; inside a node, its keys and no snippet per step type', async ({ client }) => {
  const nodes = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  |\n`);
  const atNodes = labels(await client.completion(nodes.uri, nodes.at));
  for (const label of ['new step node', 'new condition node', 'new fail node']) assert.ok(atNodes.includes(label), `${label} in ${atNodes}`);
  const node = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  prep:\n    |\n`);
  const keys = labels(await client.completion(node.uri, node.at));
  assert.equal(keys.filter((label) => / node$/.test(label)), [], keys.join(', '));
  assert.ok(keys.includes('step') && keys.includes('after') && keys.length <= 16, keys.join(', '));
});

Lsp('a schema made for a pipeline completes its node ids under after: and its <node>.<output> wires under inputs:', async ({ client }) => {
  const after = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  train:\n    step: XGBoostTraining\n    after: [|]\n`);
  assert.equal(labels(await client.completion(after.uri, after.at)).filter((label) => !label.startsWith('- (array item)')), ['a', 'prep']);
  const wire = openAt(client, `kind: Pipeline\nname: demo\nnodes:\n  train:\n    step: XGBoostTraining\n    inputs:\n      training_data: |\n`);
  const wires = labels(await client.completion(wire.uri, wire.at));
  assert.ok(wires.includes('prep.processed_data'), wires.join(', '));
  // Offered, not imposed: a wire to a node added since the schema was made is no schema error.
  const { uri } = openAt(client, `|kind: Pipeline\nname: demo\nnodes:\n  train:\n    step: XGBoostTraining\n    after: [later]\n    inputs: { training_data: later.data }\n    config: { numRound: x }\n`);
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length >= 1);
  assert.ok(diagnostics.every((d) => d.range.start.line === 7), JSON.stringify(diagnostics));
});

Lsp('the shipped built-in schema (examples/ use it) completes built-in step names and their config keys, and accepts others', async ({ client }) => {
  const modeline = `# yaml-language-server: $schema=${relative(project, join(repo, 'schema', 'pipeline.builtin.schema.json'))}\n`;
  const step = openAt(client, `${modeline}kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: |\n`, '.yaml');
  assert.equal(labels(await client.completion(step.uri, step.at)), [...builtinNames].sort());
  const config = openAt(client, `${modeline}kind: Pipeline\nname: demo\nnodes:\n  prep:\n    step: TabularPreprocessing\n    jobType: training\n    config:\n      |\n`, '.yaml');
  assert.ok(labels(await client.completion(config.uri, config.at)).includes('trainRatio'));
  const { uri } = openAt(client, `${modeline}|kind: Pipeline\nname: demo\nnodes:\n  mine:\n    step: MyOwnStep\n  prep:\n    step: TabularPreprocessing\n    jobType: nope\n`, '.yaml');
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length >= 1);
  assert.ok(diagnostics.every((d) => d.range.start.line === 8), `a project's own step name is accepted: ${JSON.stringify(diagnostics)}`);
});

Lsp('after plc new step, the project schema knows the new step type: no "unknown" in the editor', async ({ client }) => {
  const made = await runPlcInProcess(['new', 'step', 'ScoreDrift', '--kind', 'processing'], project);
  assert.is(made.status, 0, made.stderr);
  assert.match(made.stdout, /\.plc\/pipeline\.schema\.json/);
  client.filesChanged([schemaFile]);
  const { uri } = openAt(client, `|kind: Pipeline\nname: demo\nnodes:\n  drift:\n    step: ScoreDrift\n    config: { nope: 1 }\n`);
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length >= 1);
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.range.start.line === 5), JSON.stringify(diagnostics));
});

Lsp('a modeline associates the built-in step schema, which offers a new step type and a new port', async ({ client }) => {
  const modeline = `# yaml-language-server: $schema=${relative(project, join(repo, 'schema', 'step.schema.json'))}\n`;
  const empty = openAt(client, `${modeline}|`, '.yaml');
  const kinds = labels(await client.completion(empty.uri, empty.at));
  assert.ok(kinds.includes('Processing step type') && kinds.includes('Training step type'), kinds.join(', '));
  const ports = openAt(client, `${modeline}kind: Step\nname: Demo\nsagemaker: Processing\ninputs:\n  |\ncompute: { instanceType: ml.m5.large }\n`, '.yaml');
  assert.ok(labels(await client.completion(ports.uri, ports.at)).includes('new input port'));
});

Lsp.run();
