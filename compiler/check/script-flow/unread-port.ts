// PLC4020: a port of the step type (a required input, or an output) whose key in the dictionary
// __main__ hands over main() never reads: the job ignores its data, or never writes its output.
// The port's path missing from the dictionary altogether is PLC4014.
import { normalizePath } from '../../sagemaker/property-paths.js';
import type { PathContainer } from './flow.js';
import type { ScriptRule } from '../script-rule.js';

export const unreadPort: ScriptRule = {
  code: 'PLC4020',
  check(context) {
    const { flow, declared, bag, step, script, where } = context;
    if (!flow.main) return;
    for (const [path, port] of declared.ports) {
      if (!port.required) continue;
      const container: PathContainer = port.path[port.path.length - 3] === 'inputs' ? 'input_paths' : 'output_paths';
      const passed = flow.main.passed[container];
      if (!passed || flow.wholeReads.has(container) || flow.unfollowed.some((u) => u.container === container)) continue;
      // A key stands for the port by its literal path, or by the port's name when its value is computed.
      const keys = [...passed.keys].filter(([key, value]) => (value !== undefined ? normalizePath(value) === path : key === port.port)).map(([key]) => key);
      if (keys.length === 0 || flow.reads.some((r) => r.container === container && keys.includes(r.name))) continue;
      bag.report('PLC4020', where(port.path), { port: port.port, step: step.doc.name, script: script.name, form: `${container}["${keys[0]}"]` }, { related: [{ message: 'main() is defined here', location: flow.main.at }] });
    }
  },
};
