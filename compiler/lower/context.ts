// What a kind's own lowering module may ask of the pipeline lowering: the pipeline, the bag, and
// step-type bindings resolved against one node's config (with the same diagnostics everywhere).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Expr, Value } from '../ir/expr.js';
import type { StepIR } from '../ir/pipeline.js';
import type { DataPath } from '../source/source-file.js';
import type { WiredNode, WiredPipeline } from '../wire/wire-pipeline.js';

export interface NodeBindings {
  readonly pipeline: WiredPipeline;
  readonly bag: DiagnosticBag;
  /** Any binding: scalars become expressions, lists and mappings keep their shape. */
  bind(node: WiredNode, raw: unknown, path: DataPath): Value | undefined;
  /** A binding that must be one value. */
  scalar(node: WiredNode, raw: unknown, path: DataPath): Expr | undefined;
  /** A binding that must be one value of a JSON type (a literal of it or a parameter of that type). */
  typed(node: WiredNode, raw: unknown, path: DataPath, type: 'string' | 'integer' | 'boolean'): Expr | undefined;
  /** Named string values, leaving out those bound to an unset optional config field. */
  entries(node: WiredNode, raw: Record<string, unknown>, path: DataPath): [string, Expr][];
  /** A list of string values. */
  list(node: WiredNode, raw: readonly unknown[], path: DataPath): Expr[];
  /** Whether a binding names exactly one optional config field that is unset and has no default. */
  leftOut(node: WiredNode, raw: unknown): boolean;
}

/** The envelope members every step has, as the pipeline lowering resolved them for the node. */
export type StepBaseIR = Pick<StepIR, 'name' | 'displayName' | 'description' | 'dependsOn' | 'cache' | 'retry'>;

export type KindLowering = (node: WiredNode, base: StepBaseIR, bindings: NodeBindings) => StepIR | undefined;
