// The default backend: the pipeline definition JSON CreatePipeline accepts, in the SageMaker
// SDK's envelope. Step Arguments are the Create*Job requests minus the job name. Objects are
// built in a fixed key order and printed with 2-space indent and a trailing newline, so the
// same IR always gives the same bytes.
import type { Expr } from '../../ir/expr.js';
import type { CallbackStepIR, ConditionIR, EmrStepIR, LambdaStepIR, ModelStepIR, PipelineIR, ProcessingStepIR, RegisterModelStepIR, StepIR, TrainingJobIR, TrainingStepIR, TransformStepIR, TuningRangeIR, TuningStepIR } from '../../ir/pipeline.js';
import type { Backend } from '../backend.js';
import { renderEntries, renderExpr, renderValue, type Json } from './expressions.js';

type JsonObject = { [key: string]: Json };

/** Drops undefined members, keeping the order the object was written in. */
function compact(object: Record<string, Json | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as JsonObject;
}

function renderDefinition(ir: PipelineIR): JsonObject {
  return {
    Version: '2020-12-01',
    Metadata: {},
    Parameters: ir.parameters.map((p) => compact({ Name: p.name, Type: p.type, DefaultValue: p.default, EnumValues: p.enum })),
    PipelineExperimentConfig: {
      ExperimentName: { Get: 'Execution.PipelineName' },
      TrialName: { Get: 'Execution.PipelineExecutionId' },
    },
    Steps: ir.steps.map(renderStep),
  };
}

function renderStep(step: StepIR): JsonObject {
  return compact({
    Name: step.name,
    Type: step.kind,
    Arguments: argumentsOf(step),
    DependsOn: step.dependsOn.length > 0 ? step.dependsOn : undefined,
    DisplayName: step.displayName,
    Description: step.description,
    CacheConfig: step.cache ? compact({ Enabled: true, ExpireAfter: step.cache.expireAfter }) : undefined,
    RetryPolicies: step.retry.length > 0
      ? step.retry.map((r) => compact({ ExceptionType: r.exceptionTypes, IntervalSeconds: r.intervalSeconds, BackoffRate: r.backoffRate, MaxAttempts: r.maxAttempts, ExpireAfterMin: r.expireAfterMin }))
      : undefined,
    PropertyFiles: step.kind === 'Processing' && step.propertyFiles.length > 0
      ? step.propertyFiles.map((f) => ({ PropertyFileName: f.name, OutputName: f.output, FilePath: f.path }))
      : undefined,
    // Lambda and Callback steps name their target and outputs beside Arguments, as the SDK writes them.
    FunctionArn: step.kind === 'Lambda' ? renderExpr(step.functionArn) : undefined,
    SqsQueueUrl: step.kind === 'Callback' ? renderExpr(step.queueUrl) : undefined,
    OutputParameters: step.kind === 'Lambda' || step.kind === 'Callback'
      ? step.outputs.map((o) => ({ OutputName: o.name, OutputType: o.type }))
      : undefined,
  });
}

function argumentsOf(step: StepIR): JsonObject {
  switch (step.kind) {
    case 'Processing':
      return processingArguments(step);
    case 'Training':
      return trainingArguments(step);
    case 'Model':
      return modelArguments(step);
    case 'Transform':
      return transformArguments(step);
    case 'RegisterModel':
      return registerModelArguments(step);
    case 'Condition':
      return { Conditions: step.conditions.map(renderCondition), IfSteps: step.ifSteps.map(renderStep), ElseSteps: step.elseSteps.map(renderStep) };
    case 'Fail':
      return { ErrorMessage: renderExpr(step.errorMessage) };
    case 'Tuning':
      return tuningArguments(step);
    case 'Lambda':
    case 'Callback':
      return invocationArguments(step);
    case 'EMR':
      return emrArguments(step);
  }
}

/** The function's event or the queue message: the arguments as they are. */
function invocationArguments(step: LambdaStepIR | CallbackStepIR): JsonObject {
  return Object.fromEntries(step.arguments.map(([key, value]) => [key, renderValue(value)]));
}

