// PLC4016: script.arguments passes a flag the script's CLI_ARGS does not list; argparse's
// parse_args() exits on an unknown flag. Checked only when the script defines CLI_ARGS.
import { flagName } from '../script-contract.js';
import type { ScriptRule } from '../script-rule.js';

export const passedFlagUnaccepted: ScriptRule = {
  code: 'PLC4016',
  check({ contract, declared, bag, step, script, where }) {
    if (!contract.cliArgs) return;
    const accepted = new Set(contract.cliArgs.map((a) => flagName(a.name)));
    for (const [flag, passed] of declared.argumentFlags) if (!accepted.has(flag)) bag.report('PLC4016', where(passed.path), { flag: passed.name, step: step.doc.name, script: script.name });
  },
};
