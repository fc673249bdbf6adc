// Editor schemas stay fresh: the shipped built-in schema matches the built-in step types, plc new
// step regenerates a project's schema, and plc check reports one that fell behind (PLC0040). The
// cases are made with plc init in a temporary folder rather than committed as fixtures: a
// generated schema embeds the whole built-in catalog, so a committed one would go stale with it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { builtinSchemaText } from '../compiler/editor-schema/project-schema.js';
import { createAjv } from '../compiler/validate/validate-document.js';
import { fixture, repo, runPlcInProcess, tempDir } from './support/helpers.js';

test('schema/pipeline.builtin.schema.json is what npm run generate:docs writes now', async () => {
  assert.ok(readFileSync(join(repo, 'schema/pipeline.builtin.schema.json'), 'utf8') === builtinSchemaText(), 'stale: run npm run generate:docs');
});

test('the examples point their modeline at the shipped built-in schema', async () => {
  for (const example of ['tabular-xgboost', 'xgboost-e2e']) {
    assert.match(readFileSync(join(repo, 'examples', `${example}.pipeline.yaml`), 'utf8'), /^# yaml-language-server: \$schema=\.\.\/schema\/pipeline\.builtin\.schema\.json\n/);
  }
});

const json = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { code: string; file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } }; message: string }[] }).diagnostics;

test('PLC0040: plc check reports a generated schema that a new step type made stale, at the modeline; plc schema makes it fresh', async () => {
  const demo = join(tempDir(), 'demo');
  assert.is((await runPlcInProcess(['init', demo])).status, 0);
  const fresh = await runPlcInProcess(['check', '--format', 'json'], demo);
  assert.equal(json(fresh.stdout), [], 'the clean twin: a schema plc init just wrote is fresh');
  writeFileSync(join(demo, 'steps', 'hand-made.step.yaml'), 'kind: Step\nname: HandMade\nsagemaker: Processing\ndescription: Written by hand, without plc new step.\ncompute:\n  image: { framework: sklearn, version: 1.2-1 }\n  instanceType: ml.m5.large\n');
  const stale = await runPlcInProcess(['check', '--format', 'json'], demo);
  const found = json(stale.stdout).filter((d) => d.code === 'PLC0040');
  assert.equal(found.map((d) => [d.file, d.range.start.line, d.range.start.column, d.range.end.column]), [['demo.pipeline.yaml', 1, 33, 58]]);
  assert.match(found[0]!.message, /the editor schema \.plc\/pipeline\.schema\.json is stale/);
  assert.is(stale.status, 0, 'a warning: the gate still passes');
  assert.is((await runPlcInProcess(['schema', '-p', 'demo.pipeline.yaml', '-o', '.plc/pipeline.schema.json'], demo)).status, 0);
  assert.equal(json((await runPlcInProcess(['check', '--format', 'json'], demo)).stdout).filter((d) => d.code === 'PLC0040'), []);
});

test('plc new step regenerates the project schema, so plc check finds it fresh', async () => {
  const demo = join(tempDir(), 'demo');
  assert.is((await runPlcInProcess(['init', demo])).status, 0);
  const made = await runPlcInProcess(['new', 'step', 'CleanData'], demo);
  assert.is(made.status, 0, made.stderr);
  assert.match(readFileSync(join(demo, '.plc/pipeline.schema.json'), 'utf8'), /"CleanData"/);
  assert.equal(json((await runPlcInProcess(['check', '--format', 'json'], demo)).stdout).filter((d) => d.code === 'PLC0040'), []);
});


test('a node\'s ports: completes each port of its step type with the data options its kind takes there, and their values', () => {
  type Rule = { if: { properties: { step: { const: string } } }; then: { properties: { ports: { properties: Record<string, { properties: Record<string, { anyOf?: { enum?: string[] }[] }> }> } } } };
  const schema = JSON.parse(builtinSchemaText()) as { definitions: { node: { allOf: Rule[] } } };
  const ports = (step: string) => schema.definitions.node.allOf.find((rule) => rule.if.properties.step.const === step)!.then.properties.ports.properties;
  const processing = ports('TabularPreprocessing');
  assert.equal(Object.keys(processing['data']!.properties), ['distribution', 'inputMode', 'compression', 'dataType']);
  assert.equal(processing['data']!.properties['inputMode']!.anyOf![0]!.enum, ['File', 'Pipe']);
  assert.equal(Object.keys(processing['processed_data']!.properties), ['uploadMode']);
  const training = ports('XGBoostTraining');
  assert.equal(Object.keys(training['training_data']!.properties), ['contentType', 'distribution', 'inputMode', 'compression', 'recordWrapper', 'dataType', 'attributeNames']);
  assert.equal(training['model'], undefined, 'a training output takes no data options');
});

test('plc schema takes jsonGet under inputs:, outputs: and config:, completing its first item with the outputs that have a property file', async () => {
  const out = join(tempDir(), 'pipeline.schema.json');
  const made = await runPlcInProcess(['schema', '-p', 'pipeline.yaml', '-o', out], fixture('builds', 'step-properties'));
  assert.is(made.status, 0, made.stderr);
  const schema = JSON.parse(readFileSync(out, 'utf8')) as { definitions: { jsonGet: { properties: { jsonGet: { items: { anyOf?: { enum?: string[] }[] }[] } } } } };
  assert.equal(schema.definitions.jsonGet.properties.jsonGet.items[0]!.anyOf![0]!.enum, ['split.report']);
  // The golden pipeline (jsonGet as an input location, an output placement and config values) is no editor error.
  const validate = createAjv({ strict: false }).compile(schema);
  const pipeline = parse(readFileSync(fixture('builds', 'step-properties', 'pipeline.yaml'), 'utf8')) as { nodes: Record<string, { inputs?: unknown }> };
  assert.ok(validate(pipeline), JSON.stringify(validate.errors));
  pipeline.nodes['fit']!.inputs = { train: { jsonGet: ['split.report'] } };
  assert.not.ok(validate(pipeline), 'a jsonGet needs its path');
});

test.run();
