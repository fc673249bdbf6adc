// Property paths are derived, never written by hand: where a port's S3 location can be read on
// the producing step, by SageMaker kind, following the Describe*Job response shapes.
import { concat, literal, type Expr } from '../ir/expr.js';
import { normalizeContainerPath as normalizePath } from './container-path.js';
import type { SageMakerKind } from './kinds.js';

export type { SageMakerKind } from './kinds.js';

export { normalizePath };

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
 * /opt/ml/output/data as `<S3OutputPath>/<job name>/output/output.tar.gz`. A tuning step's
 * outputs are those of its best training job. A Lambda or Callback output is an output parameter.
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
    case 'Tuning':
      return containerPath === undefined ? undefined : bestTrainingJobOutput(step, containerPath);
    case 'Lambda':
    case 'Callback':
      return property(step, `OutputParameters['${port}']`);
    case 'EMR':
      return undefined;
  }
}

/** The archive each training job uploads for a container folder, below `<S3OutputPath>/<job name>/output/`. */
const trainingArchives = new Map([['/opt/ml/model', 'model.tar.gz'], ['/opt/ml/output/data', 'output.tar.gz']]);

function trainingOutput(step: string, containerPath: string): Expr | undefined {
  const folder = normalizePath(containerPath);
  // DescribeTrainingJob names the model archive itself; the output archive only by its folder.
  if (folder === '/opt/ml/model') return property(step, 'ModelArtifacts.S3ModelArtifacts');
  return jobArchive(property(step, 'OutputDataConfig.S3OutputPath'), property(step, 'TrainingJobName'), folder);
}

/**
 * A tuning job describes no artifacts, only its best training job's name; the archive is where that
 * job put it (the model as the SDK's TuningStep.get_top_model_s3_uri builds it, but from
 * BestTrainingJob rather than a position in the listing, and with the output path read from the
 * tuning job itself, so a placed output is followed).
 */
function bestTrainingJobOutput(step: string, containerPath: string): Expr | undefined {
  return jobArchive(property(step, 'TrainingJobDefinition.OutputDataConfig.S3OutputPath'), property(step, 'BestTrainingJob.TrainingJobName'), normalizePath(containerPath));
}

function jobArchive(outputPath: Expr, jobName: Expr, folder: string): Expr | undefined {
  const archive = trainingArchives.get(folder);
  return archive === undefined ? undefined : concat([outputPath, literal('/'), jobName, literal(`/output/${archive}`)]);
}
