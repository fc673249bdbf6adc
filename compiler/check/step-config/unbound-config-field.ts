// PLC4026: a field of the step's config that nothing in the step document binds — no
// `${config.<field>}` in script.env, arguments, compute, a kind section, a variant or a derived
// field. Setting it in a pipeline changes nothing, so it is dead or misspelt where it is bound.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepType } from '../../link/step-library.js';
import { configReferences } from './references.js';

export function checkUnboundConfigFields(step: StepType, bag: DiagnosticBag): void {
  const bound = new Set(configReferences(step).map((r) => r.name));
  for (const field of Object.keys(step.doc.config?.properties ?? {})) {
    if (!bound.has(field)) bag.report('PLC4026', step.source.locate(['config', 'properties', field], 'key'), { key: field, step: step.doc.name });
  }
}
