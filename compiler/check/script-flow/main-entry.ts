// PLC4024: a script that takes part in the contract convention (it declares INPUT_PATHS and the
// other constants, or defines main) must define main(input_paths, output_paths, environ_vars,
// job_args) and call it from `__main__`; otherwise what the job reads cannot be followed.
import type { Location } from '../../source/source-file.js';
import { mainParameters } from './flow.js';
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

const signature = `main(${mainParameters.join(', ')})`;

export const mainEntry: ScriptRule = {
  code: 'PLC4024',
  check(context) {
    const { flow, contract, bag, script } = context;
    const declaresContract = contract.paths !== undefined || contract.requiredEnv !== undefined || contract.optionalEnv !== undefined || contract.cliArgs !== undefined || contract.requiredHyperparameters !== undefined || contract.optionalHyperparameters !== undefined;
    if (!flow.main && !declaresContract) return;
    const report = (at: Location, detail: string) => bag.report('PLC4024', at, { script: script.name, detail, signature }, { related: entryPointRelated(context) });
    if (!flow.main) {
      report(flow.mainBlock ?? { file: script.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }, `defines no ${signature}`);
    } else if (flow.main.parameters.length !== mainParameters.length || flow.main.parameters.some((name, i) => name !== mainParameters[i])) {
      report(flow.main.parametersAt, `defines main(${flow.main.parameters.join(', ')}) rather than ${signature}`);
    } else if (!flow.main.call) {
      report(flow.main.at, flow.mainBlock ? 'never calls main() from its __main__ block' : 'has no __main__ block that calls main()');
    }
  },
};
