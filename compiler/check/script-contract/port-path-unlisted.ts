// PLC4014: a port of the step type (an output, or an input not marked required: false) is at a
// path the script's INPUT_PATHS and OUTPUT_PATHS never list: data the script ignores, or an
// output it never writes. Checked only when the script defines one of the two.
import { normalizePath } from '../../sagemaker/property-paths.js';
import type { ScriptRule } from '../script-rule.js';

export const portPathUnlisted: ScriptRule = {
  code: 'PLC4014',
  check({ contract, declared, bag, step, script, where }) {
    if (!contract.paths) return;
    const listed = new Set(contract.paths.map((p) => normalizePath(p.name)));
    for (const [path, port] of declared.ports) if (port.required && !listed.has(path)) bag.report('PLC4014', where(port.path), { port: port.port, path: port.name, step: step.doc.name, script: script.name });
  },
};
