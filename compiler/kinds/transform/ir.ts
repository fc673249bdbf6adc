// The IR step of a Transform node: what CreateTransformJob takes, as expressions.
import type { Expr } from '../../ir/expr.js';
import type { EncryptionIR, Resources, StepBaseIR } from '../../ir/pipeline.js';

/** A batch transform job over a data set with a SageMaker model. */
export interface TransformStepIR extends StepBaseIR {
  kind: 'Transform';
  modelName: Expr;
  input: Expr;
  output: Expr;
  resources: Pick<Resources, 'instanceType' | 'instanceCount'>;
  contentType?: Expr;
  splitType?: Expr;
  accept?: Expr;
  assembleWith?: Expr;
  batchStrategy?: Expr;
  maxPayloadMB?: Expr;
  maxConcurrentTransforms?: Expr;
  environment: [string, Expr][];
  dataProcessing?: { inputFilter?: Expr; outputFilter?: Expr; joinSource?: Expr };
  encryption?: EncryptionIR;
  tags: [string, Expr][];
}
