import type { Expr } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';
import type { TrainingJobIR } from '../training/ir.js';

export type TuningRangeIR =
  | { name: string; type: 'Continuous' | 'Integer'; min: Expr; max: Expr; scaling: 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic' }
  | { name: string; type: 'Categorical'; values: Expr[] };

/** A hyperparameter tuning job: many training jobs from one definition, searching `ranges`. */
export interface TuningStepIR extends StepBaseIR, TrainingJobIR {
  kind: 'Tuning';
  strategy: 'Bayesian' | 'Random' | 'Hyperband' | 'Grid';
  objective: { type: 'Maximize' | 'Minimize'; metric: string };
  /** AlgorithmSpecification.MetricDefinitions: metric name and the regex that finds it in the log. */
  metrics: [name: string, regex: string][];
  maxJobs: Expr;
  maxParallelJobs: Expr;
  ranges: TuningRangeIR[];
  /** TrainingJobEarlyStoppingType. */
  earlyStopping?: 'Off' | 'Auto';
  /** StrategyConfig.HyperbandStrategyConfig. */
  hyperband?: { minResource?: number; maxResource?: number };
  /** WarmStartConfig: the parent tuning jobs by name. */
  warmStart?: { parents: Expr[]; type: 'IdenticalDataAndAlgorithm' | 'TransferLearning' };
}
