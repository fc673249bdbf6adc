// The backend-neutral pipeline IR that `lower` produces and every backend consumes. Only
// resolved facts live here: names, typed expressions, concrete jobs; no YAML, no source ranges.
import type { Expr, ParameterType, Scalar, Value } from './expr.js';

export interface PipelineIR {
  name: string;
  /** Not part of the definition: CreatePipeline takes it as PipelineDescription. */
  description?: string;
  parameters: ParameterIR[];
  steps: StepIR[];
  /** Content-addressed code objects, by key relative to the pipeline's codePrefix; sorted by key. */
  code: CodeObject[];
  /**
   * The data edges with their port names, in wiring order. Expressions already say which step
   * reads which (a `property` or `jsonGet` Expr), but not through which ports; the graph backend
   * labels its edges with these. Definition backends ignore them.
   */
  edges?: DataEdgeIR[];
}

/** An output port of one step feeding an input port of another, by step name. */
export interface DataEdgeIR {
  from: { step: string; port: string };
  to: { step: string; port: string };
}

export interface ParameterIR {
  name: string;
  type: ParameterType;
  default?: Scalar;
  enum?: string[];
}

export interface CodeObject {
  /** e.g. `code/<sha256>/train.py`; the S3 key is `<codePrefix>/<key>`. */
  key: string;
  bytes: Uint8Array;
  /** The files it was made from (absolute paths), so that no output of plc replaces one. */
  sources: string[];
}

export interface RetryPolicyIR {
  exceptionTypes: string[];
  intervalSeconds: number;
  backoffRate: number;
  maxAttempts?: number;
  expireAfterMin?: number;
}

interface StepBase {
  name: string;
  /** The plc step type (and job type) the step was made from; SageMaker never sees it. */
  origin?: { stepType: string; jobType?: string };
  displayName?: string;
  description?: string;
  /** Names of steps that must finish first, in the order the pipeline lists them. */
  dependsOn: string[];
  /** Present when caching is on; expireAfter is an ISO-8601 duration. */
  cache?: { expireAfter?: string };
  retry: RetryPolicyIR[];
}

export interface Resources {
  instanceType: Expr;
  instanceCount: Expr;
  volumeSizeGB: Expr;
  maxRuntimeSeconds?: Expr;
}

export interface ProcessingStepIR extends StepBase {
  kind: 'Processing';
  image: Expr;
  role: Expr;
  resources: Resources;
  /** ContainerEntrypoint, e.g. ["python3", "/opt/ml/processing/input/code/x.py"]. */
  entrypoint?: Expr[];
  arguments: Expr[];
  environment: [string, Expr][];
  inputs: { name: string; localPath: string; source: Expr }[];
  outputs: { name: string; localPath: string; destination: Expr }[];
  propertyFiles: { name: string; output: string; path: string }[];
}

/** A training job, as CreateTrainingJob and a tuning job's TrainingJobDefinition both describe it. */
export interface TrainingJobIR {
  image: Expr;
  role: Expr;
  resources: Resources & { maxRuntimeSeconds: Expr };
  inputMode: 'File' | 'Pipe' | 'FastFile';
  channels: { name: string; source: Expr }[];
  outputPath: Expr;
  hyperparameters: [string, Expr][];
  environment: [string, Expr][];
  spot?: Expr;
  /** StoppingCondition.MaxWaitTimeInSeconds, for spot training. */
  maxWaitSeconds?: Expr;
}

export interface TrainingStepIR extends StepBase, TrainingJobIR {
  kind: 'Training';
  debugHook: boolean;
  profilerIntervalMs?: number;
}

