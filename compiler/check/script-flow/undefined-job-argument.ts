// PLC4027: main() reads job_args.<name>, but no argument the script parses has that destination —
// neither a flag of CLI_ARGS (which plc_step's harness parses) nor a literal add_argument: an
// AttributeError when the job runs. argparse turns --job-type into job_type.
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

const destination = (flag: string) => flag.replace(/^-+/, '').split('=')[0]!.replace(/-/g, '_');

export const undefinedJobArgument: ScriptRule = {
  code: 'PLC4027',
  check(context) {
    const { flow, contract, bag, step } = context;
    // A flag computed at run time could define anything: PLC4025 says so.
    if (flow.unfollowed.some((u) => u.container === 'job_args')) return;
    const defined = new Set([...(contract.cliArgs ?? []), ...flow.argparseFlags].map((flag) => destination(flag.name)));
    const known = [...defined].sort();
    for (const read of flow.reads) {
      if (read.container !== 'job_args' || defined.has(read.name)) continue;
      bag.report('PLC4027', read.at, { form: read.form, name: read.name, step: step.doc.name, allowed: known }, { related: entryPointRelated(context) });
    }
  },
};
