// Pass 5, bind: give every node its final config. Layers, lowest first:
// step defaults < pipeline defaults < node config; each value remembers the file and line that
// set it. Values are interpolated in the pipeline scope and checked against the step's config
// schema (base fields + the step's own).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { Value } from '../ir/expr.js';
import { interpolate, type JsonGetResolver, type ReferenceResolver, type Site } from '../interpolation/interpolate.js';
import { parseTemplate } from '../interpolation/template.js';
import { hasOwn } from '../util/own.js';
import { UnsupportedPatternError } from '../validate/linear-regexp.js';
import { describeTypes, reportSchemaErrors, type SchemaErrorReporters } from '../validate/schema-errors.js';
import { configSchemaOf, type StepConfigSchema } from './config-schema.js';
import { nodeValueScope, pipelineScope, stepScope } from './scopes.js';
import { stepPropertyReferences } from './step-property-references.js';
import type { BoundNode, BoundPipeline, ConfigEntry, ExpandedNode, ExpandedPipeline } from '../stages.js';

/** Config values are checked against the step type's config schema, and reported as 2xxx codes. */
const configErrorReporters = (bag: DiagnosticBag, node: string, step: string): SchemaErrorReporters => ({
  type: (at, data) => bag.report('PLC2003', at, { ...data, step }),
  unknownKey: (at, data, options) => bag.report('PLC2001', at, { ...data, step }, options),
  missingKey: (at, data) => bag.report('PLC2002', at, { ...data, node, step }),
  notAllowed: (at, data, options) => bag.report('PLC2003', at, { ...data, step }, options),
  constraint: (at, data) => bag.report('PLC2003', at, { ...data, step }),
});

