// Pass 4, expand: settle each node's job type and apply its step type's variant for that job
// type (deep-merged by one rule, see deep-merge.ts). The merged step type is validated like any
// step type; its diagnostics point into the variant where the variant wrote the value.
import type { StepDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { StepType } from '../link/step-library.js';
import { own } from '../util/own.js';
import { validateStepData } from '../validate/validate-document.js';
import { deepMerge } from './deep-merge.js';
import type { ExpandedNode, ExpandedPipeline, LinkedNode, LinkedPipeline } from '../stages.js';

/** One merged step type per (step type, job type), so later caches keyed by step type hold. */
const variantCache = new WeakMap<StepType, Map<string, StepType | undefined>>();

export function expandPipeline(linked: LinkedPipeline, bag: DiagnosticBag): ExpandedPipeline {
  const expanded: ExpandedNode[] = [];
  for (const step of new Set(linked.nodes.map((n) => n.step))) checkVariantNames(step, bag);
  for (const node of linked.nodes) {
    const jobType = chooseJobType(linked, node, bag);
    const step = jobType === undefined ? node.step : variantOf(node.step, jobType, bag);
    if (step) expanded.push({ ...node, step, jobType });
  }
  return { ...linked, expanded };
}

function chooseJobType(linked: LinkedPipeline, node: LinkedNode, bag: DiagnosticBag): string | undefined {
  const allowed = node.step.doc.jobTypes;
  const chosen = node.doc.jobType;
  const step = node.step.doc.name;
  if (!allowed) {
    if (chosen !== undefined) bag.report('PLC2007', linked.source.locate(['nodes', node.id, 'jobType']), { step, node: node.id });
    return undefined;
  }
  if (chosen === undefined) {
    bag.report('PLC2006', linked.source.locate(['nodes', node.id], 'key'), { node: node.id, step, allowed });
    return undefined;
  }
  if (!allowed.includes(chosen)) {
    bag.report('PLC2005', linked.source.locate(['nodes', node.id, 'jobType']), { name: chosen, step, allowed }, suggest(chosen, allowed));
    return undefined;
  }
  return chosen;
}

function checkVariantNames(step: StepType, bag: DiagnosticBag): void {
  const allowed: readonly string[] = step.doc.jobTypes ?? [];
  for (const name of Object.keys(step.doc.variants ?? {})) {
    if (!allowed.includes(name)) bag.report('PLC2012', step.source.locate(['variants', name], 'key'), { name, step: step.doc.name, allowed }, suggest(name, allowed));
  }
}

function variantOf(step: StepType, jobType: string, bag: DiagnosticBag): StepType | undefined {
  let byJobType = variantCache.get(step);
  if (!byJobType) variantCache.set(step, (byJobType = new Map()));
  if (!byJobType.has(jobType)) byJobType.set(jobType, merge(step, jobType, bag));
  return byJobType.get(jobType);
}

function merge(step: StepType, jobType: string, bag: DiagnosticBag): StepType | undefined {
  const variant = own(step.doc.variants, jobType);
  if (!variant) return step;
  const { variants: _variants, ...base } = step.doc;
  const { precompiledVariants, ...rest } = step;
  const source = step.source.overlay(['variants', jobType]);
  // A built-in file's merge was validated at build time (write-builtin-library.ts), for its text as it is now.
  const precompiled = own(precompiledVariants, jobType);
  const doc = precompiled !== undefined ? (JSON.parse(precompiled) as StepDocument) : validateStepData(deepMerge(base, variant), source, (path) => `"${path.join('.')}" (job type ${jobType})`, bag);
  return doc ? { ...rest, doc: doc as StepDocument, source } : undefined;
}
