// Serving rules beyond their golden cases: PLC5083 by framework version (the PyTorch serving
// container reads the archive's code/ only from 1.2 on, the SageMaker SDK's
// PyTorchModel._is_mms_version), and EndpointDeployment's network reaching its handler.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, fixture, tempDir } from './support/helpers.js';

/** Whether PLC5083 is reported (an image version the table lacks is also PLC7003, not checked here). */
const refused = (version: string, code?: string): boolean => {
  const dir = tempDir();
  cpSync(fixture('errors', 'serving-upload-to-torchserve'), dir, { recursive: true });
  writeFileSync(join(dir, 'steps', 'torch-model.step.yaml'), [
    'kind: Step', 'name: TorchModel', 'sagemaker: Model', 'inputs:', '  model: { type: model, path: /opt/ml/model }',
    'script: { entryPoint: inference.py }', ...(code ? [`serving: { code: ${code} }`] : []),
    'compute:', `  image: { framework: pytorch, version: "${version}", pyVersion: py3 }`, '',
  ].join('\n'));
  return compile(join(dir, 'pipeline.yaml')).diagnostics.some((d) => d.code === 'PLC5083');
};

test('uploaded inference code is refused from PyTorch 1.2 on, and read from the archive it is not', () => {
  for (const version of ['1.2', '1.2.0', '1.13.1', '2.1']) assert.ok(refused(version), version);
  for (const version of ['1.0', '1.1.0', '0.4.0']) assert.not.ok(refused(version), version);
  assert.not.ok(refused('2.1', 'archive'));
  assert.ok(refused('2.1', 'upload'));
});

test('EndpointDeployment takes the node\'s network as an argument, without PLC2014', () => {
  const result = compile(fixture('builds', 'serving', 'pipeline.yaml'));
  assert.equal(result.diagnostics.map((d) => d.code), []);
  const definition = JSON.parse(result.files!.find((f) => f.name.endsWith('.json'))!.contents) as { Steps: { Name: string; Arguments: Record<string, unknown> }[] };
  const deploy = definition.Steps.find((s) => s.Name === 'deploy')!;
  assert.equal(deploy.Arguments['network'], { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroupIds: ['sg-0a1b2c3d4e5f60718'] });
});

test.run();
