// Training: one training job of the step type's image (CreateTrainingJob); its outputs are the
// model and output archives it uploads.
import { apiLimits } from '../../sagemaker/api-limits.js';
import type { StepKind } from '../kind.js';
import { checkTrainingJob } from './check.js';
import { trainingArguments } from './definition.js';
import type { TrainingStepIR } from './ir.js';
import { lowerTraining } from './lower.js';
import { channelOptions, trainingOutput } from './outputs.js';
import { trainingTemplate } from './scaffold.js';

export const trainingKind: StepKind<TrainingStepIR> = {
  name: 'Training',
  scaffold: trainingTemplate,
  sections: ['script', 'training', 'compute', 'inputs', 'outputs'],
  requires: ['compute'],
  jobSettings: ['network', 'encryption', 'tags'],
  portOptions: channelOptions,
  instanceTypes: { jobs: 'Training', allowed: apiLimits.instanceTypes.Training },
  outputs: { placeable: true },
  properties: apiLimits.stepProperties.Training,
  // Only declared metrics are known: a built-in algorithm's image reports its own (e.g. XGBoost's validation:auc).
  metrics: (step) => (step.doc.training?.metricDefinitions ? Object.keys(step.doc.training.metricDefinitions) : undefined),
  check: checkTrainingJob,
  outputLocation: (step, _port, containerPath) => (containerPath === undefined ? undefined : trainingOutput(step, containerPath)),
  lower: lowerTraining,
  arguments: trainingArguments,
};
