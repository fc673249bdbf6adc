// Checks of a step type against what its SageMaker kind can do: training channels and outputs
// live at fixed container paths, processing reserves the `code` input, property files need
// processing outputs.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { trainingChannelPath, trainingOutputPaths } from '../sagemaker/property-paths.js';

export function checkStepContract(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const kind = doc.sagemaker;
  for (const [port, spec] of Object.entries(doc.inputs ?? {})) {
    if (kind === 'Training' && spec.path.replace(/\/+$/, '') !== trainingChannelPath(port)) {
      bag.report('PLC5001', source.locate(['inputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
    if (kind === 'Processing' && port === 'code' && doc.script) bag.report('PLC5003', source.locate(['inputs', port], 'key'), { step: doc.name });
  }
  for (const [port, spec] of Object.entries(doc.outputs ?? {})) {
    if (kind === 'Training' && !(spec.path.replace(/\/+$/, '') in trainingOutputPaths)) {
      bag.report('PLC5002', source.locate(['outputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
    if (spec.propertyFile && kind !== 'Processing') bag.report('PLC5004', source.locate(['outputs', port, 'propertyFile'], 'key'), { step: doc.name, kind });
  }
}
