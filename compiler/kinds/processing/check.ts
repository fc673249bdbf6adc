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

type PortPaths = ReturnType<typeof portPaths>;

const groups = [['input', 'inputs'], ['output', 'outputs']] as const;

/** PLC5071: beside a script, its entrypoint, arguments and environment come from plc and `script:`; only a container of its own takes them from `processing:`. */
function scriptOrContainerEntrypoint({ doc, source }: StepType, _paths: PortPaths, bag: DiagnosticBag): void {
  if (!doc.script) return;
  for (const member of ['containerEntrypoint', 'containerArguments', 'env'] as const) {
    if (doc.processing?.[member] !== undefined) bag.report('PLC5071', source.locate(['processing', member], 'key'), { step: doc.name, member });
  }
}

/** PLC5007: processing paths are below /opt/ml/processing/. */
function pathsBelowProcessing({ doc, source }: StepType, paths: PortPaths, bag: DiagnosticBag): void {
  for (const [direction, group] of groups) {
    for (const [port, written] of paths[group]) {
      if (!normalizePath(written).startsWith('/opt/ml/processing/')) bag.report('PLC5007', source.locate([group, port, 'path']), { direction, port, step: doc.name, path: written });
    }
  }
}

/** PLC5003: no port takes the name or the folder of the `code` input plc adds for a script. */
function clearOfTheCodeInput({ doc, source }: StepType, paths: PortPaths, bag: DiagnosticBag): void {
  if (!doc.script) return;
  for (const [, group] of groups) {
    for (const [port, written] of paths[group]) {
      if (port === 'code' || normalizePath(written) === processingCodeDir) bag.report('PLC5003', source.locate([group, port], 'key'), { step: doc.name });
    }
  }
}

/** PLC5008: each port has a folder of its own, inputs and outputs alike. */
function distinctPaths({ doc, source }: StepType, paths: PortPaths, bag: DiagnosticBag): void {
  const seen = new Map<string, string>();
  for (const [, group] of groups) {
    for (const [port, written] of paths[group]) {
      const path = normalizePath(written);
      const other = seen.get(path);
      if (other !== undefined) bag.report('PLC5008', source.locate([group, port, 'path']), { port, other, step: doc.name, path });
      seen.set(path, port);
    }
  }
}

/** PLC5009: at most 10 inputs (the script's `code` input included) and 10 outputs. */
function portCounts({ doc, source }: StepType, paths: PortPaths, bag: DiagnosticBag): void {
  for (const [direction, group] of groups) {
    const withCode = direction === 'input' && Boolean(doc.script);
    const count = paths[group].length + (withCode ? 1 : 0);
    if (count > maxProcessingPorts) bag.report('PLC5009', source.locate([group], 'key'), { step: doc.name, count, direction, extra: withCode ? ' (with the code input)' : '' });
  }
}

export function checkProcessingStep(step: StepType, bag: DiagnosticBag): void {
  const paths = portPaths(step, bag);
  for (const rule of [scriptOrContainerEntrypoint, pathsBelowProcessing, clearOfTheCodeInput, distinctPaths, portCounts]) rule(step, paths, bag);
}
