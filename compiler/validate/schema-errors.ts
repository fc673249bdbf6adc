// Turns ajv errors into plc diagnostics at the offending YAML node: one diagnostic per problem,
// unknown keys with a did-you-mean, anyOf noise collapsed into one "must be X or Y".
import type { ErrorObject } from 'ajv';
import { listOf, type DiagnosticBag, type DiagnosticData } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DataPath, Location } from '../source/source-file.js';

/** Where data paths point to in a file, and how they read to a user. */
export interface PathContext {
  locate(path: DataPath, part?: 'key' | 'value'): Location;
  describe(path: DataPath): string;
}

/** Codes used for each kind of schema problem; config validation maps to its own 2xxx codes. */
export interface SchemaErrorCodes {
  type: DiagnosticCode;
  unknownKey: DiagnosticCode;
  missingKey: DiagnosticCode;
  notAllowed: DiagnosticCode;
  constraint: DiagnosticCode;
}

const documentSchemaCodes: SchemaErrorCodes = { type: 'PLC0101', unknownKey: 'PLC0102', missingKey: 'PLC0103', notAllowed: 'PLC0104', constraint: 'PLC0105' };

const typeNames: Record<string, string> = {
  string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'null',
};

export function describeTypes(types: unknown): string {
  const list = (Array.isArray(types) ? types : [types]).map((t) => typeNames[String(t)] ?? String(t));
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list[0] ?? 'valid';
}

export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

const quoted = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

export function reportSchemaErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  context: PathContext,
  bag: DiagnosticBag,
  codes: SchemaErrorCodes = documentSchemaCodes,
  extra: DiagnosticData = {},
): void {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const isUnionBranch = (e: ErrorObject) =>
    unions.some((u) => u !== e && e.instancePath === u.instancePath && e.schemaPath.startsWith(u.schemaPath + '/'));
  const unionHasDeeperError = (u: ErrorObject) => errors.some((e) => e.instancePath.startsWith(u.instancePath + '/'));

  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (isUnionBranch(error)) continue;
    const path = pointerToPath(error.instancePath, data);
    const where = context.describe(path);
    const params = error.params as Record<string, unknown>;
    const base = { ...extra, where };
    switch (error.keyword) {
      case 'anyOf':
      case 'oneOf': {
        if (unionHasDeeperError(error)) break;
        const alternatives = error.schema as { type?: unknown; enum?: unknown[]; description?: string }[];
        // A closed list of values or a binding (step.schema.json's enum settings): name the values, then the other forms.
        const values = alternatives.flatMap((b) => b.enum ?? []);
        if (values.length > 0) {
          const actual = valueAt(data, path);
          const allowed = [...values.map(quoted), ...alternatives.filter((b) => b.enum === undefined).map((b) => b.description ?? describeTypes(b.type))];
          bag.report(codes.notAllowed, context.locate(path), { ...base, allowed, actual: quoted(actual), detail: `must be one of ${listOf(allowed)}, not ${quoted(actual)}` },
            typeof actual === 'string' ? suggest(actual, values.filter((v): v is string => typeof v === 'string')) : {});
          break;
        }
        const branches = alternatives.map((b) => b.type).filter((t) => t !== undefined);
        const expected = describeTypes(branches.flat());
        bag.report(codes.type, context.locate(path), { ...base, expected, detail: `must be ${expected}` });
        break;
      }
      case 'additionalProperties': {
        const key = String(params['additionalProperty']);
        const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).sort();
        bag.report(codes.unknownKey, context.locate([...path, key], 'key'), { ...base, key, allowed }, suggest(key, allowed));
        break;
      }
      case 'required': {
        const key = String(params['missingProperty']);
        bag.report(codes.missingKey, context.locate(path, 'key'), { ...base, key });
        break;
      }
      case 'type': {
        const expected = describeTypes(params['type']);
        bag.report(codes.type, context.locate(path), { ...base, expected, detail: `must be ${expected}` });
        break;
      }
      case 'enum':
      case 'const': {
        const allowedValues = (error.keyword === 'enum' ? (params['allowedValues'] as unknown[]) : [params['allowedValue']]);
        const actual = valueAt(data, path);
                const allowed = allowedValues.map(quoted);
        bag.report(codes.notAllowed, context.locate(path), { ...base, allowed, actual: quoted(actual), detail: `must be one of ${listOf(allowed)}, not ${quoted(actual)}` },
          typeof actual === 'string' ? suggest(actual, allowedValues.filter((v): v is string => typeof v === 'string')) : {});
        break;
      }
      default: {
        const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
        if (propertyName !== undefined) {
          bag.report(codes.constraint, context.locate([...path, propertyName], 'key'), { ...base, detail: `has a key "${propertyName}" that ${error.message ?? 'is not valid'}` });
        } else {
          bag.report(codes.constraint, context.locate(path), { ...base, detail: constraintText(error) });
        }
      }
    }
  }
}

/** ajv's wording, made readable where it is terse. */
function constraintText(error: ErrorObject): string {
  const limit = (error.params as { limit?: number }).limit;
  if (error.keyword === 'minProperties') return limit === 1 ? 'must not be empty' : `must have at least ${limit} entries`;
  if (error.keyword === 'minItems') return limit === 1 ? 'must not be an empty list' : `must have at least ${limit} items`;
  return error.message ?? 'is not valid';
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
