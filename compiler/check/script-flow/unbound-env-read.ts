// PLC4021: main() reads an environment variable through environ_vars (a subscript, `.get`, or
// plc's StepEnv reader) that the step type does not bind under script.env: at run time it is
// missing (a KeyError, or the default where one is written). Reads of os.environ are PLC4010.
import { containerVariable } from '../script-contract.js';
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

export const unboundEnvRead: ScriptRule = {
  code: 'PLC4021',
  check(context) {
    const { flow, declared, bag, step } = context;
    const bound = [...declared.env.keys()].sort();
    for (const read of flow.reads) {
      if (read.container !== 'environ_vars' || declared.env.has(read.name) || containerVariable(read.name)) continue;
      bag.report('PLC4021', read.at, { name: read.name, form: read.form, step: step.doc.name, allowed: bound }, { related: entryPointRelated(context) });
    }
  },
};
