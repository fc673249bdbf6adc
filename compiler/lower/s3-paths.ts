// S3 locations joined from expressions, without `//` where a prefix ends in a slash.
import { concat, literal, type Expr } from '../ir/expr.js';

/** Removes trailing slashes so joined S3 paths never get `//`. */
function withoutTrailingSlash(expr: Expr): Expr {
  if (expr.kind === 'literal' && typeof expr.value === 'string') return literal(expr.value.replace(/\/+$/, ''));
  if (expr.kind === 'join' && expr.on === '' && expr.values.length > 0) {
    return { ...expr, values: [...expr.values.slice(0, -1), withoutTrailingSlash(expr.values.at(-1)!)] };
  }
  return expr;
}

export function s3Path(prefix: Expr, ...segments: string[]): Expr {
  return concat([withoutTrailingSlash(prefix), literal('/' + segments.join('/'))]);
}

/** What an input reads: its file's key when a `file:` names one (a folder's file), else its location. */
export const inputUri = (input: { location: Expr; file?: string }): Expr => (input.file === undefined ? input.location : s3Path(input.location, input.file));
