// Every literal value a step's Arguments carry into a member that the SageMaker API model
// constrains (pattern, length or range) is checked against that member, on the definition as it
// will be sent: one generic check keyed by the botocore shape path, for whatever kind lowered the
// value (a `modelPackageGroup: x_y` passed the gate; CreateModelPackage refuses it). The shapes are
// generated from botocore (compiler/sagemaker/api-shapes.ts).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Location } from '../source/source-file.js';
import type { BoundNode } from '../stages.js';
import { apiShapes, type ApiShape } from '../sagemaker/api-shapes.js';
import { own } from '../util/own.js';

export interface ShapeViolation {
  /** Where in the Arguments, e.g. `ModelPackageGroupName` or `Environment.KEY`. */
  member: string;
  value: string | number;
  problem: string;
}

/** A definition step as the sagemaker backend writes it; conditions nest steps in their branches. */
interface DefinitionStep { Name: string; Type: string; Arguments?: unknown }

/** `{"Get": …}`, `{"Std:Join": …}`: resolved at run time, so not checked here. */
const isExpression = (value: object): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Get' || keys[0]!.startsWith('Std:'));
};

/** Each pattern compiled once. */
const patterns = new Map<string, RegExp>();

/**
 * botocore patterns are Java regexes, matched against the whole value: the rewrites are those of
 * test/support/check_definition.py (a quantified `$`, the POSIX \p{Alnum}); in `u` mode JavaScript
 * reads \p{L} and Java's surrogate-pair ranges as Java does.
 */
