// PLC4022: the script's argparse defines a flag outside its declared CLI_ARGS (or, without
// CLI_ARGS, one the step type does not pass): the contract the checks compare no longer says what
// the script parses, and a required flag the step does not pass stops the job.
import { flagName } from '../script-contract.js';
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

export const undeclaredArgument: ScriptRule = {
  code: 'PLC4022',
  check(context) {
    const { flow, contract, declared, bag, step } = context;
    const cli = contract.cliArgs && new Set(contract.cliArgs.map((a) => flagName(a.name)));
    for (const flag of flow.argparseFlags) {
      const name = flagName(flag.name);
      if (cli ? cli.has(name) : declared.argumentFlags.has(name)) continue;
      const detail = cli ? 'CLI_ARGS does not declare' : `step type ${step.doc.name} does not pass`;
      bag.report('PLC4022', flag.at, { flag: flag.name, detail }, { related: entryPointRelated(context) });
    }
  },
};
