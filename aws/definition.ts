// Reading a deployed pipeline definition: the JSON SageMaker stores, and what it declares.
import type { ParameterIR } from '../compiler/ir/pipeline.js';

/** The parameters a definition declares (for `plc run <name>`, which has only the deployed one). */
export function declaredParameters(definition: unknown): ParameterIR[] {
  const parameters = (definition as { Parameters?: unknown } | undefined)?.Parameters;
  if (!Array.isArray(parameters)) return [];
  return parameters.flatMap((p: { Name?: unknown; Type?: unknown; EnumValues?: unknown }) => {
    if (typeof p.Name !== 'string') return [];
    const type = (['String', 'Integer', 'Float', 'Boolean'] as const).find((t) => t === p.Type) ?? 'String';
    const enumValues = Array.isArray(p.EnumValues) ? p.EnumValues.filter((v): v is string => typeof v === 'string') : undefined;
    return [{ name: p.Name, type, ...(enumValues ? { enum: enumValues } : {}) }];
  });
}

/** The deployed definition as data: SageMaker returns a JSON string. */
export function parseDefinition(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return undefined;
  }
}
