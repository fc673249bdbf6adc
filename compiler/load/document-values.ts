// Integers a JavaScript number cannot hold exactly: yaml parses them as bigint with intAsBigInt
// (9007199254740993 would otherwise silently become …992); each is checked, then turned back into
// a number, so later passes see the data as before. Duplicate keys are load-yaml.ts's.
import { visit, type Document, type Scalar } from 'yaml';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';

/** The parse options these checks rely on: yaml keeps integers exact (uniqueKeys is load-yaml.ts's). */
export const exactParseOptions = { uniqueKeys: false, intAsBigInt: true } as const;

/** Reports integers beyond ±(2^53 − 1) (PLC0031) and turns every integer back into a number. */
export function checkExactIntegers(document: Document, source: SourceFile, bag: DiagnosticBag): void {
  visit(document, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'bigint') exactInteger(scalar as Scalar<bigint>, source, bag);
    },
  });
}

function exactInteger(scalar: Scalar<bigint>, source: SourceFile, bag: DiagnosticBag): void {
  const exact = scalar.value;
  const number = Number(exact);
  if (!Number.isSafeInteger(number) && scalar.range) {
    bag.report('PLC0031', source.location(scalar.range[0], scalar.range[1]), { value: exact.toString() });
  }
  (scalar as Scalar<unknown>).value = number;
}
