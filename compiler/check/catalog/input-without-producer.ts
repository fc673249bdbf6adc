// PLC3020: an input port that no step type of the library can feed: no output has a matching type,
// or none of the step types its `accepts` names has one. The seed system's catalog-wide dependency
// check; a pipeline can then feed the input only from an S3 URI.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepType } from '../../link/step-library.js';
import { typesMatch } from '../../util/port-types.js';
import { inputsOf, outputsOf } from './ports.js';

export function checkInputProducers(step: StepType, library: readonly StepType[], bag: DiagnosticBag): void {
  const outputs = library.flatMap(outputsOf);
  for (const input of inputsOf(step)) {
    const producers = outputs.filter((o) => typesMatch(o.type, input.type) && (!input.accepts?.length || input.accepts.includes(o.step.doc.name)));
    if (producers.length > 0) continue;
    const among = input.accepts?.length ? `among ${input.accepts.join(', ')}` : 'in its library';
    bag.report('PLC3020', step.source.locate([...input.path, 'type']), { port: input.port, step: step.doc.name, type: input.type, among });
  }
}
