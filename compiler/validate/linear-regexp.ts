// The regular-expression engine for patterns that come from documents (a step type's config
// fields): RE2's automaton matches in time linear in the input, so a pattern such as `^(a+)+$`
// cannot stall `plc check` the way a backtracking engine does. Features RE2 leaves out
// (lookaround, backreferences) are refused rather than run on the backtracking engine.
import { createRequire } from 'node:module';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import type { RE2JS } from 're2js';

// Loaded on first use (its CommonJS build, synchronously): most runs compile no document pattern,
// since the built-in config validators come precompiled, and re2js is a large module to parse.
let re2: typeof RE2JS | undefined;
const linearEngine = (): typeof RE2JS => (re2 ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);

/** A document pattern that the linear-time engine cannot compile; `reason` is RE2's wording. */
export class UnsupportedPatternError extends Error {
  constructor(readonly pattern: string, readonly reason: string) {
    super(`pattern ${JSON.stringify(pattern)} cannot be matched in linear time: ${reason}`);
  }
}

/** Compiles `pattern` for RE2, throwing UnsupportedPatternError when it cannot. */
export function compileLinear(pattern: string): RegExpLike {
  try {
    const compiled = linearEngine().compile(pattern);
    // JSON Schema's `pattern` matches anywhere in the string, as RegExp.test does. ajv keys its
    // compiled patterns by toString(), as it would a RegExp's `/source/flags`.
    const engine: RegExpLike & { toString(): string } = { test: (input) => compiled.test(input), toString: () => `/${pattern}/` };
    return engine;
  } catch (error) {
    throw new UnsupportedPatternError(pattern, error instanceof Error ? error.message : String(error));
  }
}

/**
 * ajv's `code.regExp` option: every `pattern` and `patternProperties` key goes through RE2. `code`
 * names the function for ajv's standalone output, which config schemas never use: they are
 * compiled at run time (compiler/bind/config-schema.ts).
 */
export const linearRegExp: RegExpEngine = Object.assign((pattern: string) => compileLinear(pattern), { code: 'compileLinear' });
