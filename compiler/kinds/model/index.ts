// Model: a SageMaker model from model artifacts and an inference image (CreateModel). Its one
// input is the model archive; its output is the model's name.
import { renderExpr } from '../../backends/sagemaker/expressions.js';
import type { Expr } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { checkPortRoles } from '../ports.js';

/** CreateModel: a SageMaker model from model artifacts and an inference image. */
export interface ModelStepIR extends StepBaseIR {
  kind: 'Model';
  image: Expr;
  role: Expr;
  modelData: Expr;
}

const roles = { inputs: { model: [1, 1] }, outputs: { 'model-name': [0, 1] } } as const;

export const modelKind: StepKind<ModelStepIR> = {
  name: 'Model',
  sections: ['compute', 'inputs', 'outputs'],
  requires: ['compute'],
  outputs: {},
  uncached: true,
  properties: apiLimits.stepProperties.Model,
  check: (step, bag) => checkPortRoles(step, roles, bag),
  outputLocation: (step) => property(step, 'ModelName'),
  lower(node, base, context) {
    const role = context.role(node);
    const image = context.image(node, 'inference');
    const modelData = context.fileInput(node, 'model');
    return role && image && modelData ? { kind: 'Model', ...base, role, image, modelData } : undefined;
  },
  /** CreateModel minus ModelName. */
  arguments: (step) => ({
    ExecutionRoleArn: renderExpr(step.role),
    PrimaryContainer: { Image: renderExpr(step.image), Environment: {}, ModelDataUrl: renderExpr(step.modelData) },
  }),
};