/** What the SDK's EMRStep writes: the cluster, and a StepConfig without Name (the service names the step). */
function emrArguments(step: EmrStepIR): JsonObject {
  const cluster = 'id' in step.cluster
    ? compact({ ClusterId: renderExpr(step.cluster.id), ExecutionRoleArn: step.cluster.executionRoleArn && renderExpr(step.cluster.executionRoleArn) })
    : { ClusterConfig: renderValue(step.cluster.config) };
  return {
    ...cluster,
    StepConfig: {
      HadoopJarStep: compact({
        Jar: renderExpr(step.jar),
        Args: step.args.length > 0 ? step.args.map(renderExpr) : undefined,
        MainClass: step.mainClass && renderExpr(step.mainClass),
        Properties: step.properties.length > 0 ? step.properties.map(([key, value]) => ({ Key: key, Value: renderExpr(value) })) : undefined,
      }),
    },
  };
}

/** CreateHyperParameterTuningJob minus its name; the training jobs are TrainingJobDefinition. */
function tuningArguments(step: TuningStepIR): JsonObject {
  const ranges = (type: TuningRangeIR['type']) => {
    const found = step.ranges.filter((r) => r.type === type);
    return found.length > 0 ? found.map(renderRange) : undefined;
  };
  return {
    HyperParameterTuningJobConfig: {
      Strategy: step.strategy,
      HyperParameterTuningJobObjective: { Type: step.objective.type, MetricName: step.objective.metric },
      ResourceLimits: { MaxNumberOfTrainingJobs: renderExpr(step.maxJobs), MaxParallelTrainingJobs: renderExpr(step.maxParallelJobs) },
      ParameterRanges: compact({
        ContinuousParameterRanges: ranges('Continuous'),
        IntegerParameterRanges: ranges('Integer'),
        CategoricalParameterRanges: ranges('Categorical'),
      }),
    },
    TrainingJobDefinition: trainingJob(step, {
      algorithm: { MetricDefinitions: step.metrics.map(([name, regex]) => ({ Name: name, Regex: regex })) },
      hyperparameterKey: 'StaticHyperParameters',
    }),
  };
}

function renderRange(range: TuningRangeIR): JsonObject {
  return range.type === 'Categorical'
    ? { Name: range.name, Values: range.values.map(renderExpr) }
    : { Name: range.name, MinValue: renderExpr(range.min), MaxValue: renderExpr(range.max), ScalingType: range.scaling };
}

function renderCondition(condition: ConditionIR): JsonObject {
  switch (condition.kind) {
    case 'compare':
      return { Type: condition.op, LeftValue: renderExpr(condition.left), RightValue: renderExpr(condition.right) };
    case 'in':
      return { Type: 'In', QueryValue: renderExpr(condition.query), Values: condition.values.map(renderExpr) };
    case 'not':
      return { Type: 'Not', Condition: renderCondition(condition.condition) };
    case 'or':
      return { Type: 'Or', Conditions: condition.conditions.map(renderCondition) };
  }
}

/** CreateModel minus ModelName. */
function modelArguments(step: ModelStepIR): JsonObject {
  return {
    ExecutionRoleArn: renderExpr(step.role),
    PrimaryContainer: { Image: renderExpr(step.image), Environment: {}, ModelDataUrl: renderExpr(step.modelData) },
  };
}

/** CreateTransformJob minus TransformJobName. */
function transformArguments(step: TransformStepIR): JsonObject {
  const optional = (expr: Expr | undefined) => (expr ? renderExpr(expr) : undefined);
  return compact({
    ModelName: renderExpr(step.modelName),
    TransformInput: compact({
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: renderExpr(step.input) } },
      ContentType: optional(step.contentType),
      SplitType: step.splitType,
    }),
    TransformOutput: compact({ S3OutputPath: renderExpr(step.output), Accept: optional(step.accept), AssembleWith: step.assembleWith }),
    TransformResources: { InstanceCount: renderExpr(step.resources.instanceCount), InstanceType: renderExpr(step.resources.instanceType) },
    BatchStrategy: step.batchStrategy,
    MaxPayloadInMB: optional(step.maxPayloadMB),
  });
}

