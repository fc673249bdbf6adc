// Property paths are derived, never written by hand: where a port's S3 location can be read on
// the producing step, by SageMaker kind, following the Describe*Job response shapes.
import type { StepDocument } from '../../schema/types.generated.js';
import { concat, literal, type Expr } from '../ir/expr.js';

export type SageMakerKind = StepDocument['sagemaker'];

/** A container path without trailing slashes, so `/opt/ml/model/` and `/opt/ml/model` agree. */
export const normalizePath = (path: string): string => path.replace(/\/+$/, '') || '/';

/** The container folders a training job uploads. */
const trainingOutputFolders = ['/opt/ml/model', '/opt/ml/output/data'];

export const isTrainingOutputPath = (path: string): boolean => trainingOutputFolders.includes(normalizePath(path));

/** Where SageMaker processing places the `code` input, as the SageMaker SDK does. */
export const processingCodeDir = '/opt/ml/processing/input/code';

export const trainingChannelPath = (channel: string): string => `/opt/ml/input/data/${channel}`;

const property = (step: string, path: string): Expr => ({ kind: 'property', step, path });

/**
 * Where output `port` (at `containerPath`) of step `step` lands, as an expression a consumer can
 * read; undefined when a step of `kind` cannot produce it. A training job uploads
 * /opt/ml/output/data as `<S3OutputPath>/<job name>/output/output.tar.gz`.
 */
export function outputLocation(kind: SageMakerKind, step: string, port: string, containerPath: string | undefined): Expr | undefined {
  switch (kind) {
    case 'Processing':
      return property(step, `ProcessingOutputConfig.Outputs['${port}'].S3Output.S3Uri`);
    case 'Model':
      return property(step, 'ModelName');
    case 'Transform':
      return property(step, 'TransformOutput.S3OutputPath');
    case 'RegisterModel':
      return property(step, 'ModelPackageArn');
    case 'Training':
      return containerPath === undefined ? undefined : trainingOutput(step, containerPath);
  }
}

function trainingOutput(step: string, containerPath: string): Expr | undefined {
  switch (normalizePath(containerPath)) {
    case '/opt/ml/model':
      return property(step, 'ModelArtifacts.S3ModelArtifacts');
    case '/opt/ml/output/data':
      return concat([property(step, 'OutputDataConfig.S3OutputPath'), literal('/'), property(step, 'TrainingJobName'), literal('/output/output.tar.gz')]);
    default:
      return undefined;
  }
}
