// The catalog-wide rules of a step library (plc check over step files): every input of every step
// type can be fed by some step type's output, and `accepts` names producers that can feed it.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepLibrary, StepType } from '../../link/step-library.js';
import { checkAcceptedProducers } from './accepts-never-matches.js';
import { checkInputProducers } from './input-without-producer.js';

export function checkCatalog(library: StepLibrary, checked: (step: StepType) => boolean, bag: DiagnosticBag): void {
  const steps = [...library.steps.values()].sort((a, b) => (a.doc.name < b.doc.name ? -1 : a.doc.name > b.doc.name ? 1 : 0));
  for (const step of steps.filter(checked)) {
    checkInputProducers(step, steps, bag);
    checkAcceptedProducers(step, library.steps, bag);
  }
}
