// PLC4019: main() reads input_paths["k"] or output_paths["k"] for a key the dictionary __main__
// hands it does not have: a KeyError when the job runs, for a port the step does not declare.
import { suggest } from '../../diagnostics/did-you-mean.js';
import type { PathContainer } from './flow.js';
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

export const undeclaredPathKey: ScriptRule = {
  code: 'PLC4019',
  check(context) {
    const { flow, bag, step } = context;
    for (const read of flow.reads) {
      if (read.container !== 'input_paths' && read.container !== 'output_paths') continue;
      const passed = flow.main?.passed[read.container as PathContainer];
      if (!passed || passed.keys.has(read.name)) continue;
      const keys = [...passed.keys.keys()].sort();
      const direction = read.container === 'input_paths' ? 'inputs' : 'outputs';
      bag.report('PLC4019', read.at, { form: read.form, source: passed.source, step: step.doc.name, direction: direction.slice(0, -1), allowed: keys }, {
        ...suggest(read.name, keys),
        related: [{ message: `${passed.source} is handed to main() here`, location: passed.at }, ...entryPointRelated(context)],
      });
    }
  },
};
