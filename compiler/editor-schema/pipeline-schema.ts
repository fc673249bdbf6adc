// `plc schema`: a pipeline schema specialised to the step libraries in use, so an editor
// completes step names (with descriptions), the job types each step allows, each step's
// config keys (types, defaults, descriptions), its port names, the data options of its ports, and — made for one pipeline — its
// node ids under after:, <node>.<output> wires under inputs: and the outputs with a property file
// under jsonGet (in inputs:, outputs: and config). Draft-07: nodes are
// discriminated on their `step` value with if/then.
// Tested in a real editor engine by test/lsp.test.ts.
import type { ConfigField } from '../../schema/types.generated.js';
import { baseConfigFields } from '../bind/base-fields.js';
import { portOptionNames } from '../kinds/kind.js';
import { allowedValues } from '../kinds/ports.js';
import { stepKind } from '../kinds/registry.js';
import type { StepLibrary, StepType } from '../link/step-library.js';
import { loadSchema } from '../validate/validate-document.js';

type Schema = Record<string, unknown>;
type StepPort = { type: string; path?: string; description?: string; propertyFile?: unknown };

const interpolation = { type: 'string', pattern: '\\$\\{', description: 'A ${…} reference, e.g. ${params.Name}.' };

/** Hover text of a config field: what it is, its type, and where its value comes from when unset. */
function fieldMarkdown(field: ConfigField, required: boolean): string {
  const facts = [
    field.type && `\`${field.type}\``,
    required ? 'required (here or in the pipeline defaults)' : undefined,
    field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : undefined,
    field.derived !== undefined ? `derived when unset: \`${field.derived}\`` : undefined,
  ].filter(Boolean);
  return [field.description, facts.join(' · ')].filter(Boolean).join('\n\n');
}

/** schema/pipeline.schema.json's jsonGet, the pipeline's outputs that have a property file offered as its first item. */
function offerPropertyFiles(jsonGet: Schema & { properties: Record<string, Schema> }, propertyFiles: string[]): void {
  const argument = jsonGet.properties['jsonGet']!;
  const item = argument['items'] as Schema;
  argument['items'] = [offered(propertyFiles, item), { ...item, description: 'The JSON path in the property file, e.g. metrics.auc.' }];
}

/** Where a node's value may be a property file's, read when the pipeline runs. */
const jsonGet: Schema = { $ref: '#/definitions/jsonGet' };

/** A config field as a node may set it: its own schema, or (for non-strings) a reference; and the `runtime` values a node's config takes. */
function fieldSchema(field: ConfigField, required = false, runtime: Schema[] = []): Schema {
  const { derived, ...schema } = field;
  const description = [field.description, derived !== undefined ? `Derived when unset: ${derived}` : undefined].filter(Boolean).join(' ');
  const text = { description, markdownDescription: fieldMarkdown(field, required) };
  if (schema.type === 'string' || schema.type === undefined) return runtime.length === 0 ? { ...schema, ...text } : { ...text, anyOf: [{ ...schema, description: undefined }, ...runtime] };
  return { ...text, ...(schema.default !== undefined ? { default: schema.default } : {}), anyOf: [{ ...schema, description: undefined }, interpolation, ...runtime] };
}

/** The ports of the step and of all its variants: which apply depends on the node's job type. */
function stepPorts(step: StepType, direction: 'inputs' | 'outputs'): Record<string, StepPort> {
  const variants = Object.values(step.doc.variants ?? {}).map((v) => (v[direction] ?? {}) as Record<string, StepPort | null>);
  const ports: Record<string, StepPort> = { ...(step.doc[direction] ?? {}) };
  for (const variant of variants) for (const [name, port] of Object.entries(variant)) if (port && port.type) ports[name] ??= port;
  return ports;
}

/**
 * Values an editor offers without refusing others: yaml-language-server completes the enum of an
 * anyOf branch, and the plain-string branch keeps every other value valid (plc check judges it).
 */
const offered = (values: string[], base: Schema): Schema => (values.length === 0 ? base : { anyOf: [{ enum: values }, base] });

function portsSchema(step: StepType, direction: 'inputs' | 'outputs', wires: string[]): Schema {
  const what = `${direction === 'inputs' ? '<node>.<output>, ' : ''}an S3 URI or { jsonGet: [<node>.<output>, <path>] }`;
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(stepPorts(step, direction)).map(([name, port]) => {
      const description = `${port.type}${port.path ? ` at ${port.path}` : ''}${port.description ? ` — ${port.description}` : ''} (${what})`;
      const location = offered(direction === 'inputs' ? wires : [], { type: 'string' });
      return [name, { description, anyOf: [...((location['anyOf'] as Schema[] | undefined) ?? [location]), jsonGet] }];
    })),
  };
}

