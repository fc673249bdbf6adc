// The built-in step catalog as data for generated tests: each step type's job types, ports and
// config fields, and a node that binds every required input to an S3 location.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repo } from './helpers.js';

export interface CatalogField { type?: string; default?: unknown; enum?: unknown[]; minimum?: number; maximum?: number; required: boolean }
export interface CatalogPorts {
  inputs: { port: string; type: string; required: boolean }[];
  outputs: { port: string; type: string }[];
}
export interface CatalogStep extends CatalogPorts {
  name: string;
  kind: string;
  jobTypes: string[];
  /** The ports a job type adds (step documents' variants:). */
  variants: Record<string, CatalogPorts>;
  config: Record<string, CatalogField>;
}

type PortDocs = Pick<StepDoc, 'inputs' | 'outputs'>;

const portsOf = (doc: PortDocs): CatalogPorts => ({
  inputs: Object.entries(doc.inputs ?? {}).map(([port, spec]) => ({ port, type: spec.type, required: spec.required !== false })),
  outputs: Object.entries(doc.outputs ?? {}).map(([port, spec]) => ({ port, type: spec.type })),
});

/** The ports of a node of `step` with `jobType`: the step's own and its variant's. */
export function ports(step: CatalogStep, jobType: string | undefined): CatalogPorts {
  const variant = jobType === undefined ? undefined : step.variants[jobType];
  return { inputs: [...step.inputs, ...(variant?.inputs ?? [])], outputs: [...step.outputs, ...(variant?.outputs ?? [])] };
}

interface StepDoc {
  name: string;
  sagemaker: string;
  jobTypes?: string[];
  inputs?: Record<string, { type: string; required?: boolean }>;
  outputs?: Record<string, { type: string }>;
  config?: { required?: string[]; properties?: Record<string, Omit<CatalogField, 'required'>> };
  variants?: Record<string, PortDocs>;
}

export function catalog(): CatalogStep[] {
  const dir = join(repo, 'steps');
  return readdirSync(dir).filter((file) => file.endsWith('.step.yaml')).sort().map((file) => {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as StepDoc;
    const required = new Set(doc.config?.required ?? []);
    return {
      name: doc.name,
      kind: doc.sagemaker,
      jobTypes: doc.jobTypes ?? [],
      ...portsOf(doc),
      variants: Object.fromEntries(Object.entries(doc.variants ?? {}).map(([jobType, variant]) => [jobType, portsOf(variant)])),
      config: Object.fromEntries(Object.entries(doc.config?.properties ?? {}).map(([key, field]) => [key, { ...field, required: required.has(key) }])),
    };
  });
}

/** A value the field accepts, for required fields without a default. */
export function plainValue(field: CatalogField): unknown {
  if (field.default !== undefined) return field.default;
  if (field.enum) return field.enum[0];
  if (field.type === 'integer' || field.type === 'number') return field.minimum ?? 1;
  if (field.type === 'boolean') return true;
  if (field.type === 'array') return ['a'];
  return 'label';
}

/** A model-name input takes a model's name; every other input an S3 location. */
export const inputSource = (type: string, node: string, port: string): string => (type === 'model-name' ? `model-${node}` : `s3://bucket/in/${node}/${port}`);

/** A node of `step` with every required input bound to a literal and every required field set. */
export function plainNode(step: CatalogStep, id: string, config: Record<string, unknown> = {}): Record<string, unknown> {
  const required = Object.fromEntries(Object.entries(step.config).filter(([, field]) => field.required && field.default === undefined).map(([key, field]) => [key, plainValue(field)]));
  const jobType = step.jobTypes[0];
  return {
    step: step.name,
    ...(jobType !== undefined ? { jobType } : {}),
    inputs: Object.fromEntries(ports(step, jobType).inputs.filter((input) => input.required).map((input) => [input.port, inputSource(input.type, id, input.port)])),
    config: { ...required, ...config },
  };
}

/** A pipeline document (JSON is YAML) around `nodes`. */
export function pipelineText(nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: 'Pipeline',
    name: 'generated',
    region: 'us-east-1',
    codePrefix: 's3://bucket/code',
    defaults: { role: 'arn:aws:iam::111122223333:role/SageMakerExecution', outputPrefix: 's3://bucket/out' },
    ...extra,
    nodes,
  }, null, 1);
}
