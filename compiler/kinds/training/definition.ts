// CreateTrainingJob minus its name. The job's members are shared with a tuning job's
// TrainingJobDefinition, which calls the hyperparameters static, adds metric definitions and has
// no debugger settings.
import { compact, renderEntries, renderExpr, type Json, type JsonObject } from '../../backends/sagemaker/expressions.js';
import { optionalMember, renderTags, renderTrainingNetwork } from '../settings.js';
import type { Expr } from '../../ir/expr.js';
import type { TrainingJobIR, TrainingStepIR } from './ir.js';

const optional = (expr: Expr | undefined): Json | undefined => (expr ? renderExpr(expr) : undefined);

export function trainingArguments(step: TrainingStepIR): JsonObject {
  const outputPath = renderExpr(step.outputPath);
  return compact({ ...trainingJob(step, {
    hyperparameterKey: 'HyperParameters',
    ...(step.metricDefinitions.length > 0 ? { algorithm: { MetricDefinitions: metricDefinitions(step.metricDefinitions) } } : {}),
    debugging: {
      DebugHookConfig: step.debugHook ? { S3OutputPath: outputPath, CollectionConfigurations: [] } : undefined,
      ProfilerConfig: step.profilerIntervalMs !== undefined
        ? { DisableProfiler: false, ProfilingIntervalInMilliseconds: step.profilerIntervalMs, S3OutputPath: outputPath }
        : undefined,
    },
  }), Tags: renderTags(step.tags) });
}

/** As the SDK's estimators write metric_definitions: Name, then Regex. */
export const metricDefinitions = (metrics: [string, string][]): JsonObject[] => metrics.map(([name, regex]) => ({ Name: name, Regex: regex }));

export function trainingJob(job: TrainingJobIR, variant: { hyperparameterKey: 'HyperParameters' | 'StaticHyperParameters'; algorithm?: JsonObject; debugging?: Record<string, Json | undefined> }): JsonObject {
  const { resources } = job;
  return compact({
    AlgorithmSpecification: { TrainingImage: renderExpr(job.image), TrainingInputMode: job.inputMode, ...variant.algorithm },
    RoleArn: renderExpr(job.role),
    OutputDataConfig: { S3OutputPath: renderExpr(job.outputPath), ...optionalMember('KmsKeyId', job.encryption?.outputKey) },
    ResourceConfig: {
      InstanceCount: renderExpr(resources.instanceCount),
      InstanceType: renderExpr(resources.instanceType),
      VolumeSizeInGB: renderExpr(resources.volumeSizeGB),
      ...optionalMember('VolumeKmsKeyId', job.encryption?.volumeKey),
    },
    StoppingCondition: compact({ MaxRuntimeInSeconds: renderExpr(resources.maxRuntimeSeconds), MaxWaitTimeInSeconds: job.maxWaitSeconds && renderExpr(job.maxWaitSeconds) }),
    EnableManagedSpotTraining: job.spot ? renderExpr(job.spot) : undefined,
    [variant.hyperparameterKey]: job.hyperparameters.length > 0 ? renderEntries(job.hyperparameters) : undefined,
    InputDataConfig: job.channels.length > 0
      ? job.channels.map(({ name, source, options }) => compact({
          // The members in the order the SDK's TrainingInput writes them.
          ChannelName: name,
          DataSource: {
            S3DataSource: compact({
              S3DataType: options.dataType ? renderExpr(options.dataType) : 'S3Prefix',
              S3Uri: renderExpr(source),
              S3DataDistributionType: options.distribution ? renderExpr(options.distribution) : 'FullyReplicated',
              AttributeNames: options.attributeNames?.map(renderExpr),
            }),
          },
          CompressionType: optional(options.compression),
          ContentType: optional(options.contentType),
          RecordWrapperType: optional(options.recordWrapper),
          InputMode: optional(options.inputMode),
        }))
      : undefined,
    ...renderTrainingNetwork(job.network),
    RetryStrategy: job.maxRetryAttempts ? { MaximumRetryAttempts: renderExpr(job.maxRetryAttempts) } : undefined,
    CheckpointConfig: job.checkpoints ? compact({ S3Uri: renderExpr(job.checkpoints.s3Uri), LocalPath: job.checkpoints.localPath }) : undefined,
    ...variant.debugging,
    Environment: job.environment.length > 0 ? renderEntries(job.environment) : undefined,
  });
}
