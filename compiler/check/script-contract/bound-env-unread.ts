// PLC4011: script.env binds a variable the script never reads. Reads through helper functions
// cannot be seen, so only a script that lists its variables (REQUIRED_ENV_VARS or
// OPTIONAL_ENV_VARS) is checked.
import type { ScriptRule } from '../script-rule.js';

export const boundEnvUnread: ScriptRule = {
  code: 'PLC4011',
  check({ contract, declared, bag, step, script, where }) {
    if (!contract.requiredEnv && !contract.optionalEnv) return;
    const reads = new Set([...(contract.requiredEnv ?? []), ...(contract.optionalEnv ?? []), ...contract.envReads].map((s) => s.name));
    for (const bound of declared.env.values()) if (!reads.has(bound.name)) bag.report('PLC4011', where(bound.path, 'key'), { name: bound.name, step: step.doc.name, script: script.name });
  },
};
