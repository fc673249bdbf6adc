import type { Expr, Value } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';

/** A Hadoop JAR step on a running EMR cluster (id) or on one created for the step (config). */
export interface EmrStepIR extends StepBaseIR {
  kind: 'EMR';
  cluster: { id: Expr; executionRoleArn?: Expr } | { config: Value };
  jar: Expr;
  args: Expr[];
  mainClass?: Expr;
  properties: [string, Expr][];
}
