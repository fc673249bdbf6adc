// The step type `plc new step --kind tuning` writes (compiler/kinds/scaffold.ts).
import { trainingContract, type StepNames, type StepTemplate } from '../scaffold.js';
import { trainingJob } from '../training/scaffold.js';

function body(names: StepNames): string {
  const metric = trainingContract.metricLine;
  return `${trainingJob(names, `    learningRateMin: { type: number, default: 0.001, exclusiveMinimum: 0, description: Smallest learning rate tried. }
    learningRateMax: { type: number, default: 0.5, exclusiveMinimum: 0, description: Largest learning rate tried. }
    maxJobs: { type: integer, default: 10, minimum: 1, description: Training jobs the tuning job runs in all. }
    maxParallelJobs: { type: integer, default: 2, minimum: 1, description: Training jobs running at once. }
`)}training:
  inputMode: File
  hyperparameters:                                   # fixed for every training job
    epochs: \${config.epochs}
tuning:
  strategy: Bayesian
  objective: { type: Minimize, metric: "validation:loss" }
  metrics:
    # The script prints "${metric}: <value>"; SageMaker keeps the last match in the log.
    "validation:loss": '${metric}: ([0-9.eE+-]+)'
  maxJobs: \${config.maxJobs}
  maxParallelJobs: \${config.maxParallelJobs}
  ranges:                                            # tuned, so not among the fixed ones
    learning_rate: { type: Continuous, min: "\${config.learningRateMin}", max: "\${config.learningRateMax}", scaling: Logarithmic }
`;
}

export const tuningTemplate: StepTemplate = { option: 'tuning', what: 'hyperparameter tuning job', runs: 'training', body };