export type TuningRangeIR =
  | { name: string; type: 'Continuous' | 'Integer'; min: Expr; max: Expr; scaling: 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic' }
  | { name: string; type: 'Categorical'; values: Expr[] };

/** A hyperparameter tuning job: many training jobs from one definition, searching `ranges`. */
export interface TuningStepIR extends StepBase, TrainingJobIR {
  kind: 'Tuning';
  strategy: 'Bayesian' | 'Random' | 'Hyperband' | 'Grid';
  objective: { type: 'Maximize' | 'Minimize'; metric: string };
  /** AlgorithmSpecification.MetricDefinitions: metric name and the regex that finds it in the log. */
  metrics: [name: string, regex: string][];
  maxJobs: Expr;
  maxParallelJobs: Expr;
  ranges: TuningRangeIR[];
}

/** An output parameter of a Lambda or Callback step; consumers read Steps.<step>.OutputParameters['<name>']. */
export interface OutputParameterIR {
  name: string;
  type: 'String' | 'Integer' | 'Boolean' | 'Float';
}

/** Invokes a Lambda function with `arguments` as its event. */
export interface LambdaStepIR extends StepBase {
  kind: 'Lambda';
  functionArn: Expr;
  arguments: [string, Value][];
  outputs: OutputParameterIR[];
}

/** Sends `arguments` to an SQS queue and waits for a SendPipelineExecutionStepSuccess with the outputs. */
export interface CallbackStepIR extends StepBase {
  kind: 'Callback';
  queueUrl: Expr;
  arguments: [string, Value][];
  outputs: OutputParameterIR[];
}

/** A Hadoop JAR step on a running EMR cluster (id) or on one created for the step (config). */
export interface EmrStepIR extends StepBase {
  kind: 'EMR';
  cluster: { id: Expr; executionRoleArn?: Expr } | { config: Value };
  jar: Expr;
  args: Expr[];
  mainClass?: Expr;
  properties: [string, Expr][];
}

/** CreateModel: a SageMaker model from model artifacts and an inference image. */
export interface ModelStepIR extends StepBase {
  kind: 'Model';
  image: Expr;
  role: Expr;
  modelData: Expr;
}

/** A batch transform job over a data set with a SageMaker model. */
export interface TransformStepIR extends StepBase {
  kind: 'Transform';
  modelName: Expr;
  input: Expr;
  output: Expr;
  resources: Pick<Resources, 'instanceType' | 'instanceCount'>;
  contentType?: Expr;
  splitType?: string;
  accept?: Expr;
  assembleWith?: string;
  batchStrategy?: string;
  maxPayloadMB?: Expr;
}

/** CreateModelPackage: the model registered in a model package group. */
export interface RegisterModelStepIR extends StepBase {
  kind: 'RegisterModel';
  image: Expr;
  modelData: Expr;
  group: Expr;
  approvalStatus: Expr;
  /** ModelPackageDescription (the step's own Description is the node's). */
  packageDescription?: Expr;
  contentTypes: string[];
  responseTypes: string[];
  inferenceInstanceTypes?: string[];
  transformInstanceTypes?: string[];
  /** ModelMetrics.ModelQuality.Statistics. */
  metrics?: { contentType: string; location: Expr };
  /** DriftCheckBaselines.ModelQuality.Constraints. */
  constraints?: { contentType: string; location: Expr };
  tags: [string, Expr][];
  samplePayload?: Expr;
  task?: string;
}

/** A test over expressions, as the Condition step's Conditions list holds them. */
export type ConditionIR =
  | { kind: 'compare'; op: 'Equals' | 'GreaterThan' | 'GreaterThanOrEqualTo' | 'LessThan' | 'LessThanOrEqualTo'; left: Expr; right: Expr }
  | { kind: 'in'; query: Expr; values: Expr[] }
  | { kind: 'not'; condition: ConditionIR }
  | { kind: 'or'; conditions: ConditionIR[] };

/** Runs ifSteps when every condition holds, elseSteps otherwise; branch steps live only here. */
export interface ConditionStepIR extends StepBase {
  kind: 'Condition';
  conditions: ConditionIR[];
  ifSteps: StepIR[];
  elseSteps: StepIR[];
}

/** Stops the execution with a message. */
export interface FailStepIR extends StepBase {
  kind: 'Fail';
  errorMessage: Expr;
}

export type StepIR =
  | ProcessingStepIR | TrainingStepIR | ModelStepIR | TransformStepIR | RegisterModelStepIR | ConditionStepIR | FailStepIR
  | TuningStepIR | LambdaStepIR | CallbackStepIR | EmrStepIR;