/** CreateModelPackage minus ModelPackageName, as the SDK's _RegisterModelStep writes it. */
function registerModelArguments(step: RegisterModelStepIR): JsonObject {
  return compact({
    ModelPackageGroupName: renderExpr(step.group),
    ModelApprovalStatus: renderExpr(step.approvalStatus),
    InferenceSpecification: compact({
      Containers: [{ Image: renderExpr(step.image), ModelDataUrl: renderExpr(step.modelData) }],
      SupportedContentTypes: step.contentTypes,
      SupportedResponseMIMETypes: step.responseTypes,
      SupportedRealtimeInferenceInstanceTypes: step.inferenceInstanceTypes,
      SupportedTransformInstanceTypes: step.transformInstanceTypes,
    }),
    ModelMetrics: step.metrics ? { ModelQuality: { Statistics: { ContentType: step.metrics.contentType, S3Uri: renderExpr(step.metrics.location) } } } : undefined,
    DriftCheckBaselines: step.constraints ? { ModelQuality: { Constraints: { ContentType: step.constraints.contentType, S3Uri: renderExpr(step.constraints.location) } } } : undefined,
    ModelPackageDescription: step.packageDescription && renderExpr(step.packageDescription),
    SamplePayloadUrl: step.samplePayload && renderExpr(step.samplePayload),
    Tags: step.tags.length > 0 ? step.tags.map(([key, value]) => ({ Key: key, Value: renderExpr(value) })) : undefined,
    Task: step.task,
    SkipModelValidation: 'None',
  });
}

function processingArguments(step: ProcessingStepIR): JsonObject {
  const { resources } = step;
  return compact({
    ProcessingResources: {
      ClusterConfig: {
        InstanceCount: renderExpr(resources.instanceCount),
        InstanceType: renderExpr(resources.instanceType),
        VolumeSizeInGB: renderExpr(resources.volumeSizeGB),
      },
    },
    AppSpecification: compact({
      ImageUri: renderExpr(step.image),
      ContainerEntrypoint: step.entrypoint?.map(renderExpr),
      ContainerArguments: step.arguments.length > 0 ? step.arguments.map(renderExpr) : undefined,
    }),
    RoleArn: renderExpr(step.role),
    ProcessingInputs: step.inputs.length > 0
      ? step.inputs.map((input) => ({
          InputName: input.name,
          AppManaged: false,
          S3Input: {
            S3Uri: renderExpr(input.source),
            LocalPath: input.localPath,
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
            S3DataDistributionType: 'FullyReplicated',
            S3CompressionType: 'None',
          },
        }))
      : undefined,
    ProcessingOutputConfig: step.outputs.length > 0
      ? {
          Outputs: step.outputs.map((output) => ({
            OutputName: output.name,
            AppManaged: false,
            S3Output: { S3Uri: renderExpr(output.destination), LocalPath: output.localPath, S3UploadMode: 'EndOfJob' },
          })),
        }
      : undefined,
    StoppingCondition: resources.maxRuntimeSeconds ? { MaxRuntimeInSeconds: renderExpr(resources.maxRuntimeSeconds) } : undefined,
    Environment: step.environment.length > 0 ? renderEntries(step.environment) : undefined,
  });
}

function trainingArguments(step: TrainingStepIR): JsonObject {
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

/**
 * A training job's members, shared by CreateTrainingJob and a tuning job's TrainingJobDefinition,
 * which calls the hyperparameters static, adds metric definitions and has no debugger settings.
 */
function trainingJob(job: TrainingJobIR, variant: { hyperparameterKey: 'HyperParameters' | 'StaticHyperParameters'; algorithm?: JsonObject; debugging?: Record<string, Json | undefined> }): JsonObject {
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

/** Each IR's definition, rendered once however many texts are made of it. */
const rendered = new WeakMap<PipelineIR, JsonObject>();

export function definitionOf(ir: PipelineIR): JsonObject {
  if (!rendered.has(ir)) rendered.set(ir, renderDefinition(ir));
  return rendered.get(ir)!;
}

/** The definition for people (`plc build`); other backends embed exactly this text. */
export const definitionText = (ir: PipelineIR): string => JSON.stringify(definitionOf(ir), null, 2) + '\n';

/**
 * The same definition as deploy sends it to CreatePipeline/UpdatePipeline: compact, so the
 * size limits (checked on this text) arrive as late as they do for the SageMaker SDK.
 */
export const definitionJson = (ir: PipelineIR): string => JSON.stringify(definitionOf(ir));

export const sagemakerBackend: Backend = {
  emit: (ir) => [{ name: 'definition.json', contents: definitionText(ir) }],
};
