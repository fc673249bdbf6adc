// Pass 4, bind: give every node its job type and its final config. Layers, lowest first:
// step defaults < pipeline defaults < node config; each value remembers the file and line that
// set it. Values are interpolated in the pipeline scope and checked against the step's config
// schema (base fields + the step's own).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { Value } from '../ir/expr.js';
import { interpolate, type ReferenceResolver, type Site } from '../interpolation/interpolate.js';
import type { LinkedNode, LinkedPipeline } from '../link/link-pipeline.js';
import { describeTypes, pointerToPath, valueAt } from '../validate/schema-errors.js';
import { configSchemaOf, type StepConfigSchema } from './config-schema.js';
import { pipelineScope, stepScope } from './scopes.js';

export interface ConfigEntry {
  value: Value;
  /** Where the value was set: a step default, a pipeline default or the node's config. */
  origin: Site;
}

export interface BoundNode extends LinkedNode {
  jobType: string | undefined;
  config: ReadonlyMap<string, ConfigEntry>;
  /** Resolves the `${config.*}` and `${jobType}` references of this node's step type. */
  stepScope: ReferenceResolver;
}

export interface BoundPipeline extends LinkedPipeline {
  bound: BoundNode[];
  /** Resolves `${params.*}`, `${execution.*}` and `${pipeline.name}` in pipeline values. */
  scope: ReferenceResolver;
}

