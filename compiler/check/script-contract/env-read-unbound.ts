// PLC4010: the script reads an environment variable (os.environ[…], os.environ.get, os.getenv)
// that the step type binds nowhere under script.env; the job gets only the definition's
// Environment and the container's own variables.
import { containerVariable } from '../script-contract.js';
import type { ScriptRule } from '../script-rule.js';

export const envReadUnbound: ScriptRule = {
  code: 'PLC4010',
  check({ contract, declared, bag, step }) {
    for (const read of contract.envReads) if (!declared.env.has(read.name) && !containerVariable(read.name)) bag.report('PLC4010', read.at, { name: read.name, step: step.doc.name });
  },
};
