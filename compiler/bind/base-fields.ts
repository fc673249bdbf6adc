// The config fields every step has (pipeline.schema.json#/definitions/baseConfig), read by bind
// and by the editor schema.
import type { ConfigField } from '../../schema/types.generated.js';

/**
 * The base config fields of a pipeline schema, each a schema of its own: a field that `$ref`s a
 * shared definition (tags) gets it inlined, since a step's config schema is compiled without the
 * pipeline schema's definitions.
 */
export function baseConfigFields(pipelineSchema: Record<string, unknown>): Record<string, ConfigField> {
  const definitions = pipelineSchema['definitions'] as Record<string, Record<string, unknown>>;
  const fields = definitions['baseConfig']!['properties'] as Record<string, ConfigField & { $ref?: string }>;
  return Object.fromEntries(Object.entries(fields).map(([key, { $ref, ...field }]) => {
    const shared = $ref === undefined ? undefined : definitions[$ref.replace(/^#\/definitions\//, '')];
    return [key, shared ? ({ ...shared, ...field } as ConfigField) : field];
  }));
}
