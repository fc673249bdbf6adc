// Port rules more than one kind follows: ports that are container folders must say where
// (Processing, Training, Tuning), and ports with fixed roles by type (Model, Transform,
// RegisterModel) come in the numbers their API takes.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';

export type PortEntry = [port: string, path: string];

/** The ports with their container paths; a port without one is reported (PLC0103). */
export function portPaths(step: StepType, bag: DiagnosticBag): { inputs: PortEntry[]; outputs: PortEntry[] } {
  const { doc, source } = step;
  const paths = (direction: 'inputs' | 'outputs'): PortEntry[] => Object.entries(doc[direction] ?? {}).flatMap(([port, spec]): PortEntry[] => {
    if (spec.path !== undefined) return [[port, spec.path]];
    bag.report('PLC0103', source.locate([direction, port], 'key'), { where: `${direction.slice(0, -1)} "${port}" of ${doc.sagemaker} step type ${doc.name}`, key: 'path' });
    return [];
  });
  return { inputs: paths('inputs'), outputs: paths('outputs') };
}

type Cardinality = readonly [min: number, max: number];

/** How many ports of each type a kind takes, each way (other types: none). */
export interface PortRoles {
  inputs: Record<string, Cardinality>;
  outputs: Record<string, Cardinality>;
}

export function checkPortRoles(step: StepType, roles: PortRoles, bag: DiagnosticBag): void {
  for (const direction of ['inputs', 'outputs'] as const) {
    const ports = Object.entries(step.doc[direction] ?? {});
    for (const [port, spec] of ports) {
      if (!(spec.type in roles[direction])) {
        bag.report('PLC5012', step.source.locate([direction, port, 'type']), { step: step.doc.name, kind: step.doc.sagemaker, direction: direction.slice(0, -1), port, type: spec.type, allowed: Object.keys(roles[direction]) });
      }
    }
    for (const [type, [min, max]] of Object.entries(roles[direction])) {
      const count = ports.filter(([, spec]) => spec.type === type).length;
      if (count < min || count > max) {
        bag.report('PLC5013', step.source.locate([direction], 'key'), { step: step.doc.name, kind: step.doc.sagemaker, direction: direction.slice(0, -1), type, count, expected: min === max ? `${min}` : `${min} to ${max}` });
      }
    }
  }
}
