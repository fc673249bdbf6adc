// Compiles YAML values with `${…}` references into IR values: a whole-value reference keeps the
// referenced value's type (→ Get); references inside a longer string make a join (→ Std:Join).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { concat, isExpr, literal, type Expr, type Value } from '../ir/expr.js';
import type { DataPath, SourceFile } from '../source/source-file.js';
import { parseTemplate, type TemplatePart } from './template.js';

/** Where a value is written, for diagnostics. */
export interface Site { source: SourceFile; path: DataPath }

/** What a reference resolves to; `undefined` means the scope reported why it does not. */
export type ReferenceResolver = (namespace: string, name: string | undefined, at: ReferenceSite) => Value | undefined;

export interface ReferenceSite extends Site {
  /** The reference as written, e.g. `${params.MinAuc}`. */
  text: string;
  offset: number;
}

/** Compiles `{ jsonGet: <argument> }` written at `site` (the argument's place), where values may read property files. */
export type JsonGetResolver = (argument: unknown, site: Site) => Expr | undefined;

/** A mapping whose only key is jsonGet stands for one value when the context reads property files. */
const isJsonGet = (raw: object): raw is { jsonGet: unknown } => Object.keys(raw).length === 1 && Object.hasOwn(raw, 'jsonGet');

export function interpolate(raw: unknown, site: Site, resolve: ReferenceResolver, bag: DiagnosticBag, jsonGet?: JsonGetResolver): Value | undefined {
  if (Array.isArray(raw)) {
    const items = raw.map((item, i) => interpolate(item, { ...site, path: [...site.path, i] }, resolve, bag, jsonGet));
    return items.every((v): v is Value => v !== undefined) ? { kind: 'list', items } : undefined;
  }
  if (raw !== null && typeof raw === 'object') {
    if (jsonGet && isJsonGet(raw)) return jsonGet(raw.jsonGet, { ...site, path: [...site.path, 'jsonGet'] });
    const entries: [string, Value][] = [];
    let ok = true;
    for (const [key, value] of Object.entries(raw)) {
      const resolved = interpolate(value, { ...site, path: [...site.path, key] }, resolve, bag, jsonGet);
      if (resolved) entries.push([key, resolved]);
      else ok = false;
    }
    return ok ? { kind: 'map', entries } : undefined;
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return literal(raw);
  if (typeof raw !== 'string') {
    bag.report('PLC0101', site.source.locate(site.path), { where: `"${site.path.join('.')}"`, expected: 'a string, number or boolean' });
    return undefined;
  }
  return interpolateString(raw, site, resolve, bag);
}

function interpolateString(text: string, site: Site, resolve: ReferenceResolver, bag: DiagnosticBag): Value | undefined {
  // Most strings (roles, instance types, arguments) hold no `$` at all: what parseTemplate would
  // make of them, one literal, without building its parts.
  if (text !== '' && !text.includes('$')) return literal(text);
  const parsed = parseTemplate(text);
  if (!parsed.ok) {
    bag.report('PLC1006', site.source.locateWithin(site.path, parsed.offset, text.length - parsed.offset), { text: text.slice(parsed.offset), detail: parsed.detail });
    return undefined;
  }
  const { parts } = parsed;
  const resolved: Value[] = [];
  let ok = true;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'text') {
      resolved.push(literal(part.text));
      continue;
    }
    if (part.namespace === undefined) {
      bag.report('PLC1006', site.source.locateWithin(site.path, part.offset, part.length), { text: part.written, detail: 'expected <namespace>.<name>' });
      ok = false;
      continue;
    }
    const value = resolve(part.namespace, part.name, { source: site.source, path: site.path, text: part.written, offset: part.offset });
    if (!value) ok = false;
    else resolved.push(value);
  }
  if (!ok) return undefined;
  if (resolved.length === 1) return resolved[0];
  const scalars: Expr[] = [];
  for (let i = 0; i < resolved.length; i++) {
    const value = resolved[i]!;
    if (!isExpr(value)) {
      const ref = parts[i] as Extract<TemplatePart, { kind: 'ref' }>;
      bag.report('PLC1008', site.source.locateWithin(site.path, ref.offset, ref.length), {
        text: ref.written, where: 'the middle of a string', detail: 'It refers to a list or mapping; only single values can be joined into a string.',
      });
      return undefined;
    }
    scalars.push(value);
  }
  return concat(scalars);
}
