// Container paths and step properties, the two ends of a port: where the job reads or writes it,
// and the property of the producing step a consumer reads. Each kind derives its own property
// paths from these (compiler/kinds/<kind>/), following the Describe*Job response shapes, which
// `walkPropertyPath` follows segment by segment (compiler/sagemaker/property-shapes.ts).
import type { Expr, ParameterType } from '../ir/expr.js';
import { normalizeContainerPath as normalizePath } from './container-path.js';
import { propertyShapes } from './property-shapes.js';

export { normalizePath };

/** `Steps.<step>.<path>` as an expression. */
export const property = (step: string, path: string): Expr => ({ kind: 'property', step, path });

/** One step of a property path: `.Member`, `[0]` or `['key']`. */
type Segment = { kind: 'member'; name: string } | { kind: 'index'; index: number } | { kind: 'key'; key: string };

export type PropertyWalk =
  /** The path names a value of this pipeline type. */
  | { ok: true; type: ParameterType }
  /** `member` is no member of the structure reached by `at`; `allowed` lists its members. */
  | { ok: false; problem: 'member'; at: string; member: string; allowed: string[] }
  /** The path does not lead to one value: `detail` says what it reached and how to go on. */
  | { ok: false; problem: 'shape'; at: string; detail: string };

/** The segments of a path, or undefined when it is not written as `A.B[0].C['k']`. */
function segmentsOf(path: string): Segment[] | undefined {
  const segments: Segment[] = [];
  const pattern = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < path.length && (match = pattern.exec(path))) {
    if (match[1] !== undefined) segments.push({ kind: 'member', name: match[1] });
    else if (match[2] !== undefined) segments.push({ kind: 'index', index: Number(match[2]) });
    else segments.push({ kind: 'key', key: match[3] ?? match[4]! });
  }
  return pattern.lastIndex === path.length ? segments : undefined;
}

const written = (segments: readonly Segment[]): string =>
  segments.map((s, i) => (s.kind === 'member' ? `${i === 0 ? '' : '.'}${s.name}` : s.kind === 'index' ? `[${s.index}]` : `['${s.key}']`)).join('');

const isScalar = (shape: string): shape is ParameterType => shape === 'String' || shape === 'Integer' || shape === 'Float' || shape === 'Boolean';

/**
 * Follows a property path of a step of `kind` through its Describe* response: every member must
 * exist, lists take `[n]` (or `['name']`, as the SDK names processing outputs and metrics), maps
 * `['key']`, and the path must end at one value. Undefined when plc has no shapes for the kind.
 */
export function walkPropertyPath(kind: string, path: string): PropertyWalk | undefined {
  let shape = propertyShapes.roots[kind];
  if (shape === undefined) return undefined;
  const segments = segmentsOf(path);
  if (!segments || segments.length === 0) return { ok: false, problem: 'shape', at: path, detail: 'it is not written as Member.Member[0][\'key\']' };
  for (const [i, segment] of segments.entries()) {
    const at = written(segments.slice(0, i)) || 'the step';
    if (isScalar(shape)) return { ok: false, problem: 'shape', at, detail: `${at} is a ${shape} value, with nothing below it` };
    const entry = propertyShapes.shapes[shape]!;
    if ('members' in entry) {
      if (segment.kind !== 'member') return { ok: false, problem: 'shape', at, detail: `${at} is a structure; name one of its members with .Member` };
      const next = entry.members[segment.name];
      if (next === undefined) return { ok: false, problem: 'member', at, member: segment.name, allowed: Object.keys(entry.members) };
      shape = next;
    } else if ('list' in entry) {
      if (segment.kind === 'member') return { ok: false, problem: 'shape', at, detail: `${at} is a list; pick an item with [0] (or ['name'])` };
      shape = entry.list;
    } else {
      if (segment.kind !== 'key') return { ok: false, problem: 'shape', at, detail: `${at} is a map; pick an entry with ['key']` };
      shape = entry.map;
    }
  }
  if (isScalar(shape)) return { ok: true, type: shape };
  const entry = propertyShapes.shapes[shape]!;
  const how = 'members' in entry ? `a structure; go on to one of its members: ${Object.keys(entry.members).join(', ')}` : 'list' in entry ? "a list; pick an item with [0] (or ['name'])" : "a map; pick an entry with ['key']";
  return { ok: false, problem: 'shape', at: path, detail: `${path} is ${how}` };
}