export function matchesJavaPattern(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern.replace(/\$\{\d+(,\d*)?\}/g, '$').replaceAll('\\p{Alnum}', 'a-zA-Z0-9')})$`, 'u');
    patterns.set(pattern, regex);
  }
  return regex.test(value);
}

/** The length in code points, as botocore counts it, without making an array of the characters. */
function codePoints(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && value.charCodeAt(i - 1) >= 0xd800 && value.charCodeAt(i - 1) <= 0xdbff) count -= 1;
  }
  return count;
}

function scalarProblem(shape: ApiShape, value: unknown): string | undefined {
  if (shape.type === 'string' && typeof value === 'string') {
    const length = shape.min !== undefined || shape.max !== undefined ? codePoints(value) : 0;
    if (shape.min !== undefined && length < shape.min) return `is shorter than ${shape.min} characters`;
    if (shape.max !== undefined && length > shape.max) return `is longer than ${shape.max} characters`;
    if (shape.pattern !== undefined && !matchesJavaPattern(shape.pattern, value)) return `does not match the pattern ${shape.pattern}`;
  }
  if (shape.type === 'number' && typeof value === 'number') {
    if (shape.min !== undefined && value < shape.min) return `is below the minimum ${shape.min}`;
    if (shape.max !== undefined && value > shape.max) return `is above the maximum ${shape.max}`;
  }
  return undefined;
}

/**
 * What each scalar shape said of each value: most values (roles, images, instance types, the
 * same S3 options) repeat on every node. `null` when the value breaks nothing.
 */
const scalarVerdicts = new Map<ApiShape, Map<unknown, string | null>>();

function cachedScalarProblem(shape: ApiShape, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined; // nothing scalarProblem checks
  let verdicts = scalarVerdicts.get(shape);
  if (!verdicts) scalarVerdicts.set(shape, (verdicts = new Map()));
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = scalarProblem(shape, value) ?? null;
    verdicts.set(value, verdict);
  }
  return verdict ?? undefined;
}

/**
 * Where a value is in the Arguments, linked to its parent: the member text (`Environment.KEY`,
 * `Inputs[0].S3Input`) is written only for a violation, not for each of the definition's values.
 */
interface Member { parent: Member | undefined; key: string | number; entry?: true }
const memberText = (at: Member | undefined): string => {
  if (at === undefined) return '';
  const parent = memberText(at.parent);
  if (typeof at.key === 'number') return `${parent}[${at.key}]`;
  return parent || at.entry ? `${parent}.${at.key}` : at.key;
};

/** Only members, items and values whose shapes constrain something are visited (api-shapes.ts lists no others). */
function walk(value: unknown, shape: ApiShape, member: Member | undefined, out: ShapeViolation[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object' && !Array.isArray(value) && isExpression(value)) return;
  if (shape.type === undefined) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      const memberShape = shapeNamed(shape.members[key]);
      if (memberShape) walk((value as Record<string, unknown>)[key], memberShape, { parent: member, key }, out);
    }
  } else if (shape.type === 'list') {
    if (!Array.isArray(value)) return;
    countProblem(shape, value.length, 'has the wrong number of items', member, out);
    const itemShape = shapeNamed(shape.item);
    if (itemShape) for (let index = 0; index < value.length; index++) walk(value[index], itemShape, { parent: member, key: index }, out);
  } else if (shape.type === 'map') {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const keys = Object.keys(value);
    countProblem(shape, keys.length, 'has the wrong number of entries', member, out);
    const keyShape = shapeNamed(shape.key);
    const valueShape = shapeNamed(shape.value);
    for (const key of keys) {
      const problem = keyShape && cachedScalarProblem(keyShape, key);
      if (problem) out.push({ member: `${memberText(member)} key`, value: key, problem });
      if (valueShape) walk((value as Record<string, unknown>)[key], valueShape, { parent: member, key, entry: true }, out);
    }
  } else {
    const problem = cachedScalarProblem(shape, value);
    if (problem) out.push({ member: memberText(member), value: value as string | number, problem });
  }
}

/** The shape of that name; none for a member the API model does not constrain. */
const shapeNamed = (name: string | undefined): ApiShape | undefined => (typeof name === 'string' ? own(apiShapes.shapes, name) : undefined);

function countProblem(shape: ApiShape, size: number, unit: string, member: Member | undefined, out: ShapeViolation[]): void {
  if ((shape.type === 'list' || shape.type === 'map') && ((shape.min !== undefined && size < shape.min) || (shape.max !== undefined && size > shape.max))) {
    out.push({ member: memberText(member), value: size, problem: `${unit}: ${size}, allowed ${shape.min ?? 0} to ${shape.max ?? '∞'}` });
  }
}

/** The constrained members that the literal values of one step's Arguments break. */
export function requestViolations(stepType: string, args: unknown): ShapeViolation[] {
  const out: ShapeViolation[] = [];
  const shape = shapeNamed(own(apiShapes.requests, stepType));
  if (shape) walk(args, shape, undefined, out);
  return out;
}

/**
 * Reports each violation at the config value it came from, when a node's config holds exactly
 * that value, else at the node.
 */
export function checkRequestShapes(steps: readonly DefinitionStep[], nodes: readonly BoundNode[], nodeAt: (node: BoundNode) => Location, bag: DiagnosticBag): void {
  const byName = new Map(nodes.map((node) => [node.stepName, node]));
  for (const step of steps) {
    const args = step.Arguments as { IfSteps?: DefinitionStep[]; ElseSteps?: DefinitionStep[] } | undefined;
    if (step.Type === 'Condition') checkRequestShapes([...(args?.IfSteps ?? []), ...(args?.ElseSteps ?? [])], nodes, nodeAt, bag);
    const node = byName.get(step.Name);
    if (!node) continue;
    for (const { member, value, problem } of requestViolations(step.Type, step.Arguments)) {
      const origin = [...node.config.values()].find((entry) => entry.value.kind === 'literal' && entry.value.value === value)?.origin;
      const at = origin ? origin.source.locate(origin.path) : nodeAt(node);
      bag.report('PLC5040', at, { node: node.id, member, value: JSON.stringify(value), problem, request: apiShapes.requests[step.Type]!.replace(/(Request|Input)$/, '') });
    }
  }
}
