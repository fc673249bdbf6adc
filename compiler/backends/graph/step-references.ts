// Which steps a step reads from, found in its expressions: a `property` or `jsonGet` Expr names
// its producer. The walk is generic rather than per step kind, so an expression in any field,
// including fields the IR gains later, is an edge without this file changing.
import type { StepIR } from '../../ir/pipeline.js';

export interface StepReference {
  step: string;
  /** Set for a read from a property file (Std:JsonGet). */
  propertyFile?: string;
}

/** In the order the expressions appear; branch steps are nodes of their own and are not entered. */
export function stepReferences(step: StepIR): StepReference[] {
  const found: StepReference[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const { kind, step: producer, propertyFile } = value as { kind?: unknown; step?: unknown; propertyFile?: unknown };
    if (kind === 'property' && typeof producer === 'string') found.push({ step: producer });
    else if (kind === 'jsonGet' && typeof producer === 'string' && typeof propertyFile === 'string') found.push({ step: producer, propertyFile });
    else for (const child of Object.values(value)) visit(child);
  };
  for (const [key, child] of Object.entries(step)) if (key !== 'ifSteps' && key !== 'elseSteps') visit(child);
  return found;
}
