// Property paths are derived, never written by hand: where a port's S3 location can be read on
// the producing step, by SageMaker kind, following the Describe*Job response shapes.
import type { StepDocument } from '../../schema/types.generated.js';

export type SageMakerKind = StepDocument['sagemaker'];

/** Container paths a training job uploads, and the DescribeTrainingJob member that names where. */
export const trainingOutputPaths: Readonly<Record<string, string>> = {
  '/opt/ml/model': 'ModelArtifacts.S3ModelArtifacts',
  '/opt/ml/output/data': 'OutputDataConfig.S3OutputPath',
};

export const trainingChannelPath = (channel: string): string => `/opt/ml/input/data/${channel}`;

/** The path of output `port` on a step of `kind`, or undefined when the kind cannot produce it. */
export function outputPropertyPath(kind: SageMakerKind, port: string, containerPath: string): string | undefined {
  switch (kind) {
    case 'Processing':
      return `ProcessingOutputConfig.Outputs['${port}'].S3Output.S3Uri`;
    case 'Training':
      return trainingOutputPaths[containerPath.replace(/\/+$/, '')];
  }
}
