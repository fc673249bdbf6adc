// CreateTrainingJob minus its name. The job's members are shared with a tuning job's
// TrainingJobDefinition, which calls the hyperparameters static, adds metric definitions and has
// no debugger settings.
import { compact, renderEntries, renderExpr, type Json, type JsonObject } from '../../backends/sagemaker/expressions.js';
import type { TrainingJobIR, TrainingStepIR } from './ir.js';

export function trainingArguments(step: TrainingStepIR): JsonObject {
  const outputPath = renderExpr(step.outputPath);
  return trainingJob(step, {
    hyperparameterKey: 'HyperParameters',
    debugging: {
      DebugHookConfig: step.debugHook ? { S3OutputPath: outputPath, CollectionConfigurations: [] } : undefined,
      ProfilerConfig: step.profilerIntervalMs !== undefined
        ? { DisableProfiler: false, ProfilingIntervalInMilliseconds: step.profilerIntervalMs, S3OutputPath: outputPath }
        : undefined,
    },
  });
}

export function trainingJob(job: TrainingJobIR, variant: { hyperparameterKey: 'HyperParameters' | 'StaticHyperParameters'; algorithm?: JsonObject; debugging?: Record<string, Json | undefined> }): JsonObject {
  const { resources } = job;
  return compact({
    AlgorithmSpecification: { TrainingImage: renderExpr(job.image), TrainingInputMode: job.inputMode, ...variant.algorithm },
    RoleArn: renderExpr(job.role),
    OutputDataConfig: { S3OutputPath: renderExpr(job.outputPath) },
    ResourceConfig: {
      InstanceCount: renderExpr(resources.instanceCount),
      InstanceType: renderExpr(resources.instanceType),
      VolumeSizeInGB: renderExpr(resources.volumeSizeGB),
    },
    StoppingCondition: compact({ MaxRuntimeInSeconds: renderExpr(resources.maxRuntimeSeconds), MaxWaitTimeInSeconds: job.maxWaitSeconds && renderExpr(job.maxWaitSeconds) }),
    EnableManagedSpotTraining: job.spot ? renderExpr(job.spot) : undefined,
    [variant.hyperparameterKey]: job.hyperparameters.length > 0 ? renderEntries(job.hyperparameters) : undefined,
    InputDataConfig: job.channels.length > 0
      ? job.channels.map((channel) => ({
          ChannelName: channel.name,
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: renderExpr(channel.source), S3DataDistributionType: 'FullyReplicated' } },
        }))
      : undefined,
    ...variant.debugging,
    Environment: job.environment.length > 0 ? renderEntries(job.environment) : undefined,
  });
}
