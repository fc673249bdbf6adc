// after: becomes DependsOn unless the step already waits for the neighbour: a data edge, or a Get
// of its properties in the rendered step. A property read only at build time orders nothing.
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, writeProject } from './support/helpers.js';

// `note` reaches no member of the job: the build reads it, the definition never holds it.
const step = `kind: Step
name: Tool
sagemaker: Processing
description: Runs a tool.
config:
  properties:
    mode: { type: string, default: fast, description: How the tool runs. }
    note: { type: string, default: none, description: Read by nothing the job gets. }
processing:
  env: { MODE: "\${config.mode}" }
compute: { image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/tool:1, instanceType: ml.m5.large }
`;

/** The second node's DependsOn and whether its step holds a Get of the first. */
function second(config: string): { dependsOn: unknown; gets: boolean } {
  const dir = writeProject({
    'steps/tool.step.yaml': step,
    'pipeline.yaml': `kind: Pipeline\nname: after\nsteps: [./steps]\ndefaults: { role: "arn:aws:iam::111122223333:role/R", outputPrefix: s3://bucket/out }\nnodes:\n  first: { step: Tool }\n  then: { step: Tool, after: [first], config: ${config} }\n`,
  });
  const result = compile(join(dir, 'pipeline.yaml'), dir);
  assert.equal(result.diagnostics, []);
  const steps = (JSON.parse(result.files![0]!.contents) as { Steps: { Name: string; DependsOn?: unknown }[] }).Steps;
  const last = steps[steps.length - 1]!;
  return { dependsOn: last.DependsOn, gets: JSON.stringify(last).includes('"Get":"Steps.') };
}

test('after: a node whose property the step holds as a Get: the Get orders it, no DependsOn', () => {
  assert.equal(second('{ mode: "${steps.first.ProcessingJobName}" }'), { dependsOn: undefined, gets: true });
});

test('after: a node whose property is read only at build time stays a DependsOn', () => {
  assert.equal(second('{ note: "${steps.first.ProcessingJobName}" }'), { dependsOn: ['first'], gets: false });
});

test.run();
