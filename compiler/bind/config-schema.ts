// The config schema of a step type as nodes see it: the base fields every step has (role,
// outputPrefix; from pipeline.schema.json#/definitions/baseConfig) plus the step's own fields.
import type { Ajv, ValidateFunction } from 'ajv';
import type { ConfigField } from '../../schema/types.generated.js';
import { precompiledConfigValidator } from '../link/builtin-library.js';
import type { StepType } from '../link/step-library.js';
import { runsContainer, stepKind } from '../kinds/registry.js';
import { baseConfigFields } from './base-fields.js';
import { linearRegExp } from '../validate/linear-regexp.js';
import { createAjv, loadSchema } from '../validate/validate-document.js';

export interface StepConfigSchema {
  fields: Readonly<Record<string, ConfigField>>;
  required: readonly string[];
  validate: ValidateFunction;
}

const baseRequired = ['role', 'outputPrefix'];
let baseFields: Record<string, ConfigField> | undefined;
// Config schemas come from step libraries, which a pull request can change: their patterns run on
// a linear-time engine (compiler/validate/linear-regexp.ts). Each field was already validated
// against step.schema.json#/definitions/configField, which types every keyword it allows; ajv's
// meta-schema check would add only enum uniqueness, and compares every pair of values to prove it
// (a 100k-value enum ran past a minute).
let ajv: Ajv | undefined;
const cache = new WeakMap<StepType, StepConfigSchema>();

function base(): Record<string, ConfigField> {
  baseFields ??= baseConfigFields(loadSchema('Pipeline'));
  return baseFields;
}

/** The step's config fields and the JSON Schema its nodes' config is validated against. */
export function configJsonSchema(step: StepType): { fields: Record<string, ConfigField>; required: string[]; jsonSchema: Record<string, unknown> } {
  const fields = { ...base(), ...(step.doc.config?.properties ?? {}) };
  // Lambda, Callback and EMR steps run no SageMaker job: no role to pass, no outputs to place.
  const baseNeeded = runsContainer(stepKind(step.doc.sagemaker)) ? baseRequired : [];
  const required = [...new Set([...baseNeeded, ...(step.doc.config?.required ?? [])])];
  // `derived` is plc's, not JSON Schema's: it is evaluated by bind, not by ajv.
  const properties = Object.fromEntries(Object.entries(fields).map(([key, { derived: _derived, ...field }]) => [key, field]));
  return { fields, required, jsonSchema: { type: 'object', properties, required, additionalProperties: true } };
}

/** Throws ajv's error when the step's config schema itself is invalid; the caller reports it. */
export function configSchemaOf(step: StepType): StepConfigSchema {
  let schema = cache.get(step);
  if (!schema) {
    const { fields, required, jsonSchema } = configJsonSchema(step);
    // Built-in step types come with their validator compiled at build time (builtin-library.ts).
    const validate = precompiledConfigValidator(jsonSchema) ?? (ajv ??= createAjv({ code: { regExp: linearRegExp }, validateSchema: false })).compile(jsonSchema);
    schema = { fields, required, validate };
    cache.set(step, schema);
  }
  return schema;
}
