// The step type `plc new step --kind transform` writes (compiler/kinds/scaffold.ts).
import { resources, type StepTemplate } from '../scaffold.js';

const body = (): string => {
  const { config, compute } = resources('Transform', ['instanceType', 'instanceCount']);
  return `inputs:
  model_name:
    type: model-name
    description: The model to score with, from a Model step (or a model's name).
  data:
    type: dataset
    description: The records to score (an S3 prefix).
outputs:
  predictions:
    type: predictions
    description: One <input file>.out per input file.
config:
  properties:
    contentType: { type: string, default: text/csv, description: MIME type of the input records. }
    accept: { type: string, default: text/csv, description: MIME type of the predictions. }
${config}${compute}transform:
  contentType: \${config.contentType}
  splitType: Line
  accept: \${config.accept}
  assembleWith: Line
`;
};

export const transformTemplate: StepTemplate = { option: 'transform', what: 'batch transform job', body };
