// PLC4015: CLI_ARGS marks a flag required and script.arguments (base or any variant) never passes
// it, so the script stops when it starts.
import { flagName } from '../script-contract.js';
import type { ScriptRule } from '../script-rule.js';

export const requiredFlagNotPassed: ScriptRule = {
  code: 'PLC4015',
  check({ contract, declared, bag, step }) {
    for (const argument of contract.cliArgs ?? []) if (argument.required && !declared.argumentFlags.has(flagName(argument.name))) bag.report('PLC4015', argument.at, { flag: argument.name, step: step.doc.name });
  },
};
