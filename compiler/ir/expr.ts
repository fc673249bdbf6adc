// Typed values of the pipeline IR: literals and the SageMaker expressions plc can emit
// (parameter and execution-variable Gets, step properties, joins, JSON reads from property files).
// Backends render these.
export type Scalar = string | number | boolean;
export type ParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';

export type Expr =
  | { kind: 'literal'; value: Scalar }
  | { kind: 'parameter'; name: string; type: ParameterType }
  | { kind: 'execution'; name: string }
  /** A property of another step; `path` follows the step's Describe* response shape, `type` is the value's where known. */
  | { kind: 'property'; step: string; path: string; type?: ParameterType }
  | { kind: 'join'; on: string; values: Expr[] }
  /** A value read from a step's property file (Std:JsonGet); `path` is a JSONPath-like dotted path. */
  | { kind: 'jsonGet'; step: string; propertyFile: string; path: string };

/** A config value after interpolation: scalars are expressions; lists and maps keep their shape. */
export type Value = Expr | { kind: 'list'; items: Value[] } | { kind: 'map'; entries: [string, Value][] };

export const literal = (value: Scalar): Expr => ({ kind: 'literal', value });

export function isExpr(value: Value): value is Expr {
  return value.kind !== 'list' && value.kind !== 'map';
}

/** Concatenation with constants folded: all-literal parts become one literal string. */
export function concat(parts: readonly Expr[]): Expr {
  const values: Expr[] = [];
  for (const part of parts) {
    const previous = values.at(-1);
    if (part.kind === 'literal' && previous?.kind === 'literal') {
      values[values.length - 1] = literal(String(previous.value) + String(part.value));
    } else if (part.kind === 'join' && part.on === '') {
      values.push(...part.values);
    } else {
      values.push(part.kind === 'literal' ? literal(String(part.value)) : part);
    }
  }
  if (values.length === 0) return literal('');
  if (values.length === 1 && values[0]!.kind === 'literal') return values[0]!;
  return { kind: 'join', on: '', values };
}

/**
 * The value as a string, for slots the API types as string (HyperParameters, Environment,
 * arguments). Non-string parameters and step properties, and JSON reads (of any type), are wrapped
 * in a one-element join, as the SageMaker SDK does (PipelineVariable.to_string).
 */
export function asString(expr: Expr): Expr {
  if (expr.kind === 'literal') return literal(String(expr.value));
  if ((expr.kind === 'parameter' || expr.kind === 'property') && expr.type !== undefined && expr.type !== 'String') return { kind: 'join', on: '', values: [expr] };
  if (expr.kind === 'jsonGet') return { kind: 'join', on: '', values: [expr] };
  return expr;
}

/** The plain value when the expression is a literal, for checks that need a constant. */
export function constantOf(value: Value | undefined): Scalar | undefined {
  return value?.kind === 'literal' ? value.value : undefined;
}
