// plc steps show: what a step type's compute section says, for job and model step types alike.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DiagnosticBag } from '../compiler/diagnostics/diagnostic.js';
import { renderStep } from '../compiler/explain/describe-step.js';
import { loadStepLibrary } from '../compiler/link/step-library.js';
import { builtinStepsDir } from '../schema/paths.js';
import { repo } from './support/helpers.js';

const library = loadStepLibrary([{ path: builtinStepsDir, builtin: true }], { cwd: repo, bag: new DiagnosticBag(), sources: new Map() });
const compute = (name: string) => /^compute: .*$/m.exec(renderStep(library.steps.get(name)!))?.[0];

test('a job step type shows its image, instance type, count and volume', () => {
  assert.is(compute('XGBoostTraining'), 'compute: xgboost 1.7-1, ${config.instanceType} × ${config.instanceCount}, ${config.volumeSizeGB} GB');
});

test('a model step type shows only its image: it runs no job of its own', () => {
  for (const name of ['XGBoostModel', 'PyTorchModel', 'ModelRegistration', 'GovernedModelRegistration']) {
    const line = compute(name);
    assert.ok(line?.startsWith('compute: '), `${name}: ${line}`);
    assert.not.match(line!, /undefined|×/, name);
  }
});

test.run();
