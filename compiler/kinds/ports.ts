// Port rules more than one kind follows: ports that are container folders must say where
// (Processing, Training, Tuning), ports with fixed roles by type (Model, Transform, RegisterModel)
// come in the numbers their API takes, and ports' data options resolve per node.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { constantOf, type Expr } from '../ir/expr.js';
import type { StepType } from '../link/step-library.js';
import type { LoweringContext } from '../lower/context.js';
import type { WiredNode } from '../stages.js';
import { portOptionNames, type InputOption, type OutputOption, type PortOptions } from './kind.js';

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

/** PLC5012 and PLC5013: the port types the kind maps onto its request, in the numbers it takes. */
export function checkPortRoles(step: StepType, roles: PortRoles, bag: DiagnosticBag): void {
  portTypesTaken(step, roles, bag);
  portTypeCounts(step, roles, bag);
}

/** PLC5012: a port of a type the kind has no field for. */
function portTypesTaken(step: StepType, roles: PortRoles, bag: DiagnosticBag): void {
  for (const direction of ['inputs', 'outputs'] as const) {
    for (const [port, spec] of Object.entries(step.doc[direction] ?? {})) {
      if (spec.type in roles[direction]) continue;
      bag.report('PLC5012', step.source.locate([direction, port, 'type']), { step: step.doc.name, kind: step.doc.sagemaker, direction: direction.slice(0, -1), port, type: spec.type, allowed: Object.keys(roles[direction]) });
    }
  }
}

/** PLC5013: as many ports of each type as the kind's fields take. */
function portTypeCounts(step: StepType, roles: PortRoles, bag: DiagnosticBag): void {
  for (const direction of ['inputs', 'outputs'] as const) {
    const ports = Object.values(step.doc[direction] ?? {});
    for (const [type, [min, max]] of Object.entries(roles[direction])) {
      const count = ports.filter((spec) => spec.type === type).length;
      if (count < min || count > max) {
        bag.report('PLC5013', step.source.locate([direction], 'key'), { step: step.doc.name, kind: step.doc.sagemaker, direction: direction.slice(0, -1), type, count, expected: min === max ? `${min}` : `${min} to ${max}` });
      }
    }
  }
}

/** A port's data options for one node: literals as written, `${config.*}` bindings as the node's values. */
export type LoweredOptions = Partial<Record<Exclude<InputOption, 'attributeNames'> | OutputOption, Expr>> & { attributeNames?: Expr[] };

export function lowerPortOptions(node: WiredNode, direction: 'inputs' | 'outputs', port: string, options: PortOptions, context: LoweringContext): LoweredOptions {
  const spec = (node.step.doc[direction] ?? {})[port] as unknown as Record<string, unknown> | undefined;
  const lowered: LoweredOptions = {};
  for (const option of portOptionNames[direction]) {
    const raw = spec?.[option];
    if (raw === undefined || context.leftOut(node, raw)) continue;
    const path = [direction, port, option];
    if (option === 'attributeNames') {
      lowered.attributeNames = context.list(node, raw as unknown[], path);
      continue;
    }
    const value = context.typed(node, raw, path, 'string');
    const allowed = (options[direction] as Record<string, readonly string[] | true | undefined>)[option];
    const literal = constantOf(value);
    // A written-out value is checked with the step type (check/step-contract.ts); a bound one here.
    if (Array.isArray(allowed) && typeof literal === 'string' && !allowed.includes(literal)) {
      context.bag.report('PLC5060', node.step.source.locate(path), { option: path.join('.'), value: literal, kind: node.step.doc.sagemaker, allowed: [...allowed] });
      continue;
    }
    if (value) lowered[option] = value;
  }
  return lowered;
}
