// Where a training job's ports are: channels at /opt/ml/input/data/<channel>; outputs are the two
// folders it uploads, as archives below `<S3OutputPath>/<job name>/output/`.
import { concat, literal, type Expr } from '../../ir/expr.js';
import { normalizePath, property } from '../../sagemaker/property-paths.js';
import type { PortOptions } from '../kind.js';

/** What a training job's Channel takes; its outputs are archives with no options. */
export const channelOptions: PortOptions = {
  inputs: {
    contentType: true,
    distribution: ['FullyReplicated', 'ShardedByS3Key'],
    inputMode: ['File', 'Pipe', 'FastFile'],
    compression: ['None', 'Gzip'],
    recordWrapper: ['None', 'RecordIO'],
    dataType: ['S3Prefix', 'ManifestFile', 'AugmentedManifestFile'],
    attributeNames: true,
  },
  outputs: {},
};

export const trainingChannelPath = (channel: string): string => `/opt/ml/input/data/${channel}`;

/** The archive each training job uploads for a container folder. */
const trainingArchives = new Map([['/opt/ml/model', 'model.tar.gz'], ['/opt/ml/output/data', 'output.tar.gz']]);

export const isTrainingOutputPath = (path: string): boolean => trainingArchives.has(normalizePath(path));

export function trainingOutput(step: string, containerPath: string): Expr | undefined {
  const folder = normalizePath(containerPath);
  // DescribeTrainingJob names the model archive itself; the output archive only by its folder.
  if (folder === '/opt/ml/model') return property(step, 'ModelArtifacts.S3ModelArtifacts');
  return jobArchive(property(step, 'OutputDataConfig.S3OutputPath'), property(step, 'TrainingJobName'), folder);
}

/** `<outputPath>/<jobName>/output/<archive>` for the folder; undefined for a folder no job uploads. */
export function jobArchive(outputPath: Expr, jobName: Expr, folder: string): Expr | undefined {
  const archive = trainingArchives.get(normalizePath(folder));
  return archive === undefined ? undefined : concat([outputPath, literal('/'), jobName, literal(`/output/${archive}`)]);
}
