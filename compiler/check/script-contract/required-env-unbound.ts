// PLC4012: a name of the script's REQUIRED_ENV_VARS is not bound under script.env: the script says
// it cannot run without it, so the job would fail when it starts.
import type { ScriptRule } from '../script-rule.js';

export const requiredEnvUnbound: ScriptRule = {
  code: 'PLC4012',
  check({ contract, declared, bag, step }) {
    for (const required of contract.requiredEnv ?? []) if (!declared.env.has(required.name)) bag.report('PLC4012', required.at, { name: required.name, step: step.doc.name });
  },
};
