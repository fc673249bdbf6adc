// PLC4018: training.hyperparameters sets a name the script lists in neither
// REQUIRED_HYPERPARAMETERS nor OPTIONAL_HYPERPARAMETERS: received and ignored, usually misspelt.
import type { ScriptRule } from '../script-rule.js';
import { comparesHyperparameters } from './hyperparameters.js';

export const hyperparameterUnlisted: ScriptRule = {
  code: 'PLC4018',
  check(context) {
    const { contract, declared, bag, step, script, where } = context;
    if (!comparesHyperparameters(context)) return;
    const listed = new Set([...(contract.requiredHyperparameters ?? []), ...(contract.optionalHyperparameters ?? [])].map((h) => h.name));
    for (const set of declared.hyperparameters!.values()) if (!listed.has(set.name)) bag.report('PLC4018', where(set.path, 'key'), { name: set.name, step: step.doc.name, script: script.name });
  },
};
