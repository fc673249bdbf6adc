// Model: a SageMaker model from model artifacts and an inference image (CreateModel), with the
// step type's inference script and environment, and more containers after its own (an inference
// pipeline, serving.containers). Its model inputs are model archives; its output is the model's name.
import { compact, renderExpr } from '../../backends/sagemaker/expressions.js';
import type { NetworkIR, StepBaseIR } from '../../ir/pipeline.js';
import type { Expr } from '../../ir/expr.js';
import { networkOf, tagsOf } from '../../lower/job-settings.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { checkPortRoles } from '../ports.js';
import { renderTags, renderVpc } from '../settings.js';
import { checkServing, lowerContainers, renderContainer, type ContainerIR } from './serving.js';
import { modelTemplate } from './scaffold.js';

/** CreateModel: a SageMaker model from model artifacts and an inference image. */
export interface ModelStepIR extends StepBaseIR {
  kind: 'Model';
  role: Expr;
  /** The step type's own container first; several make an inference pipeline. */
  containers: ContainerIR[];
  /** InferenceExecutionConfig.Mode, with several containers. */
  mode?: 'Serial' | 'Direct';
  network?: NetworkIR;
  tags: [string, Expr][];
}

// An inference pipeline has at most 15 containers (CreateModel Containers).
const roles = { inputs: { model: [1, 15] }, outputs: { 'model-name': [0, 1] } } as const;

export const modelKind: StepKind<ModelStepIR> = {
  name: 'Model',
  scaffold: modelTemplate,
  sections: ['script', 'serving', 'compute', 'inputs', 'outputs'],
  requires: ['compute'],
  jobSettings: ['network', 'tags'],
  portOptions: { inputs: {}, outputs: {} },
  outputs: {},
  uncached: true,
  properties: apiLimits.stepProperties.Model,
  check(step, bag) {
    checkPortRoles(step, roles, bag);
    checkServing(step, bag, { mode: true });
  },
  outputLocation: (step) => property(step, 'ModelName'),
  lower(node, base, context) {
    const role = context.role(node);
    const containers = lowerContainers(node, context);
    const network = networkOf(node);
    const mode = containers && containers.length > 1 ? node.step.doc.serving?.mode ?? 'Serial' : undefined;
    return role && containers ? { kind: 'Model', ...base, role, containers, ...(mode ? { mode } : {}), ...(network ? { network } : {}), tags: tagsOf(node) } : undefined;
  },
  /** CreateModel minus ModelName: one PrimaryContainer, or Containers with their execution mode. */
  arguments: (step) => compact({
    ExecutionRoleArn: renderExpr(step.role),
    PrimaryContainer: step.containers.length === 1 ? renderContainer(step.containers[0]!, 'model') : undefined,
    Containers: step.containers.length > 1 ? step.containers.map((container) => renderContainer(container, 'model')) : undefined,
    InferenceExecutionConfig: step.mode && { Mode: step.mode },
    VpcConfig: renderVpc(step.network),
    EnableNetworkIsolation: step.network?.isolation && renderExpr(step.network.isolation),
    Tags: renderTags(step.tags),
  }),
};
