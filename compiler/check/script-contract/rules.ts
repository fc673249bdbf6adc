// The script-contract rules, which compare a script's contract constants and os.environ reads with
// what its step type declares; run in this order, before the script-flow rules.
import type { ScriptRule } from '../script-rule.js';
import { boundEnvUnread } from './bound-env-unread.js';
import { envReadUnbound } from './env-read-unbound.js';
import { hyperparameterUnlisted } from './hyperparameter-unlisted.js';
import { passedFlagUnaccepted } from './passed-flag-unaccepted.js';
import { pathWithoutPort } from './path-without-port.js';
import { portPathUnlisted } from './port-path-unlisted.js';
import { requiredEnvUnbound } from './required-env-unbound.js';
import { requiredFlagNotPassed } from './required-flag-not-passed.js';
import { requiredHyperparameterUnset } from './required-hyperparameter-unset.js';

export const scriptContractRules: readonly ScriptRule[] = [envReadUnbound, requiredEnvUnbound, boundEnvUnread, pathWithoutPort, portPathUnlisted, requiredFlagNotPassed, passedFlagUnaccepted, requiredHyperparameterUnset, hyperparameterUnlisted];
