// Turns ajv errors into plc diagnostics at the offending YAML node: one diagnostic per problem,
// unknown keys with a did-you-mean, anyOf noise collapsed into one "must be X or Y".
import type { ErrorObject } from 'ajv';
import { listOf, type DiagnosticBag, type ReportOptions } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { DataPath, Location } from '../source/source-file.js';

/** Where data paths point to in a file, and how they read to a user. */
export interface PathContext {
  locate(path: DataPath, part?: 'key' | 'value'): Location;
  describe(path: DataPath): string;
}

/**
 * How each kind of schema problem is reported, with the data it has: documents report 01xx codes,
 * config validation its own 2xxx codes with the node and step added (bind-pipeline.ts). Each
 * report names its code, so its data is checked against that code's templates.
 */
export interface SchemaErrorReporters {
  type(at: Location, data: { where: string; expected: string; detail: string }): void;
  unknownKey(at: Location, data: { where: string; key: string; allowed: string[] }, options: ReportOptions): void;
  missingKey(at: Location, data: { where: string; key: string }): void;
  notAllowed(at: Location, data: { where: string; allowed: string[]; actual: string; detail: string }, options: ReportOptions): void;
  constraint(at: Location, data: { where: string; detail: string }): void;
}

export const documentSchemaReporters = (bag: DiagnosticBag): SchemaErrorReporters => ({
  type: (at, data) => bag.report('PLC0101', at, data),
  unknownKey: (at, data, options) => bag.report('PLC0102', at, data, options),
  missingKey: (at, data) => bag.report('PLC0103', at, data),
  notAllowed: (at, data, options) => bag.report('PLC0104', at, data, options),
  constraint: (at, data) => bag.report('PLC0105', at, data),
});

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
  report: SchemaErrorReporters,
): void {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // A branch that is a $ref (pipeline.schema.json's jsonGet) reports its errors at the definition's
  // path. When the value has that branch's type, the branch's own errors say what is wrong (a
  // misspelt key, say), so they are kept and the union's "must be X or Y" is not.
  const refs = (u: ErrorObject) => (u.schema as { $ref?: string }[]).flatMap((b) => (b.$ref ? [b.$ref] : []));
  const typeError = (u: ErrorObject, ref: string) => errors.find((e) => e.keyword === 'type' && e.instancePath === u.instancePath && e.schemaPath === `${ref}/type`);
  const matchedRef = (u: ErrorObject) => refs(u).find((ref) => !typeError(u, ref));
  const isUnionBranch = (e: ErrorObject) =>
    unions.some((u) => u !== e && e.instancePath === u.instancePath
      && (e.schemaPath.startsWith(u.schemaPath + '/') || refs(u).some((ref) => ref !== matchedRef(u) && e.schemaPath.startsWith(ref + '/'))));
  const unionHasDeeperError = (u: ErrorObject) => errors.some((e) => e.instancePath.startsWith(u.instancePath + '/'));

  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (isUnionBranch(error)) continue;
    const path = pointerToPath(error.instancePath, data);
    const where = context.describe(path);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'anyOf':
      case 'oneOf': {
        if (unionHasDeeperError(error) || matchedRef(error) !== undefined) break;
        const alternatives = error.schema as { type?: unknown; enum?: unknown[]; description?: string }[];
        // A closed list of values or a binding (step.schema.json's enum settings): name the values, then the other forms.
        const values = alternatives.flatMap((b) => b.enum ?? []);
        if (values.length > 0) {
          const actual = valueAt(data, path);
          const allowed = [...values.map(quoted), ...alternatives.filter((b) => b.enum === undefined).map((b) => b.description ?? describeTypes(b.type))];
          report.notAllowed(context.locate(path), { where, allowed, actual: quoted(actual), detail: `must be one of ${listOf(allowed)}, not ${quoted(actual)}` },
            typeof actual === 'string' ? suggest(actual, values.filter((v): v is string => typeof v === 'string')) : {});
          break;
        }
        const branches = alternatives.map((b: { type?: unknown; $ref?: string }) => b.type ?? (b.$ref && typeError(error, b.$ref)?.params['type'])).filter((t) => t !== undefined);
        const expected = describeTypes(branches.flat());
        report.type(context.locate(path), { where, expected, detail: `must be ${expected}` });
        break;
      }
      case 'additionalProperties': {
        const key = String(params['additionalProperty']);
        const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).sort();
        report.unknownKey(context.locate([...path, key], 'key'), { where, key, allowed }, suggest(key, allowed));
        break;
      }
      case 'required': {
        const key = String(params['missingProperty']);
        report.missingKey(context.locate(path, 'key'), { where, key });
        break;
      }
      case 'type': {
        const expected = describeTypes(params['type']);
        report.type(context.locate(path), { where, expected, detail: `must be ${expected}` });
        break;
      }
      case 'enum':
      case 'const': {
        const allowedValues = (error.keyword === 'enum' ? (params['allowedValues'] as unknown[]) : [params['allowedValue']]);
        const actual = valueAt(data, path);
                const allowed = allowedValues.map(quoted);
        report.notAllowed(context.locate(path), { where, allowed, actual: quoted(actual), detail: `must be one of ${listOf(allowed)}, not ${quoted(actual)}` },
          typeof actual === 'string' ? suggest(actual, allowedValues.filter((v): v is string => typeof v === 'string')) : {});
        break;
      }
      default: {
        const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
        if (propertyName !== undefined) {
          report.constraint(context.locate([...path, propertyName], 'key'), { where, detail: `has a key "${propertyName}" that ${error.message ?? 'is not valid'}` });
        } else {
          report.constraint(context.locate(path), { where, detail: constraintText(error) });
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
