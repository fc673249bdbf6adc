// PLC4017: a name of REQUIRED_HYPERPARAMETERS is not set under training.hyperparameters; the job
// receives only the definition's HyperParameters.
import type { ScriptRule } from '../script-rule.js';
import { comparesHyperparameters } from './hyperparameters.js';

export const requiredHyperparameterUnset: ScriptRule = {
  code: 'PLC4017',
  check(context) {
    const { contract, declared, bag, step } = context;
    if (!comparesHyperparameters(context)) return;
    for (const required of contract.requiredHyperparameters ?? []) if (!declared.hyperparameters!.has(required.name)) bag.report('PLC4017', required.at, { name: required.name, step: step.doc.name });
  },
};
