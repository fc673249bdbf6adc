// The built-in step library: every step type validates, is described, and compiles in every
// job type it declares (variants applied) to steps the SageMaker API model accepts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { inspectLibrary } from '../compiler/driver.js';
import { deepMerge } from '../compiler/expand/deep-merge.js';
import type { StepType } from '../compiler/link/step-library.js';
import { compile, definitionViolations, repo, tempDir } from './support/helpers.js';

const library = inspectLibrary({ cwd: repo });
const steps = [...library.library.steps.values()].sort((a, b) => (a.doc.name < b.doc.name ? -1 : 1));

/** Values for required config fields that have no sensible generic sample. */
const samples: Record<string, string> = { labelField: 'label', currencyColumn: 'currency', monetaryColumns: 'amount', exchangeRates: 'EUR=1.08', modelPackageGroup: 'fraud-models' };

test('the built-in library loads without a diagnostic and has the seed catalog', () => {
  assert.equal(library.diagnostics, []);
  assert.ok(steps.length >= 20, `${steps.length} step types`);
  assert.equal([...new Set(steps.map((s) => s.doc.sagemaker))].sort(), ['ClarifyCheck', 'Lambda', 'Model', 'Processing', 'QualityCheck', 'RegisterModel', 'Training', 'Transform', 'Tuning']);
  for (const step of steps) {
    assert.ok(step.doc.description && step.doc.description.length > 20, `${step.doc.name} is described`);
    // Built-in models serve with an inference script; a transform, a Lambda step and the check steps (SageMaker's own analyzers) run none.
    const runsCode = !['Transform', 'Lambda', 'QualityCheck', 'ClarifyCheck'].includes(step.doc.sagemaker);
    assert.is(step.doc.script !== undefined, runsCode, `${step.doc.name}: a script exactly when it runs code`);
    for (const [name, field] of Object.entries(step.doc.config?.properties ?? {})) assert.ok(field.description, `${step.doc.name}.config.${name} is described`);
  }
});

function nodeFor(step: StepType, jobType: string | undefined): Record<string, unknown> {
  const variant = jobType === undefined ? {} : (step.doc.variants?.[jobType] ?? {});
  const inputs = deepMerge(step.doc.inputs ?? {}, (variant as { inputs?: unknown }).inputs ?? {}) as Record<string, { required?: boolean }>;
  const required = Object.keys(inputs).filter((port) => inputs[port]!.required !== false);
  return {
    step: step.doc.name,
    ...(jobType ? { jobType } : {}),
    inputs: Object.fromEntries(required.map((port) => [port, (inputs[port] as { type: string }).type === 'model-name' ? 'existing-model' : `s3://bucket/in/${port}`])),
    config: Object.fromEntries((step.doc.config?.required ?? []).map((key) => [key, samples[key] ?? 'x'])),
  };
}

test('every built-in step type compiles in each of its job types, and the API model accepts the result', () => {
  const nodes: Record<string, unknown> = {};
  for (const step of steps) {
    const kebab = step.doc.name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    for (const jobType of step.doc.jobTypes ?? [undefined]) nodes[jobType ? `${kebab}-${jobType}` : kebab] = nodeFor(step, jobType);
  }
  const dir = tempDir();
  const pipeline = join(dir, 'all.pipeline.yaml');
  writeFileSync(pipeline, stringify({
    kind: 'Pipeline', name: 'every-step', region: 'us-east-1', codePrefix: 's3://bucket/code',
    defaults: { role: 'arn:aws:iam::111122223333:role/SageMakerExecution', outputPrefix: 's3://bucket/out' },
    nodes,
  }));
  const result = compile(pipeline, dir);
  // Over 100 KB with ~60 steps: the note that deploys upload it to S3 is expected; the nodes stand
  // alone (PLC6003), since this tests each step type, not a data flow.
  assert.equal(result.diagnostics.filter((d) => d.code !== 'PLC5019' && d.code !== 'PLC6003').map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message}`), []);
  const definition = result.files![0]!.contents;
  assert.is(JSON.parse(definition).Steps.length, Object.keys(nodes).length);
  const violations = definitionViolations(definition);
  if (violations) assert.equal(violations, []);
});

test.run();
