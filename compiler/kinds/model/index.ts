// Model: a SageMaker model from model artifacts and an inference image (CreateModel). Its one
// input is the model archive; its output is the model's name.
import { compact, renderExpr } from '../../backends/sagemaker/expressions.js';
import type { Expr } from '../../ir/expr.js';
import type { NetworkIR, StepBaseIR } from '../../ir/pipeline.js';
import { networkOf, tagsOf } from '../../lower/job-settings.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { checkPortRoles } from '../ports.js';
import { renderTags, renderVpc } from '../settings.js';
import { modelTemplate } from './scaffold.js';

/** CreateModel: a SageMaker model from model artifacts and an inference image. */
export interface ModelStepIR extends StepBaseIR {
  kind: 'Model';
  image: Expr;
  role: Expr;
  modelData: Expr;
  network?: NetworkIR;
  tags: [string, Expr][];
}

const roles = { inputs: { model: [1, 1] }, outputs: { 'model-name': [0, 1] } } as const;

export const modelKind: StepKind<ModelStepIR> = {
  name: 'Model',
  scaffold: modelTemplate,
  sections: ['compute', 'inputs', 'outputs'],
  requires: ['compute'],
  jobSettings: ['network', 'tags'],
  portOptions: { inputs: {}, outputs: {} },
  outputs: {},
  uncached: true,
  properties: apiLimits.stepProperties.Model,
  check: (step, bag) => checkPortRoles(step, roles, bag),
  outputLocation: (step) => property(step, 'ModelName'),
  lower(node, base, context) {
    const role = context.role(node);
    const image = context.image(node, 'inference');
    const modelData = context.fileInput(node, 'model');
    const network = networkOf(node);
    return role && image && modelData ? { kind: 'Model', ...base, role, image, modelData, ...(network ? { network } : {}), tags: tagsOf(node) } : undefined;
  },
  /** CreateModel minus ModelName. */
  arguments: (step) => compact({
    ExecutionRoleArn: renderExpr(step.role),
    PrimaryContainer: { Image: renderExpr(step.image), Environment: {}, ModelDataUrl: renderExpr(step.modelData) },
    VpcConfig: renderVpc(step.network),
    EnableNetworkIsolation: step.network?.isolation && renderExpr(step.network.isolation),
    Tags: renderTags(step.tags),
  }),
};
