// The ports of a training job (a Training step's, or each of a Tuning step's jobs) are at fixed
// container paths: channels at /opt/ml/input/data/<port>, outputs the model and output folders.
// Script mode passes hyperparameters, not command-line arguments.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepType } from '../../link/step-library.js';
import { normalizePath } from '../../sagemaker/property-paths.js';
import { portPaths } from '../ports.js';
import { mpiOnly } from './distribution.js';
import { isTrainingOutputPath, trainingChannelPath } from './outputs.js';

type PortPaths = ReturnType<typeof portPaths>;

/** PLC5020: script mode passes hyperparameters, never command-line arguments. */
function noScriptArguments({ doc, source }: StepType, bag: DiagnosticBag): void {
  if (doc.script?.arguments?.length) bag.report('PLC5020', source.locate(['script', 'arguments'], 'key'), { step: doc.name });
}

/** PLC5063: the settings only the mpi launcher reads. */
function mpiSettingsNeedMpi({ doc, source }: StepType, bag: DiagnosticBag): void {
  const distribution = doc.training?.distribution;
  for (const key of mpiOnly) {
    if (distribution?.[key] !== undefined && distribution.strategy !== 'mpi') bag.report('PLC5063', source.locate(['training', 'distribution', key], 'key'), { step: doc.name, setting: key, strategy: distribution.strategy });
  }
}

/** PLC5001: a channel is at /opt/ml/input/data/<its name>. */
function channelsAtTheirPaths({ doc, source }: StepType, { inputs }: PortPaths, bag: DiagnosticBag): void {
  for (const [port, path] of inputs) {
    if (normalizePath(path) !== trainingChannelPath(port)) bag.report('PLC5001', source.locate(['inputs', port, 'path']), { port, step: doc.name, path });
  }
}

/** PLC5002: a training job uploads only /opt/ml/model and /opt/ml/output/data. */
function outputsUploaded({ doc, source }: StepType, { outputs }: PortPaths, bag: DiagnosticBag): void {
  for (const [port, path] of outputs) {
    if (!isTrainingOutputPath(path)) bag.report('PLC5002', source.locate(['outputs', port, 'path']), { port, step: doc.name, path });
  }
}

export function checkTrainingJob(step: StepType, bag: DiagnosticBag): void {
  noScriptArguments(step, bag);
  mpiSettingsNeedMpi(step, bag);
  const paths = portPaths(step, bag);
  channelsAtTheirPaths(step, paths, bag);
  outputsUploaded(step, paths, bag);
}
