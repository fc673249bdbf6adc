// Processing: a container of the step type's runs its script (or, with `processing:`, its own
// entrypoint) over input folders and uploads its output folders (CreateProcessingJob). The only kind with property files.
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { checkProcessingStep, processingPortOptions } from './check.js';
import { processingArguments, processingMembers } from './definition.js';
import type { ProcessingStepIR } from './ir.js';
import { lowerProcessing } from './lower.js';
import { processingTemplate } from './scaffold.js';

export const processingKind: StepKind<ProcessingStepIR> = {
  name: 'Processing',
  scaffold: processingTemplate,
  sections: ['script', 'processing', 'compute', 'inputs', 'outputs'],
  requires: ['compute'],
  jobSettings: ['network', 'encryption', 'tags'],
  interpreters: true,
  portOptions: processingPortOptions,
  instanceTypes: { jobs: 'Processing', allowed: apiLimits.instanceTypes.Processing },
  outputs: { placeable: true, folders: true, propertyFiles: true },
  properties: apiLimits.stepProperties.Processing,
  check: checkProcessingStep,
  outputLocation: (step, port) => property(step, `ProcessingOutputConfig.Outputs['${port}'].S3Output.S3Uri`),
  outputNamedBy: (path) => /^ProcessingOutputConfig\.Outputs\['([^']*)'\]/.exec(path)?.[1],
  lower: lowerProcessing,
  arguments: processingArguments,
  members: processingMembers,
};
