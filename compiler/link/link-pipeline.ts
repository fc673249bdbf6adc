// Pass 3b, link: give every node its kind (step, condition or fail), step nodes their step type,
// every node its SageMaker step name, and check the names that tie the pipeline together (unknown
// step types, duplicate step names, unknown after: targets).
import type { PipelineDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { SourceFile } from '../source/source-file.js';
import type { StepLibrary, StepType } from './step-library.js';
import { hasOwn } from '../util/own.js';
import type { ControlNode, LinkedNode, LinkedPipeline, NodeDocument } from '../stages.js';

/** The keys each kind of node takes; the first is the one that gives the node its kind. */
const nodeKeys = {
  step: ['step', 'jobType', 'name', 'displayName', 'description', 'after', 'inputs', 'outputs', 'ports', 'config', 'cache', 'retry'],
  condition: ['condition', 'then', 'else', 'name', 'displayName', 'description', 'after'],
  fail: ['fail', 'name', 'displayName', 'description', 'after'],
} as const;

/** A node's kind by the first of step:, condition:, fail: it has; keys of other kinds are reported. */
function kindOf(id: string, node: NodeDocument, source: SourceFile, bag: DiagnosticBag): keyof typeof nodeKeys | undefined {
  const kind = (Object.keys(nodeKeys) as (keyof typeof nodeKeys)[]).find((k) => hasOwn(node, k));
  if (!kind) {
    bag.report('PLC1013', source.locate(['nodes', id], 'key'), { node: id });
    return undefined;
  }
  const allowed: readonly string[] = nodeKeys[kind];
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) bag.report('PLC1014', source.locate(['nodes', id, key], 'key'), { key, kind, allowed: [...allowed] });
  }
  return kind;
}

/** StepName in the SageMaker API model and the pipeline-definition schema. */
const maxStepNameLength = 64;

export function linkPipeline(doc: PipelineDocument, source: SourceFile, library: StepLibrary, bag: DiagnosticBag): LinkedPipeline {
  const nodes: LinkedNode[] = [];
  const controls: ControlNode[] = [];
  const byStepName = new Map<string, string>();
  const stepNames = [...library.steps.keys()].sort();
  for (const id of source.keysInOrder(['nodes'])) {
    const node = doc.nodes[id]!;
    const stepName = node.name ?? id;
    if (stepName.length > maxStepNameLength) {
      bag.report('PLC5021', node.name !== undefined ? source.locate(['nodes', id, 'name']) : source.locate(['nodes', id], 'key'), { name: stepName, length: stepName.length, max: maxStepNameLength });
    }
    const first = byStepName.get(stepName);
    if (first !== undefined) {
      const at = node.name !== undefined ? source.locate(['nodes', id, 'name']) : source.locate(['nodes', id], 'key');
      bag.report('PLC1004', at, { name: stepName, first, second: id }, { related: [{ message: `"${first}" is named here`, location: source.locate(['nodes', first], 'key') }] });
    } else {
      byStepName.set(stepName, id);
    }
    const kind = kindOf(id, node, source, bag);
    if (kind === 'condition' || kind === 'fail') controls.push({ id, doc: node, kind: kind === 'condition' ? 'Condition' : 'Fail', stepName });
    if (kind !== 'step' || node.step === undefined) continue;
    const step = library.steps.get(node.step);
    if (!step) {
      if (library.invalid.has(node.step)) continue; // its step file's own errors are reported
      bag.report('PLC1001', source.locate(['nodes', id, 'step']), { name: node.step }, suggest(node.step, stepNames));
      continue;
    }
    nodes.push({ id, doc: node, step, stepName });
  }
  const ids = Object.keys(doc.nodes);
  for (const [id, node] of Object.entries(doc.nodes)) {
    for (const [i, target] of (node.after ?? []).entries()) {
      if (target === id) bag.report('PLC6002', source.locate(['nodes', id, 'after', i]), { node: id });
      else if (!hasOwn(doc.nodes, target)) {
        bag.report('PLC3001', source.locate(['nodes', id, 'after', i]), { name: target, allowed: ids }, suggest(target, ids));
      }
    }
  }
  checkAccepts(new Set(nodes.map((n) => n.step)), library, bag);
  return { doc, source, library, nodes, controls };
}

/** Every step type an input `accepts` must exist, so the list cannot rot silently. */
function checkAccepts(steps: ReadonlySet<StepType>, library: StepLibrary, bag: DiagnosticBag): void {
  const names = [...library.steps.keys()].sort();
  for (const step of steps) {
    for (const [port, spec] of Object.entries(step.doc.inputs ?? {})) {
      for (const [i, name] of (spec.accepts ?? []).entries()) {
        if (!library.steps.has(name) && !library.invalid.has(name)) {
          bag.report('PLC1009', step.source.locate(['inputs', port, 'accepts', i]), { port, step: step.doc.name, name, allowed: names }, suggest(name, names));
        }
      }
    }
  }
}
