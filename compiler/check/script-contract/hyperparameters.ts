// When the hyperparameter rules (PLC4017, PLC4018) apply: the step type sets its hyperparameters
// as a mapping (declared.hyperparameters) and the script lists the ones it reads.
import type { ScriptContext } from '../script-rule.js';

export const comparesHyperparameters = ({ contract, declared }: ScriptContext) => declared.hyperparameters !== undefined && (contract.requiredHyperparameters !== undefined || contract.optionalHyperparameters !== undefined);
