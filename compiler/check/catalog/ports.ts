// The ports of a step type across its base and its job-type variants, as the catalog rules compare
// them: a variant's port takes the base's type when it only refines keywords or paths.
import type { StepType } from '../../link/step-library.js';
import type { DataPath } from '../../source/source-file.js';

export interface CatalogPort { step: StepType; port: string; type: string; accepts?: string[]; path: DataPath }

function portsOf(step: StepType, direction: 'inputs' | 'outputs'): CatalogPort[] {
  const found: CatalogPort[] = [];
  const base = (step.doc[direction] ?? {}) as Record<string, { type?: string; accepts?: string[] } | null>;
  const layers: [DataPath, Record<string, { type?: string; accepts?: string[] } | null>][] = [[[], base], ...Object.entries(step.doc.variants ?? {}).map(([jobType, variant]) => [['variants', jobType], ((variant as Record<string, unknown> | null)?.[direction] ?? {}) as Record<string, { type?: string; accepts?: string[] } | null>] as [DataPath, typeof base])];
  for (const [prefix, ports] of layers) {
    for (const [port, spec] of Object.entries(ports)) {
      if (!spec) continue;
      const type = spec.type ?? base[port]?.type;
      const accepts = spec.accepts ?? base[port]?.accepts;
      if (type === undefined) continue;
      found.push({ step, port, type, ...(accepts ? { accepts } : {}), path: [...prefix, direction, port] });
    }
  }
  return found;
}

export const inputsOf = (step: StepType) => portsOf(step, 'inputs');
export const outputsOf = (step: StepType) => portsOf(step, 'outputs');
