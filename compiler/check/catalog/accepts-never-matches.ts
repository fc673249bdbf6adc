// PLC3021: `accepts` names a step type none of whose outputs has a type the input takes, so wiring
// can never bind that producer: the entry is dead, or the types disagree. Unknown names are PLC1009.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepType } from '../../link/step-library.js';
import { typesMatch } from '../../util/port-types.js';
import { inputsOf, outputsOf } from './ports.js';

export function checkAcceptedProducers(step: StepType, library: ReadonlyMap<string, StepType>, bag: DiagnosticBag): void {
  for (const input of inputsOf(step)) {
    (input.accepts ?? []).forEach((name, i) => {
      const producer = library.get(name);
      if (!producer) return;
      const outputs = outputsOf(producer);
      if (outputs.some((o) => typesMatch(o.type, input.type))) return;
      const types = [...new Set(outputs.map((o) => o.type))].sort();
      bag.report('PLC3021', step.source.locate([...input.path, 'accepts', i]), { port: input.port, step: step.doc.name, producer: name, type: input.type, types }, {
        related: [{ message: `${name} is defined here`, location: producer.source.locate(['outputs']) }],
      });
    });
  }
}
