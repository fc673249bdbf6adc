// The step type `plc new step --kind register-model` writes (compiler/kinds/scaffold.ts).
import { image, type StepTemplate } from '../scaffold.js';

const body = (): string => `inputs:
  model:
    type: model
    description: The model.tar.gz to register, from a training or tuning step.
  metrics:
    type: metrics
    required: false
    description: Evaluation metrics shown with the model version (a JSON file).
outputs:
  model_package:
    type: model-package
    description: The model package's ARN.
config:
  required: [modelPackageGroup]
  properties:
    modelPackageGroup: { type: string, minLength: 1, description: Model package group (name or ARN) the version is registered in. }
    approvalStatus: { type: string, default: PendingManualApproval, enum: [Approved, Rejected, PendingManualApproval], description: Approval status of the new version. }
compute:
  # The inference image the model package names.
${image}registration:
  modelPackageGroup: \${config.modelPackageGroup}
  approvalStatus: \${config.approvalStatus}
  contentTypes: [text/csv]
  responseTypes: [text/csv]
  inferenceInstanceTypes: [ml.m5.large]
  transformInstanceTypes: [ml.m5.xlarge]
`;

export const registerModelTemplate: StepTemplate = { option: 'register-model', what: 'model package (a registered model version)', body };