/** `ports:` of a node of the step: each port with the data options its kind takes there, their values offered. */
function portOptionsSchema(step: StepType, portSchemas: Record<'inputs' | 'outputs', Record<string, { description?: string }>>): Schema {
  const kind = stepKind(step.doc.sagemaker);
  const properties: Record<string, Schema> = {};
  for (const direction of ['inputs', 'outputs'] as const) {
    for (const [port, spec] of Object.entries(stepPorts(step, direction))) {
      const options = Object.fromEntries(portOptionNames[direction].flatMap((option): [string, Schema][] => {
        const allowed = allowedValues(kind.portOptions, direction, option);
        if (allowed === undefined) return [];
        const value = option === 'attributeNames' ? { type: 'array', items: { type: 'string' } } : Array.isArray(allowed) ? offered([...allowed], { type: 'string' }) : { type: 'string' };
        return [[option, { description: portSchemas[direction][option]?.description, ...value }]];
      }));
      if (Object.keys(options).length === 0) continue;
      const existing = properties[port]?.['properties'] as Record<string, Schema> | undefined;
      properties[port] = { type: 'object', additionalProperties: false, description: `Data options of ${direction.slice(0, -1)} ${port} (${spec.type}), over the step type's.`, properties: { ...existing, ...options } };
    }
  }
  return { type: 'object', additionalProperties: false, properties };
}

function nodeRule(step: StepType, baseFields: Record<string, ConfigField>, wires: string[], portSchemas: Record<'inputs' | 'outputs', Record<string, { description?: string }>>): Schema {
  const fields = { ...baseFields, ...(step.doc.config?.properties ?? {}) };
  const jobTypes = step.doc.jobTypes;
  const required = new Set(step.doc.config?.required ?? []);
  return {
    if: { properties: { step: { const: step.doc.name } }, required: ['step'] },
    then: {
      ...(jobTypes ? { required: ['jobType'] } : {}),
      properties: {
        jobType: jobTypes ? { enum: jobTypes, description: `Job type of ${step.doc.name}.` } : false,
        config: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field, required.has(name), [jsonGet])])),
        },
        inputs: portsSchema(step, 'inputs', wires),
        outputs: portsSchema(step, 'outputs', wires),
        ports: portOptionsSchema(step, portSchemas),
      },
    },
  };
}

/** The pipeline a schema is made for: its nodes, whose ids and outputs the editor then completes. */
export interface SchemaPipeline {
  /** The pipeline file, relative to the schema file: plc new step and plc check regenerate from it. */
  path: string;
  nodes: Record<string, { step?: unknown }>;
}

/**
 * The pipeline schema for a step library. With `open`, any step name is accepted (the built-in
 * schema shipped in schema/, which a project with step types of its own may use too); otherwise
 * only the library's, with a message that points at plc check's did-you-mean.
 */
export function generatePipelineSchema(library: StepLibrary, options: { pipeline?: SchemaPipeline; open?: boolean } = {}): Schema {
  const schema = loadSchema('Pipeline') as Schema & { definitions: Record<string, Schema & { properties: Record<string, Schema> }> };
  const steps = [...library.steps.values()].sort((a, b) => (a.doc.name < b.doc.name ? -1 : 1));
  const baseFields = baseConfigFields(schema);
  const node = schema.definitions['node']!;
  const names = steps.map((s) => s.doc.name);
  const described = {
    enumDescriptions: steps.map((s) => `${s.doc.sagemaker} — ${s.doc.description ?? ''}`),
    markdownEnumDescriptions: steps.map((s) => `**${s.doc.sagemaker}** — ${s.doc.description ?? ''}`),
  };
  node.properties['step'] = {
    description: 'The step type this node runs.',
    markdownDescription: 'The step type this node runs; `plc steps show <Name>` shows one in full.',
    ...(options.open
      ? { anyOf: [{ enum: names, ...described }, { type: 'string' }] }
      : { enum: names, ...described, errorMessage: `Not a step type of this project; plc check names the closest one, plc steps list shows them all. Known: ${names.join(', ')}` }),
  };
  const nodes = Object.entries(options.pipeline?.nodes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const outputsOf = (id: string, n: { step?: unknown }) => {
    const step = typeof n?.step === 'string' ? library.steps.get(n.step) : undefined;
    return step ? Object.entries(stepPorts(step, 'outputs')).map(([port, spec]) => ({ wire: `${id}.${port}`, spec })) : [];
  };
  const outputs = nodes.flatMap(([id, n]) => outputsOf(id, n));
  const wires = outputs.map((o) => o.wire);
  offerPropertyFiles(schema.definitions['jsonGet']!, outputs.filter((o) => o.spec.propertyFile !== undefined).map((o) => o.wire));
  const after = node.properties['after']!;
  node.properties['after'] = { ...after, items: offered(nodes.map(([id]) => id), after['items'] as Schema) };
  const stepDefinitions = loadSchema('Step')['definitions'] as Record<string, { properties: Record<string, { description?: string }> }>;
  const portSchemas = { inputs: stepDefinitions['inputPort']!.properties, outputs: stepDefinitions['outputPort']!.properties };
  node['allOf'] = steps.map((step) => nodeRule(step, baseFields, wires, portSchemas));
  const allFields = Object.fromEntries(steps.flatMap((s) => Object.entries(s.doc.config?.properties ?? {})).map(([name, field]) => [name, fieldSchema(field)]));
  schema.definitions['baseConfig']!.properties = { ...allFields, ...(baseFields as Record<string, Schema>) };
  return {
    ...schema,
    $id: 'https://plc.dev/schema/v1/pipeline.generated.schema.json',
    $comment: `Generated by plc schema from the step types ${names.join(', ')}.`,
    ...(options.pipeline ? { 'x-plc-pipeline': options.pipeline.path } : {}),
  };
}
