// Folder layouts of dataset ports: `splits` (train/, val/, test/ sub-folders, as
// TabularPreprocessing's training job type writes them) or `single` (one data set). A consumer
// that needs one layout fed an output of the other passes every other check and fails only at run
// time (a training step reading a calibration set has no train/ folder), so wiring checks it.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import type { WiredNode, WiredPipeline } from '../stages.js';
import { hasOwn, own } from '../util/own.js';

type Layout = 'splits' | 'single';

/** A step type's layoutFrom must name one of its inputs, and an output has layout or layoutFrom, not both. */
export function checkLayoutDeclarations(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  for (const [port, spec] of Object.entries(doc.outputs ?? {})) {
    if (spec.layoutFrom === undefined) continue;
    if (spec.layout !== undefined) bag.report('PLC3031', source.locate(['outputs', port, 'layoutFrom'], 'key'), { step: doc.name, port, detail: 'also declares layout; give one of them' });
    else if (!hasOwn(doc.inputs ?? {}, spec.layoutFrom)) bag.report('PLC3031', source.locate(['outputs', port, 'layoutFrom']), { step: doc.name, port, detail: `names "${spec.layoutFrom}", which is not an input of the step (inputs: ${Object.keys(doc.inputs ?? {}).join(', ') || 'none'})` });
  }
}

const describe = (layout: Layout): string => (layout === 'splits' ? 'train/val/test splits' : 'a single data set');

/** Every data edge whose producer's layout is known and differs from what the consumer's input needs. */
export function checkLayouts(pipeline: WiredPipeline, bag: DiagnosticBag): void {
  const byId = new Map(pipeline.wired.map((node) => [node.id, node]));
  const feeding = (node: string, port: string) => pipeline.edges.find((edge) => edge.to.node === node && edge.to.port === port)?.from;

  /** The layout of a node's output, following layoutFrom through the nodes that keep their input's layout. */
  const layoutOf = (nodeId: string, port: string, seen = new Set<string>()): { layout: Layout; origin: string } | undefined => {
    const node = byId.get(nodeId);
    const spec = node && !jobTypeRefused(node) && own(node.step.doc.outputs ?? {}, port);
    if (!node || !spec || seen.has(`${nodeId}.${port}`)) return undefined;
    seen.add(`${nodeId}.${port}`);
    if (spec.layout) return { layout: spec.layout, origin: `${nodeId}.${port}` };
    if (!spec.layoutFrom) return undefined;
    const from = feeding(nodeId, spec.layoutFrom);
    return from ? layoutOf(from.node, from.port, seen) : undefined;
  };

  for (const edge of pipeline.edges) {
    const consumer = byId.get(edge.to.node);
    const needed = consumer && !jobTypeRefused(consumer) && own(consumer.step.doc.inputs ?? {}, edge.to.port)?.layout;
    if (!consumer || !needed) continue;
    const found = layoutOf(edge.from.node, edge.from.port);
    if (!found || found.layout === needed) continue;
    bag.report('PLC3030', location(pipeline, consumer, edge.to.port), {
      port: edge.to.port, node: consumer.id, needed: describe(needed), from: `${edge.from.node}.${edge.from.port}`,
      found: describe(found.layout), origin: found.origin === `${edge.from.node}.${edge.from.port}` ? '' : ` (kept from ${found.origin})`,
      producer: byId.get(found.origin.split('.')[0]!)!.step.doc.name, jobType: byId.get(found.origin.split('.')[0]!)!.jobType ?? 'none',
    });
  }
}

/**
 * A node whose step type has job types but which got none (PLC2005, PLC2006 reported it) has its
 * base step type's layouts, not the job type's: comparing them would report the same mistake again.
 */
const jobTypeRefused = (node: WiredNode): boolean => node.step.doc.jobTypes !== undefined && node.jobType === undefined;

/** The explicit wire when there is one, else the node's after: list that matched it. */
function location(pipeline: WiredPipeline, node: WiredNode, port: string) {
  const { source } = pipeline;
  if (hasOwn(node.doc.inputs ?? {}, port)) return source.locate(['nodes', node.id, 'inputs', port]);
  return node.doc.after ? source.locate(['nodes', node.id, 'after'], 'key') : source.locate(['nodes', node.id], 'key');
}
