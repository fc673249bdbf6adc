// A node's values cannot read its own step: a property of its own (PLC5110) or a property file of
// its own output (PLC3008), reported where the reference is written, not as a cycle of one node.
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, writeProject } from './support/helpers.js';

const step = `kind: Step
name: Tool
sagemaker: Processing
description: Runs a tool.
config:
  properties:
    mode: { type: string, description: How the tool runs. }
outputs:
  summary:
    type: metrics
    path: /opt/ml/processing/output/summary
    propertyFile: { name: Summary, path: summary.json }
processing:
  env: { MODE: "\${config.mode}" }
compute: { image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/tool:1, instanceType: ml.m5.large }
`;

/** Each diagnostic as code, message and where it starts and ends. */
function diagnose(mode: string): string[] {
  const dir = writeProject({
    'steps/tool.step.yaml': step,
    'pipeline.yaml': `kind: Pipeline\nname: self\nsteps: [./steps]\ndefaults: { role: "arn:aws:iam::111122223333:role/R", outputPrefix: s3://bucket/out }\nnodes:\n  first: { step: Tool, config: { mode: fast } }\n  tool: { step: Tool, config: { mode: ${mode} } }\n`,
  });
  return compile(join(dir, 'pipeline.yaml'), dir).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.message}`);
}

test('a node reading another node\'s property or property file is clean', () => {
  assert.equal(diagnose('"${steps.first.ProcessingJobName}"'), []);
  assert.equal(diagnose('{ jsonGet: [first.summary, mode] }'), []);
});

test('a node reading its own property is PLC5110 at the reference, not a cycle', () => {
  assert.equal(diagnose('"${steps.tool.ProcessingJobName}"'), ['PLC5110 7:40-71 node "tool" reads its own property ProcessingJobName']);
});

test('a jsonGet of the node\'s own output is PLC3008 at the reference, not a cycle', () => {
  assert.equal(diagnose('{ jsonGet: [tool.summary, mode] }'), ['PLC3008 7:51-63 node "tool" reads its own output "summary"']);
});

test.run();
