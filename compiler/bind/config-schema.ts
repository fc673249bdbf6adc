// The config schema of a step type as nodes see it: the base fields every step has (role,
// outputPrefix; from pipeline.schema.json#/definitions/baseConfig) plus the step's own fields.
import type { ValidateFunction } from 'ajv';
import type { ConfigField } from '../../schema/types.generated.js';
import type { StepType } from '../link/step-library.js';
import { runsContainer, stepKind } from '../kinds/registry.js';
import { createAjv, loadSchema } from '../validate/validate-document.js';

export interface StepConfigSchema {
  fields: Readonly<Record<string, ConfigField>>;
  required: readonly string[];
  validate: ValidateFunction;
}

const baseRequired = ['role', 'outputPrefix'];
let baseFields: Record<string, ConfigField> | undefined;
const ajv = createAjv();
const cache = new WeakMap<StepType, StepConfigSchema>();

function base(): Record<string, ConfigField> {
  baseFields ??= ((loadSchema('Pipeline')['definitions'] as Record<string, { properties: Record<string, ConfigField> }>)['baseConfig']!).properties;
  return baseFields;
}

/** Throws ajv's error when the step's config schema itself is invalid; the caller reports it. */
export function configSchemaOf(step: StepType): StepConfigSchema {
  let schema = cache.get(step);
  if (!schema) {
    const fields = { ...base(), ...(step.doc.config?.properties ?? {}) };
    // Lambda, Callback and EMR steps run no SageMaker job: no role to pass, no outputs to place.
    const baseNeeded = runsContainer(stepKind(step.doc.sagemaker)) ? baseRequired : [];
    const required = [...new Set([...baseNeeded, ...(step.doc.config?.required ?? [])])];
    // `derived` is plc's, not JSON Schema's: it is evaluated by bind, not by ajv.
    const properties = Object.fromEntries(Object.entries(fields).map(([key, { derived: _derived, ...field }]) => [key, field]));
    const validate = ajv.compile({ type: 'object', properties, required, additionalProperties: true });
    schema = { fields, required, validate };
    cache.set(step, schema);
  }
  return schema;
}
