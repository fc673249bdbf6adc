// Checks on a parsed YAML document done in one walk, linear in its size: duplicate keys (yaml's
// own check compares each key with every earlier key of its map, so 10k environment variables
// took seconds) and integers a JavaScript number cannot hold exactly (yaml parses them as bigint
// with intAsBigInt; 9007199254740993 would otherwise silently become …992).
import { isScalar, visit, type Document, type Scalar } from 'yaml';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';

/** The parse options these checks rely on: yaml leaves duplicates to us and keeps integers exact. */
export const exactParseOptions = { uniqueKeys: false, intAsBigInt: true } as const;

/**
 * Reports duplicate keys (PLC0002) and integers beyond ±(2^53 − 1) (PLC0031), and turns every
 * integer back into a number, so later passes see the data as before. False when a key repeats:
 * the document then has no single meaning.
 */
export function checkDocumentValues(document: Document, source: SourceFile, bag: DiagnosticBag): boolean {
  let unique = true;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const value = typeof key.value === 'bigint' ? Number(key.value) : key.value;
        if (seen.has(value) && key.range) {
          bag.report('PLC0002', source.location(key.range[0], key.range[1]), { key: String(value) });
          unique = false;
        }
        seen.add(value);
      }
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'bigint') exactInteger(scalar as Scalar<bigint>, source, bag);
    },
  });
  return unique;
}

function exactInteger(scalar: Scalar<bigint>, source: SourceFile, bag: DiagnosticBag): void {
  const exact = scalar.value;
  const number = Number(exact);
  if (!Number.isSafeInteger(number) && scalar.range) {
    bag.report('PLC0031', source.location(scalar.range[0], scalar.range[1]), { value: exact.toString() });
  }
  (scalar as Scalar<unknown>).value = number;
}
