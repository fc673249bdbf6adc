// The step type `plc new step --kind training` writes (compiler/kinds/scaffold.ts).
import { resources, scriptEntryPoint, trainingContract, type StepNames, type StepTemplate } from '../scaffold.js';

const trainingResources = resources('Training', ['instanceType', 'instanceCount', 'volumeSizeGB', 'maxRuntimeSeconds']);

/** Ports, config and script of a training job, which a Tuning step runs many of. */
export function trainingJob(names: StepNames, config: string): string {
  const { input, output } = trainingContract;
  return `inputs:
  ${input.port}:
    type: dataset
    path: ${input.path}
    description: The training data (the ${input.port} channel).
outputs:
  ${output.port}:
    type: model
    path: ${output.path}
    description: The trained model (model.tar.gz).
config:
  properties:
    epochs: { type: integer, default: ${trainingContract.hyperparameters.epochs}, minimum: 1, description: Passes over the training data. }
${config}${trainingResources.config}script:
  entryPoint: ${scriptEntryPoint(names)}
${trainingResources.compute}`;
}

function body(names: StepNames): string {
  return `${trainingJob(names, `    learningRate: { type: number, default: ${trainingContract.hyperparameters.learning_rate}, exclusiveMinimum: 0, description: Step size of each update. }\n`)}training:
  inputMode: File
  hyperparameters:
    epochs: \${config.epochs}
    learning_rate: \${config.learningRate}
`;
}

export const trainingTemplate: StepTemplate = { option: 'training', what: 'training job', runs: 'training', body };
