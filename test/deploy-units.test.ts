// The pure parts of the AWS commands: the definition diff, override checks, the deploy plan's
// inline/S3 choice, secret masking, and that `plc build` never loads the AWS SDK.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffDefinitions } from '../aws/definition-diff.js';
import { redact } from '../aws/diagnose-failure.js';
import { inlineDefinitionLimit, planDeploy } from '../aws/deploy-plan.js';
import { checkOverrides } from '../aws/overrides.js';
import { repo } from './support/helpers.js';

const definition = (threshold: number, failMessage: string) => ({
  Version: '2020-12-01',
  Parameters: [{ Name: 'MinAuc', Type: 'Float', DefaultValue: threshold }],
  Steps: [
    { Name: 'train', Type: 'Training', Arguments: { HyperParameters: { eta: '0.3' } } },
    { Name: 'gate', Type: 'Condition', Arguments: { Conditions: [], IfSteps: [], ElseSteps: [{ Name: 'too-weak', Type: 'Fail', Arguments: { ErrorMessage: failMessage } }] } },
  ],
});

test('the diff groups by step and parameter, and reports a change inside a branch at the branch step', () => {
  assert.equal(diffDefinitions(definition(0.8, 'weak'), definition(0.8, 'weak')), []);
  assert.equal(diffDefinitions(definition(0.8, 'weak'), definition(0.9, 'too weak')), [
    { kind: 'parameter', name: 'MinAuc', change: 'changed', fields: [{ path: 'DefaultValue', before: 0.8, after: 0.9 }] },
    { kind: 'step', name: 'too-weak', change: 'changed', fields: [{ path: 'Arguments.ErrorMessage', before: 'weak', after: 'too weak' }] },
  ]);
  const renamed = definition(0.8, 'weak');
  renamed.Steps[0]!.Name = 'fit';
  assert.equal(diffDefinitions(definition(0.8, 'weak'), renamed).map((c) => `${c.change} ${c.kind} ${c.name}`), ['removed step train', 'added step fit']);
});

test('overrides: declared names, values of the declared type, within the enum', () => {
  const parameters = [
    { name: 'Rate', type: 'Float' as const },
    { name: 'Flag', type: 'Boolean' as const },
    { name: 'Mode', type: 'String' as const, enum: ['a', 'b'] },
  ];
  assert.equal(checkOverrides(parameters, [{ name: 'Rate', value: '1e-3' }, { name: 'Flag', value: 'True' }, { name: 'Mode', value: 'b' }]), []);
  assert.equal(checkOverrides(parameters, [{ name: 'Rate', value: 'fast' }, { name: 'Flag', value: 'yes' }, { name: 'Mode', value: 'c' }, { name: 'Rate', value: '2' }]), [
    '-P Rate=fast: Rate is a Float parameter',
    '-P Flag=yes: Flag is a Boolean parameter',
    '-P Mode=c: Mode is one of a, b',
    '-P Rate: given twice',
  ]);
});

test('a definition goes inline below 100 KB and to a content-addressed S3 key from there', () => {
  const ir = { name: 'p', parameters: [], steps: [], code: [], tags: [], experiment: false as const };
  const plan = (size: number, codePrefix?: string) => planDeploy({ ir, definition: 'x'.repeat(size), role: 'arn:aws:iam::111122223333:role/R', tags: [], ...(codePrefix ? { codePrefix } : {}) });
  const small = plan(inlineDefinitionLimit - 1);
  assert.ok('plan' in small && small.plan.request.PipelineDefinition !== undefined);
  assert.equal(plan(inlineDefinitionLimit), { definitionNeedsS3: inlineDefinitionLimit });
  const large = plan(inlineDefinitionLimit, 's3://b/plc/');
  assert.ok('plan' in large);
  assert.match(large.plan.request.PipelineDefinitionS3Location!.ObjectKey, /^plc\/definitions\/[0-9a-f]{64}\.json$/);
  assert.is(large.plan.request.PipelineDefinition, undefined);
});

test('secrets from the environment and signed-URL parts are masked', () => {
  assert.is(redact('echo: session-token-value-123 and X-Amz-Security-Token=abc&Signature=def', { AWS_SESSION_TOKEN: 'session-token-value-123' }), 'echo: **** and X-Amz-Security-Token=****&Signature=****');
});

test('the CLI entry and plc build never import the AWS SDK statically (it loads only for the AWS commands)', () => {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // Static imports only: `import … from '…'` at the start of a line; `await import(…)` is lazy.
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)) {
      assert.not.match(target!, /^@aws-sdk\//, `${file} imports ${target} statically`);
      if (target!.startsWith('.')) visit(resolve(dirname(file), target!));
    }
  };
  for (const entry of ['bin/plc.js', 'bin/commands/build.js', 'bin/compile.js', 'compiler/driver.js']) visit(join(repo, 'dist', entry));
  assert.ok(seen.size > 20, `${seen.size} modules walked`);
});

test.run();
