// PLC4023: a literal /opt/ml/… path inside main() (or a function of the script it calls) that no
// port of the step type declares: nothing is mounted or uploaded there. Paths below a port's,
// folders above one, and the files SageMaker itself provides are fine.
import { normalizePath } from '../../sagemaker/property-paths.js';
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

/** Written by SageMaker or plc into every container of their kind, whatever the ports. */
const provided = ['/opt/ml/input/config', '/opt/ml/output/failure', '/opt/ml/output/message', '/opt/ml/code', '/opt/ml/processing/input/code'];
const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

export const undeclaredContainerPath: ScriptRule = {
  code: 'PLC4023',
  check(context) {
    const { flow, declared, bag, step } = context;
    const ports = [...declared.ports.keys()];
    for (const literal of flow.pathLiterals) {
      const path = normalizePath(literal.name);
      if (ports.some((port) => within(path, port) || within(port, path)) || provided.some((folder) => within(path, folder))) continue;
      bag.report('PLC4023', literal.at, { path: literal.name, step: step.doc.name }, { related: entryPointRelated(context) });
    }
  },
};
