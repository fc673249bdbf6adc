// The backend-neutral pipeline IR that `lower` produces and every backend consumes. Only
// resolved facts live here: names, typed expressions, concrete jobs; no YAML, no source ranges.
import type { KindStepIR } from '../kinds/registry.js';
import type { Expr, ParameterType, Scalar } from './expr.js';

export interface PipelineIR {
  name: string;
  /** Not part of the definition: CreatePipeline takes it as PipelineDescription. */
  description?: string;
  /** PipelineDisplayName of CreatePipeline and UpdatePipeline. */
  displayName?: string;
  /** The pipeline's own tags (CreatePipeline Tags; kept in sync by plc deploy). */
  tags: [string, string][];
  /** ParallelismConfiguration.MaxParallelExecutionSteps, set by deploy (plc run may override it). */
  parallelism?: number;
  /** PipelineExperimentConfig of the definition, or false for none. */
  experiment: { experimentName: Expr; trialName: Expr } | false;
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

/** The envelope every step has: name, origin, display name, ordering, caching and retries. */
export interface StepBaseIR {
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

/** The compute of a job (processing, training, transform). */
export interface Resources {
  instanceType: Expr;
  instanceCount: Expr;
  volumeSizeGB: Expr;
  maxRuntimeSeconds?: Expr;
}

/** The network of a job (config `network`), for the kinds whose API takes it. */
export interface NetworkIR {
  vpc?: { subnets: Expr[]; securityGroupIds: Expr[] };
  isolation?: Expr;
  trafficEncryption?: Expr;
}

/** The KMS keys of a job (config `encryption`), for the kinds whose API takes them. */
export interface EncryptionIR {
  /** VolumeKmsKeyId of the job's resources. */
  volumeKey?: Expr;
  /** KmsKeyId of its output config. */
  outputKey?: Expr;
}

/** A test over expressions, as the Condition step's Conditions list holds them. */
export type ConditionIR =
  | { kind: 'compare'; op: 'Equals' | 'GreaterThan' | 'GreaterThanOrEqualTo' | 'LessThan' | 'LessThanOrEqualTo'; left: Expr; right: Expr }
  | { kind: 'in'; query: Expr; values: Expr[] }
  | { kind: 'not'; condition: ConditionIR }
  | { kind: 'or'; conditions: ConditionIR[] };

/** Runs ifSteps when every condition holds, elseSteps otherwise; branch steps live only here. */
export interface ConditionStepIR extends StepBaseIR {
  kind: 'Condition';
  conditions: ConditionIR[];
  ifSteps: StepIR[];
  elseSteps: StepIR[];
}

/** Stops the execution with a message. */
export interface FailStepIR extends StepBaseIR {
  kind: 'Fail';
  errorMessage: Expr;
}

/** A step of one of the kinds in compiler/kinds/registry.ts, or a control step. */
export type StepIR = KindStepIR | ConditionStepIR | FailStepIR;
