import type { Expr } from '../../ir/expr.js';
import type { LoweredOptions } from '../ports.js';
import type { EncryptionIR, NetworkIR, Resources, StepBaseIR } from '../../ir/pipeline.js';

/** A training job, as CreateTrainingJob and a tuning job's TrainingJobDefinition both describe it. */
export interface TrainingJobIR {
  image: Expr;
  role: Expr;
  resources: Resources & { maxRuntimeSeconds: Expr };
  inputMode: 'File' | 'Pipe' | 'FastFile';
  channels: { name: string; source: Expr; options: LoweredOptions }[];
  outputPath: Expr;
  hyperparameters: [string, Expr][];
  environment: [string, Expr][];
  spot?: Expr;
  /** StoppingCondition.MaxWaitTimeInSeconds, for spot training. */
  maxWaitSeconds?: Expr;
  /** RetryStrategy.MaximumRetryAttempts. */
  maxRetryAttempts?: Expr;
  /** CheckpointConfig: where the job keeps checkpoints in S3, and its folder in the container when not the default. */
  checkpoints?: { s3Uri: Expr; localPath?: string };
  network?: NetworkIR;
  encryption?: EncryptionIR;
  /** Tags of the job (a tuning job's own, not its training jobs'). */
  tags: [string, Expr][];
}

export interface TrainingStepIR extends StepBaseIR, TrainingJobIR {
  kind: 'Training';
  /** AlgorithmSpecification.MetricDefinitions: metric name and the regex that finds it in the log. */
  metricDefinitions: [name: string, regex: string][];
  debugHook: boolean;
  profilerIntervalMs?: number;
}