export function bindPipeline(linked: ExpandedPipeline, bag: DiagnosticBag): BoundPipeline {
  checkParameterDefaults(linked, bag);
  const scope = pipelineScope(linked.doc, bag);
  const references = stepPropertyReferences(linked, bag);
  const bound: BoundNode[] = [];
  const declaredFields = new Set<string>();
  const fieldsOf = new Set<StepBinding>();
  const defaults = pipelineDefaults(linked);
  const shared: SharedValues = new Map();
  for (const node of linked.expanded) {
    let binding: StepBinding;
    try {
      binding = stepBindingOf(node.step);
    } catch (error) {
      if (error instanceof UnsupportedPatternError) {
        reportUnsupportedPattern(node.step, error, bag);
        continue;
      }
      bag.report('PLC2009', node.step.source.locate(['config']), { step: node.step.doc.name, detail: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (!fieldsOf.has(binding)) {
      fieldsOf.add(binding);
      for (const key of binding.keys) declaredFields.add(key);
    }
    const { jobType } = node;
    const reads = new Set<string>();
    const valueScope = nodeValueScope(scope, references, reads, node.id, bag);
    const jsonGet: JsonGetResolver = (argument, site) => references.jsonGet(argument, site, reads, node.id);
    const { config, valid } = bindConfig(linked, node, binding, defaults, shared, { values: valueScope, jsonGet, pipeline: scope }, bag);
    const resolver = stepScope({ config, declared: binding.keys, jobType, hasJobTypes: node.step.doc.jobTypes !== undefined, stepName: node.step.doc.name, nodeId: node.id }, bag);
    bound.push({ ...node, jobType, config, configValid: valid, stepScope: resolver, valueScope, jsonGet, reads });
  }
  if (bound.length === Object.keys(linked.doc.nodes).length) {
    const known = [...declaredFields].sort();
    for (const key of Object.keys(linked.doc.defaults ?? {})) {
      if (!declaredFields.has(key)) bag.report('PLC2008', linked.source.locate(['defaults', key], 'key'), { key, allowed: known }, suggest(key, known));
    }
  }
  return { ...linked, bound, scope };
}

/** A value a step type or the pipeline's defaults set, with where; the same object for every node it applies to. */
interface DefaultValue { key: string; value: unknown; origin: Site; nodeIndependent: boolean }

/**
 * What binding needs of a step type beyond its config schema, worked out once per step type
 * rather than once per node: its fields (as declared and sorted), its defaults, its derived fields,
 * and the config values its schema passed with no finding.
 */
interface StepBinding {
  schema: StepConfigSchema;
  keys: readonly string[];
  sortedKeys: readonly string[];
  defaults: readonly DefaultValue[];
  derived: readonly [key: string, template: string][];
  /** The bound config values (as configKey writes them) the schema passed without a finding. */
  passed: Set<string>;
}

const bindings = new WeakMap<ExpandedNode['step'], StepBinding>();

/** Throws as configSchemaOf does when the step's config schema itself is invalid. */
function stepBindingOf(step: ExpandedNode['step']): StepBinding {
  let binding = bindings.get(step);
  if (!binding) {
    const schema = configSchemaOf(step);
    const keys = Object.keys(schema.fields);
    const defaults = Object.entries(step.doc.config?.properties ?? {}).filter(([, field]) => field.default !== undefined)
      .map(([key, field]) => defaultValue(key, field.default, { source: step.source, path: ['config', 'properties', key, 'default'] }));
    const derived = Object.entries(schema.fields).filter(([, field]) => field.derived !== undefined).map(([key, field]): [string, string] => [key, field.derived!]);
    binding = { schema, keys, sortedKeys: [...keys].sort(), defaults, derived, passed: new Set() };
    bindings.set(step, binding);
  }
  return binding;
}

/** The pipeline's defaults, in the order written. */
const pipelineDefaults = (linked: ExpandedPipeline): DefaultValue[] =>
  Object.entries(linked.doc.defaults ?? {}).map(([key, value]) => defaultValue(key, value, { source: linked.source, path: ['defaults', key] }));

const defaultValue = (key: string, value: unknown, origin: Site): DefaultValue => ({ key, value, origin, nodeIndependent: !readsNode(value) });

/**
 * Whether a pipeline value resolves differently per node: `${steps.*}` and `{ jsonGet: … }` are
 * each node's reads (and a node may not read itself); params, execution and pipeline are not.
 */
function readsNode(raw: unknown): boolean {
  if (typeof raw === 'string') {
    const template = parseTemplate(raw);
    return template.ok && template.parts.some((part) => part.kind === 'ref' && part.namespace === 'steps');
  }
  if (Array.isArray(raw)) return raw.some(readsNode);
  if (raw !== null && typeof raw === 'object') return Object.hasOwn(raw, 'jsonGet') || Object.values(raw).some(readsNode);
  return false;
}

/** Defaults resolved once per compilation, for every node they apply to; only those that resolved (nothing was reported). */
type SharedValues = Map<DefaultValue, ConfigEntry>;

/** At the config field whose pattern RE2 refused (the first, when several share it). */
function reportUnsupportedPattern(step: ExpandedNode['step'], error: UnsupportedPatternError, bag: DiagnosticBag): void {
  const fields = step.doc.config?.properties ?? {};
  const field = Object.keys(fields).find((key) => fields[key]!.pattern === error.pattern);
  const at = field === undefined ? ['config'] : ['config', 'properties', field, 'pattern'];
  bag.report('PLC0030', step.source.locate(at), { field: field ?? '?', step: step.doc.name, reason: error.reason });
}

function checkParameterDefaults(linked: ExpandedPipeline, bag: DiagnosticBag): void {
  for (const [name, parameter] of Object.entries(linked.doc.parameters ?? {})) {
    if (parameter.enum && typeof parameter.default === 'string' && !parameter.enum.includes(parameter.default)) {
      bag.report('PLC2011', linked.source.locate(['parameters', name, 'default']), { value: JSON.stringify(parameter.default), name, allowed: parameter.enum }, suggest(parameter.default, parameter.enum));
    }
    // An integer literal past 2^53 is reported when loaded; a float such as 1e63 has an integral
    // value too, but JSON writes it as 1e+63, which is no Integer to SageMaker.
    if (parameter.type === 'Integer' && typeof parameter.default === 'number' && !Number.isSafeInteger(parameter.default) && Number.isInteger(parameter.default)) {
      const at = linked.source.locate(['parameters', name, 'default']);
      const written = linked.source.lineText(at.range.start.line).slice(at.range.start.column - 1, at.range.end.line === at.range.start.line ? at.range.end.column - 1 : undefined);
      if (!/^[-+]?(\d+|0x[0-9a-f]+|0o[0-7]+)$/i.test(written)) bag.report('PLC0031', at, { value: written });
    }
  }
}

/** The node's pipeline values (`values`, `jsonGet`) and the pipeline facts derived fields may read. */
interface NodeScopes { values: ReferenceResolver; jsonGet: JsonGetResolver; pipeline: ReferenceResolver }

function bindConfig(linked: ExpandedPipeline, node: ExpandedNode, binding: StepBinding, defaults: readonly DefaultValue[], shared: SharedValues, scopes: NodeScopes, bag: DiagnosticBag): { config: Map<string, ConfigEntry>; valid: boolean } {
  const { schema } = binding;
  const raw = new Map<string, DefaultValue | { value: unknown; origin: Site }>();
  for (const entry of binding.defaults) raw.set(entry.key, entry);
  for (const entry of defaults) {
    if (hasOwn(schema.fields, entry.key)) raw.set(entry.key, entry);
  }
  let valid = true;
  for (const [key, value] of Object.entries(node.doc.config ?? {})) {
    const path = ['nodes', node.id, 'config', key];
    if (!hasOwn(schema.fields, key)) {
      bag.report('PLC2001', linked.source.locate(path, 'key'), { key, step: node.step.doc.name, allowed: binding.sortedKeys as string[] }, suggest(key, binding.sortedKeys));
      valid = false;
      continue;
    }
    raw.set(key, { value, origin: { source: linked.source, path } });
  }

  const config = new Map<string, ConfigEntry>();
  // Fields whose value was written but could not be resolved (reported where written): not also
  // reported as missing.
  const unresolved = new Set<string>();
  for (const [key, entry] of raw) {
    const known = shared.get(entry as DefaultValue);
    if (known) {
      config.set(key, known);
      continue;
    }
    const { value, origin } = entry;
    const resolved = interpolate(value, origin, scopes.values, bag, scopes.jsonGet);
    if (!resolved) {
      unresolved.add(key);
      continue;
    }
    const bound = { value: resolved, origin };
    config.set(key, bound);
    if ((entry as Partial<DefaultValue>).nodeIndependent) shared.set(entry as DefaultValue, bound);
  }
  valid = deriveFields(node, binding, config, scopes.pipeline, bag, unresolved) && valid && unresolved.size === 0;
  return { config, valid: checkConfig(linked, node, binding, config, bag, unresolved) && valid };
}

/**
 * Derived fields (`derived:` templates in the step's config schema) are computed from the other
 * values unless the pipeline defaults or the node set them. They may refer to each other; a
 * cycle is an error.
 */
function deriveFields(node: ExpandedNode, binding: StepBinding, config: Map<string, ConfigEntry>, scope: ReferenceResolver, bag: DiagnosticBag, unresolved: Set<string>): boolean {
  if (binding.derived.length === 0) return true;
  const fields = binding.schema.fields;
  // Everything but config fields and pipeline facts is resolved as in any step-type binding.
  const otherwise = stepScope({ config: new Map(), declared: binding.keys, jobType: node.jobType, hasJobTypes: node.step.doc.jobTypes !== undefined, stepName: node.step.doc.name, nodeId: node.id }, bag);
  const setByPipeline = (key: string) => {
    const entry = config.get(key);
    return entry !== undefined && entry.origin.source.absolutePath !== node.step.source.absolutePath;
  };
  const pending = new Map(binding.derived.filter(([key]) => !setByPipeline(key)));
  const derivedKeys = new Set(pending.keys());
  const active: string[] = [];
  let ok = true;
  const derive = (key: string): Value | undefined => {
    const template = pending.get(key);
    if (template === undefined) return config.get(key)?.value;
    if (active.includes(key)) {
      bag.report('PLC2013', node.step.source.locate(['config', 'properties', key, 'derived']), { step: node.step.doc.name, path: [...active.slice(active.indexOf(key)), key].join(' → ') });
      return undefined;
    }
    active.push(key);
    const origin: Site = { source: node.step.source, path: ['config', 'properties', key, 'derived'] };
    const value = interpolate(template, origin, (namespace, name, at) => {
      if (namespace === 'config' && name !== undefined && hasOwn(fields, name)) {
        const referenced = derive(name);
        // A derived field that failed reported why; a plain field without a value is reported here.
        if (!referenced && !derivedKeys.has(name)) bag.report('PLC2010', at.source.locateWithin(at.path, at.offset, at.text.length), { step: node.step.doc.name, key: name, node: node.id });
        return referenced;
      }
      if (namespace === 'pipeline' || namespace === 'execution') return scope(namespace, name, at);
      return otherwise(namespace, name, at);
    }, bag);
    active.pop();
    pending.delete(key);
    if (value) config.set(key, { value, origin });
    else {
      unresolved.add(key);
      ok = false;
    }
    return value;
  };
  for (const key of [...pending.keys()]) if (pending.has(key)) derive(key);
  return ok;
}

/**
 * Validates the layered config with ajv. A run-time value (parameter, execution variable, step
 * property) stands in as a sample of its declared type, and only type errors are reported for it:
 * its actual value is known when the pipeline runs. A jsonGet's type is not known at all.
 */
function checkConfig(linked: ExpandedPipeline, node: ExpandedNode, binding: StepBinding, config: Map<string, ConfigEntry>, bag: DiagnosticBag, unresolved: ReadonlySet<string>): boolean {
  // Nodes of one step type mostly bind the same values: what passed once with no finding passes again.
  const key = unresolved.size === 0 ? configKey(config) : undefined;
  if (key !== undefined && binding.passed.has(key)) return true;
  const passed = validateConfig(linked, node, binding.schema, config, bag, unresolved);
  if (passed && key !== undefined) binding.passed.add(key);
  return passed;
}

/**
 * The bound values as text, the whole input of validateConfig's verdict but for where they were
 * set (used only to report); undefined when JSON would not tell values apart (a non-finite number
 * is written as null, and no Value holds null otherwise).
 */
function configKey(config: ReadonlyMap<string, ConfigEntry>): string | undefined {
  const parts: unknown[] = [];
  for (const [key, entry] of config) parts.push(key, entry.value);
  const text = JSON.stringify(parts);
  return text.includes('null') ? undefined : text;
}

function validateConfig(linked: ExpandedPipeline, node: ExpandedNode, schema: StepConfigSchema, config: Map<string, ConfigEntry>, bag: DiagnosticBag, unresolved: ReadonlySet<string>): boolean {
  const sample = Object.fromEntries([...config].map(([key, entry]) => [key, sampleOf(entry.value)]));
  if (schema.validate(sample)) return true;
  const origin = (key: string | number) => config.get(String(key))!.origin;
  let typedProperties = false;
  const errors = (schema.validate.errors ?? []).filter((error) => {
    if (error.keyword === 'required' && unresolved.has(String((error.params as { missingProperty?: unknown }).missingProperty))) return false;
    const [key, ...rest] = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const value = valueAtPath(config.get(key ?? '')?.value, rest);
    // A property file's value, and a property of a kind plc has no shapes for, have no type before the pipeline runs.
    if (key !== undefined && (value?.kind === 'jsonGet' || (value?.kind === 'property' && value.type === undefined))) return false;
    if (key !== undefined && value?.kind === 'property' && error.keyword === 'type') {
      const { source, path } = origin(key);
      bag.report('PLC5126', source.locate([...path, ...rest]), { field: [key, ...rest].join('.'), node: node.id, expected: describeTypes(error.params['type'] as string | string[]), property: `Steps.${value.step}.${value.path}`, type: value.type! });
      typedProperties = true;
      return false;
    }
    return key === undefined || error.keyword === 'type' || !isRuntimeValue(value);
  });
  if (errors.length === 0) return !typedProperties;
  reportSchemaErrors(errors, sample, {
    locate: (path, part) => {
      if (path.length === 0) return linked.source.locate(['nodes', node.id], 'key');
      const { source, path: at } = origin(path[0]!);
      return source.locate([...at, ...path.slice(1)], part);
    },
    describe: (path) => `config field "${path.join('.')}" of node "${node.id}"`,
  }, configErrorReporters(bag, node.id, node.step.doc.name));
  return false;
}

function valueAtPath(value: Value | undefined, path: readonly string[]): Value | undefined {
  let node = value;
  for (const segment of path) {
    if (node?.kind === 'map') node = node.entries.find(([k]) => k === segment)?.[1];
    else if (node?.kind === 'list') node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}

/** True when the value (or part of it) is only known when the pipeline runs. */
function isRuntimeValue(value: Value | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'list') return value.items.some(isRuntimeValue);
  if (value.kind === 'map') return value.entries.some(([, v]) => isRuntimeValue(v));
  return value.kind !== 'literal';
}

/** A JSON stand-in for a value, typed by what the value will be at run time. */
function sampleOf(value: Value): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'parameter':
      return { String: '', Integer: 0, Float: 0.5, Boolean: false }[value.type];
    case 'property':
      return { String: '', Integer: 0, Float: 0.5, Boolean: false }[value.type ?? 'String'];
    case 'join':
    case 'execution':
    case 'jsonGet':
      return '';
    case 'list':
      return value.items.map(sampleOf);
    case 'map':
      return Object.fromEntries(value.entries.map(([k, v]) => [k, sampleOf(v)]));
  }
}
