// PLC4013: INPUT_PATHS or OUTPUT_PATHS lists a container path at which the step type declares no
// port: SageMaker places and collects data only at declared ports.
import { normalizePath } from '../../sagemaker/property-paths.js';
import type { ScriptRule } from '../script-rule.js';

export const pathWithoutPort: ScriptRule = {
  code: 'PLC4013',
  check({ contract, declared, bag, step }) {
    for (const path of contract.paths ?? []) if (!declared.ports.has(normalizePath(path.name))) bag.report('PLC4013', path.at, { path: path.name, step: step.doc.name });
  },
};
