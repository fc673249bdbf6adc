// Tuning: a hyperparameter tuning job (CreateHyperParameterTuningJob) running many training jobs
// from one definition, so its ports, images, instance types and limits are a Training step's. Its
// outputs are those of its best training job: a tuning job describes no artifacts, only that
// job's name, and the archive is where that job put it (the model as the SDK's
// TuningStep.get_top_model_s3_uri builds it, but from BestTrainingJob rather than a position in
// the listing, and with the output path read from the tuning job itself, so a placed output is
// followed).
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { channelOptions, jobArchive } from '../training/outputs.js';
import { checkTuningStep } from './check.js';
import { tuningArguments } from './definition.js';
import type { TuningStepIR } from './ir.js';
import { lowerTuning } from './lower.js';
import { tuningTemplate } from './scaffold.js';

export const tuningKind: StepKind<TuningStepIR> = {
  name: 'Tuning',
  scaffold: tuningTemplate,
  sections: ['script', 'training', 'tuning', 'compute', 'inputs', 'outputs'],
  requires: ['tuning', 'compute'],
  jobSettings: ['network', 'encryption', 'tags'],
  portOptions: channelOptions,
  instanceTypes: { jobs: 'Training', allowed: apiLimits.instanceTypes.Training },
  outputs: { placeable: true },
  properties: apiLimits.stepProperties.Tuning,
  check: checkTuningStep,
  outputLocation: (step, _port, containerPath) => containerPath === undefined
    ? undefined
    : jobArchive(property(step, 'TrainingJobDefinition.OutputDataConfig.S3OutputPath'), property(step, 'BestTrainingJob.TrainingJobName'), containerPath),
  lower: lowerTuning,
  arguments: tuningArguments,
};
