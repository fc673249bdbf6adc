// Port rules more than one kind follows: ports that are container folders must say where
// (Processing, Training, Tuning), ports with fixed roles by type (Model, Transform, RegisterModel)
// come in the numbers their API takes, and ports' data options resolve per node (the node's
// `ports:` over the step type's port).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { singleReference } from '../interpolation/template.js';
import { asString, constantOf, isExpr, type Expr, type Value } from '../ir/expr.js';
import type { StepType } from '../link/step-library.js';
import type { LoweringContext } from '../lower/context.js';
import type { DataPath, Location, SourceFile } from '../source/source-file.js';
import type { WiredNode } from '../stages.js';
import { hasOwn, own } from '../util/own.js';
import { portOptionNames, type InputOption, type OutputOption, type PortOptions, type StepKind } from './kind.js';

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

type Direction = 'inputs' | 'outputs';
type Allowed = readonly string[] | true | undefined;

/** The values a kind takes for an option of its ports; `true`: any the schema allows; undefined: its API has no member for it. */
export const allowedValues = (options: PortOptions, direction: Direction, option: string): Allowed => (options[direction] as Record<string, Allowed>)[option];

/**
 * A written-out option value the kind does not take is PLC5060: on a step type's port, on a
 * node's `ports:` and for a `${config.*}` or `${params.*}` value once it is known. True when it may stand.
 */
export function checkOptionValue(kind: string, options: PortOptions, direction: Direction, option: string, value: unknown, what: string, at: () => Location, bag: DiagnosticBag): boolean {
  const allowed = allowedValues(options, direction, option);
  if (!Array.isArray(allowed) || typeof value !== 'string' || allowed.includes(value)) return true;
  // Located only when reported: a built-in step file's YAML is parsed only for a location in it.
  bag.report('PLC5060', at(), { option: what, value, kind, allowed: [...allowed] });
  return false;
}

/** The directions a step type has a port `port` in (an input and an output may share a name). */
const directionsOf = (step: StepType, port: string): Direction[] => (['inputs', 'outputs'] as const).filter((direction) => own(step.doc[direction], port) !== undefined);

/**
 * A node's `ports:` names ports of its step type (PLC2015), each option one that the port's
 * direction and kind take (PLC2016); values are checked as they are lowered (lowerPortOptions).
 */
export function checkNodePorts(node: WiredNode, kind: StepKind, source: SourceFile, bag: DiagnosticBag): void {
  const { doc } = node.step;
  for (const [port, set] of Object.entries(node.doc.ports ?? {})) {
    const directions = directionsOf(node.step, port);
    if (directions.length === 0) {
      const ports = [...new Set([...Object.keys(doc.inputs ?? {}), ...Object.keys(doc.outputs ?? {})])].sort();
      bag.report('PLC2015', source.locate(['nodes', node.id, 'ports', port], 'key'), { node: node.id, port, step: doc.name, allowed: ports }, suggest(port, ports));
      continue;
    }
    for (const option of Object.keys(set)) {
      if (directions.some((direction) => (portOptionNames[direction] as readonly string[]).includes(option) && allowedValues(kind.portOptions, direction, option) !== undefined)) continue;
      const taken = directions.flatMap((direction) => portOptionNames[direction].filter((name) => allowedValues(kind.portOptions, direction, name) !== undefined));
      bag.report('PLC2016', source.locate(['nodes', node.id, 'ports', port, option], 'key'), { node: node.id, option, port, kind: kind.name, what: directions.map((d) => d.slice(0, -1)).join(' and '), allowed: taken.length > 0 ? taken.join(', ') : 'none' });
    }
  }
}

/**
 * A port's data options for one node, layered: the node's `ports:` over the step type's port.
 * Literals as written; a step type's `${config.*}` binding as the node's value; a node's
 * `${params.*}` as the parameter.
 */
export type LoweredOptions = Partial<Record<Exclude<InputOption, 'attributeNames'> | OutputOption, Expr>> & { attributeNames?: Expr[] };

export function lowerPortOptions(node: WiredNode, direction: Direction, port: string, options: PortOptions, context: LoweringContext): LoweredOptions {
  const spec = own(node.step.doc[direction], port) as Record<string, unknown> | undefined;
  const override = own(node.doc.ports, port) as Record<string, unknown> | undefined;
  const lowered: LoweredOptions = {};
  for (const option of portOptionNames[direction]) {
    // An option the kind has no member for was reported: PLC5011 on the port, PLC2016 on the node.
    if (allowedValues(options, direction, option) === undefined) continue;
    const fromNode = override !== undefined && hasOwn(override, option);
    const raw = fromNode ? override[option] : spec?.[option];
    const [source, path] = fromNode ? [context.pipeline.source, ['nodes', node.id, 'ports', port, option]] : [node.step.source, [direction, port, option]];
    const value = fromNode ? nodeOption(node, raw, path, context) : stepOption(node, raw, path, context);
    if (value === undefined) continue;
    if (option === 'attributeNames') {
      if (Array.isArray(value)) lowered.attributeNames = value;
      continue;
    }
    if (Array.isArray(value)) continue;
    // A value written out on the step type's port was checked with the step type (check/step-contract.ts).
    const checked = !fromNode && typeof raw === 'string' && singleReference(raw) === undefined;
    if (checked || checkOptionValue(node.step.doc.sagemaker, options, direction, option, constantOf(value), (fromNode ? path.slice(2) : path).join('.'), () => source.locate(path), context.bag)) lowered[option] = value;
  }
  return lowered;
}

/** A step type's option for the node: its literal, or the node's value of the config field it binds. */
function stepOption(node: WiredNode, raw: unknown, path: DataPath, context: LoweringContext): Expr | Expr[] | undefined {
  if (raw === undefined || context.leftOut(node, raw)) return undefined;
  return Array.isArray(raw) ? context.list(node, raw, path) : context.typed(node, raw, path, 'string');
}

/** A node's own option, in the pipeline's scope: a literal, or a String `${params.*}`; a list of them for attributeNames. */
function nodeOption(node: WiredNode, raw: unknown, path: DataPath, context: LoweringContext): Expr | Expr[] | undefined {
  const value = context.bindPipelineValue(raw, path);
  if (!value) return undefined;
  if (value.kind !== 'list') return nodeString(node, value, path, context);
  const items = value.items.map((item, i) => nodeString(node, item, [...path, i], context));
  return items.every((item) => item !== undefined) ? items.map(asString) : undefined;
}

/** One string of a node's option: not a list or map, nor a parameter of another type (PLC0101). */
function nodeString(node: WiredNode, value: Value, path: DataPath, context: LoweringContext): Expr | undefined {
  const where = `"${path.slice(2).join('.')}" of node "${node.id}"`;
  if (!isExpr(value)) {
    context.bag.report('PLC0101', context.pipeline.source.locate(path), { where, expected: 'a string' });
    return undefined;
  }
  if (value.kind === 'parameter' && value.type !== 'String') {
    context.bag.report('PLC0101', context.pipeline.source.locate(path), { where: `${where} (parameter ${value.name}, ${value.type})`, expected: 'a string' });
    return undefined;
  }
  return value;
}