export function bindPipeline(linked: LinkedPipeline, bag: DiagnosticBag): BoundPipeline {
  const scope = pipelineScope(linked.doc, bag);
  const bound: BoundNode[] = [];
  const usedDefaults = new Set<string>();
  for (const node of linked.nodes) {
    let schema: StepConfigSchema;
    try {
      schema = configSchemaOf(node.step);
    } catch (error) {
      bag.report('PLC2009', node.step.source.locate(['config']), { step: node.step.doc.name, detail: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const key of Object.keys(schema.fields)) if (linked.doc.defaults && key in linked.doc.defaults) usedDefaults.add(key);
    const jobType = bindJobType(linked, node, bag);
    const config = bindConfig(linked, node, schema, scope, bag);
    if (!config) continue;
    const values = new Map([...config].map(([key, entry]) => [key, entry.value]));
    const resolver = stepScope({ config: values, declared: Object.keys(schema.fields), jobType, hasJobTypes: node.step.doc.jobTypes !== undefined, stepName: node.step.doc.name, nodeId: node.id }, bag);
    bound.push({ ...node, jobType, config, stepScope: resolver });
  }
  for (const key of Object.keys(linked.doc.defaults ?? {})) {
    if (!usedDefaults.has(key) && linked.nodes.length > 0) bag.report('PLC2008', linked.source.locate(['defaults', key], 'key'), { key });
  }
  return { ...linked, bound, scope };
}

function bindJobType(linked: LinkedPipeline, node: LinkedNode, bag: DiagnosticBag): string | undefined {
  const allowed = node.step.doc.jobTypes;
  const chosen = node.doc.jobType;
  const step = node.step.doc.name;
  if (!allowed) {
    if (chosen !== undefined) bag.report('PLC2007', linked.source.locate(['nodes', node.id, 'jobType']), { step, node: node.id });
    return undefined;
  }
  if (chosen === undefined) {
    bag.report('PLC2006', linked.source.locate(['nodes', node.id], 'key'), { node: node.id, step, allowed });
    return undefined;
  }
  if (!allowed.includes(chosen)) {
    bag.report('PLC2005', linked.source.locate(['nodes', node.id, 'jobType']), { name: chosen, step, allowed }, suggest(chosen, allowed));
    return undefined;
  }
  return chosen;
}

function bindConfig(linked: LinkedPipeline, node: LinkedNode, schema: StepConfigSchema, scope: ReferenceResolver, bag: DiagnosticBag): Map<string, ConfigEntry> | undefined {
  const raw = new Map<string, { value: unknown; origin: Site }>();
  const stepSource = node.step.source;
  for (const [key, field] of Object.entries(node.step.doc.config?.properties ?? {})) {
    if (field.default !== undefined) raw.set(key, { value: field.default, origin: { source: stepSource, path: ['config', 'properties', key, 'default'] } });
  }
  for (const [key, value] of Object.entries(linked.doc.defaults ?? {})) {
    if (key in schema.fields) raw.set(key, { value, origin: { source: linked.source, path: ['defaults', key] } });
  }
  const declared = Object.keys(schema.fields).sort();
  for (const [key, value] of Object.entries(node.doc.config ?? {})) {
    const path = ['nodes', node.id, 'config', key];
    if (!(key in schema.fields)) {
      bag.report('PLC2001', linked.source.locate(path, 'key'), { key, step: node.step.doc.name, allowed: declared }, suggest(key, declared));
      continue;
    }
    raw.set(key, { value, origin: { source: linked.source, path } });
  }

  const config = new Map<string, ConfigEntry>();
  let ok = true;
  for (const [key, { value, origin }] of raw) {
    const resolved = interpolate(value, origin, scope, bag);
    if (resolved) config.set(key, { value: resolved, origin });
    else ok = false;
  }
  if (!ok) return undefined;
  return checkConfig(linked, node, schema, config, bag) ? config : undefined;
}

/**
 * Validates the layered config with ajv. Expressions stand in as a sample of their type
 * (a parameter's default, or its type's zero), and only type errors are reported for them:
 * their actual value is known at run time only.
 */
function checkConfig(linked: LinkedPipeline, node: LinkedNode, schema: StepConfigSchema, config: Map<string, ConfigEntry>, bag: DiagnosticBag): boolean {
  const sample = Object.fromEntries([...config].map(([key, entry]) => [key, sampleOf(entry.value, linked)]));
  if (schema.validate(sample)) return true;
  let ok = true;
  const step = node.step.doc.name;
  for (const error of schema.validate.errors ?? []) {
    const [key, ...rest] = pointerToPath(error.instancePath, sample);
    if (key === undefined) {
      if (error.keyword === 'required') {
        const missing = String((error.params as { missingProperty: string }).missingProperty);
        bag.report('PLC2002', linked.source.locate(['nodes', node.id], 'key'), { node: node.id, key: missing, step });
        ok = false;
      }
      continue;
    }
    const entry = config.get(String(key))!;
    if (error.keyword !== 'type' && isRuntimeValue(valueAtPath(entry.value, rest))) continue;
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const actual = valueAt(sample, [key, ...rest]);
    const detail = allowed
      ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(actual)}`
      : error.keyword === 'type' ? `must be ${describeTypes((error.params as { type: unknown }).type)}` : error.message ?? 'is not valid';
    const candidates = (allowed ?? []).filter((v): v is string => typeof v === 'string');
    bag.report('PLC2003', entry.origin.source.locate([...entry.origin.path, ...rest]), { key: [key, ...rest].join('.'), node: node.id, detail },
      typeof actual === 'string' ? suggest(actual, candidates) : {});
    ok = false;
  }
  return ok;
}

function valueAtPath(value: Value | undefined, path: readonly (string | number)[]): Value | undefined {
  let node = value;
  for (const segment of path) {
    if (node?.kind === 'map') node = node.entries.find(([k]) => k === String(segment))?.[1];
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

function sampleOf(value: Value, linked: LinkedPipeline): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'parameter': {
      const declared = linked.doc.parameters?.[value.name];
      if (declared?.default !== undefined) return declared.default;
      return { String: '', Integer: 0, Float: 0, Boolean: false }[value.type];
    }
    case 'join':
      return value.values.map((v) => String(sampleOf(v, linked))).join(value.on);
    case 'execution':
    case 'property':
      return '';
    case 'list':
      return value.items.map((item) => sampleOf(item, linked));
    case 'map':
      return Object.fromEntries(value.entries.map(([k, v]) => [k, sampleOf(v, linked)]));
  }
}
