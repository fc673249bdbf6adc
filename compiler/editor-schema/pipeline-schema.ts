// `plc schema`: a pipeline schema specialised to the step libraries in use, so an editor
// completes step names (with descriptions), the job types each step allows, each step's
// config keys (types, defaults, descriptions) and its port names, and offers a ready node per
// step type as a snippet. Draft-07: nodes are discriminated on their `step` value with if/then.
// Tested in a real editor engine by test/lsp.test.ts.
import type { ConfigField } from '../../schema/types.generated.js';
import type { StepLibrary, StepType } from '../link/step-library.js';
import { loadSchema } from '../validate/validate-document.js';

type Schema = Record<string, unknown>;
type StepPort = { type: string; path?: string; description?: string };

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

/** A config field as a node may set it: its own schema, or (for non-strings) a reference. */
function fieldSchema(field: ConfigField, required = false): Schema {
  const { derived, ...schema } = field;
  const description = [field.description, derived !== undefined ? `Derived when unset: ${derived}` : undefined].filter(Boolean).join(' ');
  const text = { description, markdownDescription: fieldMarkdown(field, required) };
  if (schema.type === 'string' || schema.type === undefined) return { ...schema, ...text };
  return { ...text, ...(schema.default !== undefined ? { default: schema.default } : {}), anyOf: [{ ...schema, description: undefined }, interpolation] };
}

/** A ready node for the step type: its job types as a choice and its required config fields to fill in. */
function nodeSnippet(step: StepType): Schema {
  const jobTypes = step.doc.jobTypes;
  let tabStop = 1;
  const required = step.doc.config?.required ?? [];
  return {
    label: `${step.doc.name} node`,
    description: step.doc.description ?? `A node running ${step.doc.name}.`,
    body: {
      step: step.doc.name,
      ...(jobTypes ? { jobType: `\${${tabStop++}|${jobTypes.join(',')}|}` } : {}),
      ...(required.length > 0 ? { config: Object.fromEntries(required.map((name) => [name, `\${${tabStop++}}`])) } : {}),
    },
  };
}

/** The ports of the step and of all its variants: which apply depends on the node's job type. */
function portsSchema(step: StepType, direction: 'inputs' | 'outputs'): Schema {
  const variants = Object.values(step.doc.variants ?? {}).map((v) => (v[direction] ?? {}) as Record<string, StepPort | null>);
  const ports: Record<string, StepPort> = { ...(step.doc[direction] ?? {}) };
  for (const variant of variants) for (const [name, port] of Object.entries(variant)) if (port && port.type) ports[name] ??= port;
  const what = direction === 'inputs' ? '<node>.<output> or an S3 URI' : 'an S3 URI';
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, { type: 'string', description: `${port.type}${port.path ? ` at ${port.path}` : ''}${port.description ? ` — ${port.description}` : ''} (${what})` }])),
  };
}

function nodeRule(step: StepType, baseFields: Record<string, ConfigField>): Schema {
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
          properties: Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field, required.has(name))])),
        },
        inputs: portsSchema(step, 'inputs'),
        outputs: portsSchema(step, 'outputs'),
      },
    },
  };
}

export function generatePipelineSchema(library: StepLibrary): Schema {
  const schema = loadSchema('Pipeline') as Schema & { definitions: Record<string, Schema & { properties: Record<string, Schema> }> };
  const steps = [...library.steps.values()].sort((a, b) => (a.doc.name < b.doc.name ? -1 : 1));
  const baseFields = schema.definitions['baseConfig']!.properties as Record<string, ConfigField>;
  const node = schema.definitions['node']!;
  node.properties['step'] = {
    description: 'The step type this node runs.',
    markdownDescription: 'The step type this node runs; `plc steps show <Name>` shows one in full.',
    enum: steps.map((s) => s.doc.name),
    enumDescriptions: steps.map((s) => `${s.doc.sagemaker} — ${s.doc.description ?? ''}`),
    markdownEnumDescriptions: steps.map((s) => `**${s.doc.sagemaker}** — ${s.doc.description ?? ''}`),
  };
  node['allOf'] = steps.map((step) => nodeRule(step, baseFields));
  node['defaultSnippets'] = steps.map(nodeSnippet);
  const allFields = Object.fromEntries(steps.flatMap((s) => Object.entries(s.doc.config?.properties ?? {})).map(([name, field]) => [name, fieldSchema(field)]));
  schema.definitions['baseConfig']!.properties = { ...allFields, ...(baseFields as Record<string, Schema>) };
  return {
    ...schema,
    $id: 'https://plc.dev/schema/v1/pipeline.generated.schema.json',
    $comment: `Generated by plc schema from the step types ${steps.map((s) => s.doc.name).join(', ')}.`,
  };
}
