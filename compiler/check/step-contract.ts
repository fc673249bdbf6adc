// Checks of a step type against what its SageMaker kind can do: training channels and outputs
// live at fixed container paths; processing ports live below /opt/ml/processing/, do not collide
// with the `code` input plc adds, and number at most 10 each way; property files need
// processing outputs.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { isTrainingOutputPath, normalizePath, processingCodeDir, trainingChannelPath } from '../sagemaker/property-paths.js';

const maxProcessingPorts = 10;

export function checkStepContract(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const kind = doc.sagemaker;
  const inputs = Object.entries(doc.inputs ?? {});
  const outputs = Object.entries(doc.outputs ?? {});
  if (doc.role === 'source' && inputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'inputs' });
  if (doc.role === 'sink' && outputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'outputs' });
  for (const [port, spec] of inputs) {
    if (kind === 'Training' && normalizePath(spec.path) !== trainingChannelPath(port)) {
      bag.report('PLC5001', source.locate(['inputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
  }
  for (const [port, spec] of outputs) {
    if (kind === 'Training' && !isTrainingOutputPath(spec.path)) {
      bag.report('PLC5002', source.locate(['outputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
    if (spec.propertyFile && kind !== 'Processing') bag.report('PLC5004', source.locate(['outputs', port, 'propertyFile'], 'key'), { step: doc.name, kind });
  }
  if (kind !== 'Processing') return;

  const seen = new Map<string, string>();
  for (const [direction, ports] of [['input', inputs], ['output', outputs]] as const) {
    const group = direction === 'input' ? 'inputs' : 'outputs';
    for (const [port, spec] of ports) {
      const path = normalizePath(spec.path);
      if (!path.startsWith('/opt/ml/processing/')) {
        bag.report('PLC5007', source.locate([group, port, 'path']), { direction, port, step: doc.name, path: spec.path });
      }
      if (doc.script && (port === 'code' || path === processingCodeDir)) {
        bag.report('PLC5003', source.locate([group, port], 'key'), { step: doc.name });
      }
      const other = seen.get(path);
      if (other !== undefined) bag.report('PLC5008', source.locate([group, port, 'path']), { port, other, step: doc.name, path });
      seen.set(path, port);
    }
    const count = ports.length + (direction === 'input' && doc.script ? 1 : 0);
    if (count > maxProcessingPorts) {
      bag.report('PLC5009', source.locate([group], 'key'), { step: doc.name, count, direction, extra: direction === 'input' && doc.script ? ' (with the code input)' : '' });
    }
  }
}
