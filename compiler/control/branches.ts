// Places every step: the nodes a condition lists under then:/else: go inside its IfSteps/ElseSteps
// and nowhere else (SageMaker rejects a branch step that is also top-level); the rest stay
// top-level in the order the pipeline lists them.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { StepIR } from '../ir/pipeline.js';
import type { LinkedPipeline } from '../stages.js';

const branches = ['then', 'else'] as const;

/** The condition each branch node belongs to; a node listed twice or unknown is reported. */
export function branchOwners(pipeline: LinkedPipeline, bag: DiagnosticBag): Map<string, string> {
  const owners = new Map<string, string>();
  const ids = Object.keys(pipeline.doc.nodes);
  for (const control of pipeline.controls) {
    if (control.kind !== 'Condition') continue;
    for (const branch of branches) {
      for (const [i, id] of (control.doc[branch] ?? []).entries()) {
        const at = pipeline.source.locate(['nodes', control.id, branch, i]);
        if (id === control.id) bag.report('PLC6006', at, { node: id, branch });
        else if (!ids.includes(id)) bag.report('PLC3001', at, { name: id, allowed: ids }, suggest(id, ids));
        else if (owners.has(id)) bag.report('PLC6005', at, { node: id, first: owners.get(id)!, second: control.id });
        else owners.set(id, control.id);
      }
    }
  }
  return owners;
}

/** after: on a control node, one rule per kind of control (PLC6004, PLC6007). */
export function checkAfterControl(pipeline: LinkedPipeline, bag: DiagnosticBag): void {
  checkAfterFail(pipeline, bag);
  checkAfterCondition(pipeline, bag);
}

/** PLC6004: nothing runs after a fail step, which ends the execution. */
function checkAfterFail(pipeline: LinkedPipeline, bag: DiagnosticBag): void {
  for (const entry of afterControl(pipeline, 'Fail')) bag.report('PLC6004', entry.at, { node: entry.node, fail: entry.control });
}

/** PLC6007: SageMaker refuses a DependsOn on a condition step; its branches are where steps follow it. */
function checkAfterCondition(pipeline: LinkedPipeline, bag: DiagnosticBag): void {
  for (const entry of afterControl(pipeline, 'Condition')) bag.report('PLC6007', entry.at, { node: entry.node, condition: entry.control });
}

/** The after: entries that name a control node of the given kind. */
function* afterControl(pipeline: LinkedPipeline, kind: 'Condition' | 'Fail') {
  const controls = new Set(pipeline.controls.filter((c) => c.kind === kind).map((c) => c.id));
  for (const [node, doc] of Object.entries(pipeline.doc.nodes)) {
    for (const [i, control] of (doc.after ?? []).entries()) {
      if (controls.has(control)) yield { node, control, at: pipeline.source.locate(['nodes', node, 'after', i]) };
    }
  }
}

/** The top-level steps, with branch steps nested into their conditions. */
export function arrangeSteps(pipeline: LinkedPipeline, steps: ReadonlyMap<string, StepIR>, owners: ReadonlyMap<string, string>): StepIR[] {
  const place = (id: string, trail: readonly string[]): StepIR[] => {
    const step = steps.get(id);
    // Unlowered (reported) steps drop out; a branch cycle is reported by the graph checks.
    if (!step || trail.includes(id)) return [];
    if (step.kind !== 'Condition') return [step];
    const doc = pipeline.doc.nodes[id]!;
    const nested = (branch: 'then' | 'else') => (doc[branch] ?? []).filter((member) => owners.get(member) === id).flatMap((member) => place(member, [...trail, id]));
    return [{ ...step, ifSteps: nested('then'), elseSteps: nested('else') }];
  };
  return pipeline.source.keysInOrder(['nodes']).filter((id) => !owners.has(id)).flatMap((id) => place(id, []));
}
