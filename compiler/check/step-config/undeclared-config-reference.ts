// PLC2004 for a step file checked on its own (`plc check my.step.yaml`): a `${config.<field>}`
// binding to a field the step's config does not declare. Pipelines report it when they bind a node
// (bind/scopes.ts); a step library should not wait for a pipeline to use the step.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { suggest } from '../../diagnostics/did-you-mean.js';
import { configSchemaOf } from '../../bind/config-schema.js';
import type { StepType } from '../../link/step-library.js';
import { configReferences } from './references.js';

export function checkUndeclaredConfigReferences(step: StepType, bag: DiagnosticBag): void {
  let declared: string[];
  try {
    declared = Object.keys(configSchemaOf(step).fields).sort();
  } catch {
    return; // an invalid config schema is PLC2009, reported by the pipelines that bind the step
  }
  for (const reference of configReferences(step)) {
    if (!declared.includes(reference.name)) bag.report('PLC2004', reference.at, { step: step.doc.name, key: reference.name }, suggest(reference.name, declared));
  }
}
