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
/** Where a step type binds its job's environment: under script:, or for a Processing container of its own, processing:. */
export type EnvironmentAt = readonly ['script' | 'processing', 'env'];

export function lowerJobParts(node: WiredNode, context: LoweringContext, kind: { imageScope: ImageScope; environmentLimits: { entries: { max: number }; value: { max: number } }; environmentAt?: EnvironmentAt }): JobParts | undefined {
  const step = node.step.doc;
  const bundle = step.script ? context.bundle(node) : undefined;
  const role = context.role(node);
  const resources = context.resources(node);
  const image = context.image(node, kind.imageScope, resources?.instanceType);
  if (!role || !image || !resources || (step.script && !bundle)) return undefined;
  const at = kind.environmentAt ?? ['script', 'env'];
  const bindings = (step[at[0]] as { env?: Record<string, unknown> } | undefined)?.env ?? {};
  const environment = context.entries(node, bindings, [...at]);
  context.checkStringMap(node, environment, kind.environmentLimits, 'environment variable', [...at]);
  return { role, image, resources, environment, bundle };
}
