// A processing step's ports are container folders below /opt/ml/processing/, distinct, at most 10
// each way, and clear of the `code` input plc adds for the script.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepType } from '../../link/step-library.js';
import { normalizePath } from '../../sagemaker/property-paths.js';
import type { PortOptions } from '../kind.js';
import { portPaths } from '../ports.js';

/** Where SageMaker processing places the `code` input, as the SageMaker SDK does. */
export const processingCodeDir = '/opt/ml/processing/input/code';

const maxProcessingPorts = 10;

/** What ProcessingS3Input and ProcessingS3Output (CreateProcessingJob) take. */
export const processingPortOptions: PortOptions = {
  inputs: { distribution: ['FullyReplicated', 'ShardedByS3Key'], inputMode: ['File', 'Pipe'], compression: ['None', 'Gzip'], dataType: ['S3Prefix', 'ManifestFile'] },
  outputs: { uploadMode: ['EndOfJob', 'Continuous'] },
};

export function checkProcessingStep(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  // A script's entrypoint and arguments are plc's to write; a container of its own takes them from `processing:`.
  if (doc.script) {
    for (const member of ['containerEntrypoint', 'containerArguments', 'env'] as const) {
      if (doc.processing?.[member] !== undefined) bag.report('PLC5071', source.locate(['processing', member], 'key'), { step: doc.name, member });
    }
  }
  const ports = portPaths(step, bag);
  const seen = new Map<string, string>();
  for (const [direction, group] of [['input', 'inputs'], ['output', 'outputs']] as const) {
    for (const [port, written] of ports[group]) {
      const path = normalizePath(written);
      if (!path.startsWith('/opt/ml/processing/')) {
        bag.report('PLC5007', source.locate([group, port, 'path']), { direction, port, step: doc.name, path: written });
      }
      if (doc.script && (port === 'code' || path === processingCodeDir)) {
        bag.report('PLC5003', source.locate([group, port], 'key'), { step: doc.name });
      }
      const other = seen.get(path);
      if (other !== undefined) bag.report('PLC5008', source.locate([group, port, 'path']), { port, other, step: doc.name, path });
      seen.set(path, port);
    }
    const count = ports[group].length + (direction === 'input' && doc.script ? 1 : 0);
    if (count > maxProcessingPorts) {
      bag.report('PLC5009', source.locate([group], 'key'), { step: doc.name, count, direction, extra: direction === 'input' && doc.script ? ' (with the code input)' : '' });
    }
  }
}
