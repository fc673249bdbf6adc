// The step type `plc new step --kind processing` writes (compiler/kinds/scaffold.ts).
import { processingContract, resources, scriptEntryPoint, type StepNames, type StepTemplate } from '../scaffold.js';

const processingResources = resources('Processing', ['instanceType', 'instanceCount', 'volumeSizeGB']);

function body(names: StepNames): string {
  const { input, output, logLevel } = processingContract;
  return `inputs:
  ${input.port}:
    type: dataset
    path: ${input.path}
    description: The files to process.
outputs:
  ${output.port}:
    type: dataset
    path: ${output.path}
    description: The processed files.
config:
  properties:
    logLevel: { type: string, default: INFO, enum: [DEBUG, INFO, WARNING, ERROR], description: Log level of the script. }
${processingResources.config}script:
  entryPoint: ${scriptEntryPoint(names)}
  env:
    ${logLevel}: \${config.logLevel}
${processingResources.compute}`;
}

export const processingTemplate: StepTemplate = { option: 'processing', what: 'processing job', runs: 'processing', body };
