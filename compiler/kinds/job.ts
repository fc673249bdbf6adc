// The parts of a job that Processing and the training-job kinds resolve alike: role, compute,
// image, environment and code.
import type { Expr } from '../ir/expr.js';
import type { Resources } from '../ir/pipeline.js';
import type { CodeBundle } from '../lower/code-bundle.js';
import type { LoweringContext } from '../lower/context.js';
import type { ImageScope } from '../sagemaker/images.js';
import type { WiredNode } from '../stages.js';

export interface JobParts {
  role: Expr;
  image: Expr;
  resources: Resources;
  environment: [string, Expr][];
  bundle: CodeBundle | undefined;
}

/** Undefined when a part cannot be resolved (the reason is reported). */
export function lowerJobParts(node: WiredNode, context: LoweringContext, kind: { imageScope: ImageScope; environmentLimits: { entries: { max: number }; value: { max: number } } }): JobParts | undefined {
  const step = node.step.doc;
  const bundle = step.script ? context.bundle(node) : undefined;
  const role = context.role(node);
  const resources = context.resources(node);
  const image = context.image(node, kind.imageScope, resources?.instanceType);
  if (!role || !image || !resources || (step.script && !bundle)) return undefined;
  const environment = context.entries(node, step.script?.env ?? {}, ['script', 'env']);
  context.checkStringMap(node, environment, kind.environmentLimits, 'environment variable', ['script', 'env']);
  return { role, image, resources, environment, bundle };
}
