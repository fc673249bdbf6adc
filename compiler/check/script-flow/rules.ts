// The script-flow rules, run in this order on every step script that plc can parse.
import { mainEntry } from './main-entry.js';
import type { ScriptRule } from '../script-rule.js';
import { unboundEnvRead } from './unbound-env-read.js';
import { undeclaredArgument } from './undeclared-argument.js';
import { undeclaredContainerPath } from './undeclared-container-path.js';
import { undeclaredPathKey } from './undeclared-path-key.js';
import { undefinedJobArgument } from './undefined-job-argument.js';
import { unfollowedRead } from './unfollowed-read.js';
import { unreadPort } from './unread-port.js';

export const scriptFlowRules: readonly ScriptRule[] = [mainEntry, undeclaredPathKey, unreadPort, unboundEnvRead, undeclaredArgument, undeclaredContainerPath, undefinedJobArgument, unfollowedRead];
