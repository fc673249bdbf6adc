// IR expressions as SageMaker definition JSON: Get, Std:Join, Std:JsonGet.
import { isExpr, type Expr, type Value } from '../../ir/expr.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function renderExpr(expr: Expr): Json {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'parameter':
      return { Get: `Parameters.${expr.name}` };
    case 'execution':
      return { Get: `Execution.${expr.name}` };
    case 'property':
      return { Get: `Steps.${expr.step}.${expr.path}` };
    case 'join':
      return { 'Std:Join': { On: expr.on, Values: expr.values.map(renderExpr) } };
    case 'jsonGet':
      return { 'Std:JsonGet': { PropertyFile: { Get: `Steps.${expr.step}.PropertyFiles.${expr.propertyFile}` }, Path: expr.path } };
  }
}

export const renderEntries = (entries: readonly [string, Expr][]): { [key: string]: Json } =>
  Object.fromEntries(entries.map(([key, value]) => [key, renderExpr(value)]));

/** A free-form value (Lambda and Callback arguments, an EMR cluster config): lists and maps keep their shape. */
export function renderValue(value: Value): Json {
  if (isExpr(value)) return renderExpr(value);
  if (value.kind === 'list') return value.items.map(renderValue);
  return Object.fromEntries(value.entries.map(([key, item]) => [key, renderValue(item)]));
}

export type JsonObject = { [key: string]: Json };

/** Drops undefined members, keeping the order the object was written in. */
export function compact(object: Record<string, Json | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as JsonObject;
}
