// The step type `plc new step --kind model` writes (compiler/kinds/scaffold.ts).
import { image, type StepTemplate } from '../scaffold.js';

const body = (): string => `inputs:
  model:
    type: model
    description: The model.tar.gz to serve, from a training or tuning step.
outputs:
  model_name:
    type: model-name
    description: The SageMaker model's name, for a Transform step.
compute:
  # The inference image: a framework image resolved per region, or an explicit image URI.
${image}`;

export const modelTemplate: StepTemplate = { option: 'model', what: 'SageMaker model', body };
