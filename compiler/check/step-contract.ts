// Checks of a step type against what its SageMaker kind can do (compiler/kinds/): the sections and
// port settings it takes, the sections it needs, then the kind's own rules (ports, sections).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { singleReference } from '../interpolation/template.js';
import { portOptionNames, sectionNames } from '../kinds/kind.js';
import { allowedValues, checkOptionValue } from '../kinds/ports.js';
import { kindsTaking, kindsWith, runsContainer, stepKind } from '../kinds/registry.js';

/** "A, B and C". */
const listed = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(''));

const names = (kinds: readonly { name: string }[]): string => listed(kinds.map((k) => k.name));

export function checkStepContract(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const kind = stepKind(doc.sagemaker);
  const inputs = Object.entries(doc.inputs ?? {});
  const outputs = Object.entries(doc.outputs ?? {});
  const refuse = (path: (string | number)[], section: string, kinds: string) => bag.report('PLC5011', source.locate(path, 'key'), { section, step: doc.name, kind: kind.name, kinds });
  if (doc.role === 'source' && inputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'inputs' });
  if (doc.role === 'sink' && outputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'outputs' });
  for (const section of sectionNames) {
    if (doc[section] !== undefined && !kind.sections.includes(section)) refuse([section], section, names(kindsTaking(section)));
  }
  for (const [port, spec] of outputs) {
    if (spec.outputType !== undefined && !kind.outputs.parameters) refuse(['outputs', port, 'outputType'], `outputs.${port}.outputType`, names(kindsWith((k) => k.outputs.parameters === true)));
    if (spec.propertyFile && !kind.outputs.propertyFiles) bag.report('PLC5004', source.locate(['outputs', port, 'propertyFile'], 'key'), { step: doc.name, kind: kind.name });
  }
  // A kind that runs no container of ours would ignore a path or file.
  if (!runsContainer(kind)) {
    for (const [direction, ports] of [['inputs', inputs], ['outputs', outputs]] as const) {
      for (const [port, spec] of ports) {
        for (const key of ['path', 'file'] as const) {
          if ((spec as { path?: string; file?: string })[key] !== undefined) refuse([direction, port, key], `${direction}.${port}.${key}`, names(kindsTaking('script')));
        }
      }
    }
  }
  for (const direction of ['inputs', 'outputs'] as const) {
    for (const [port, spec] of Object.entries(doc[direction] ?? {})) {
      for (const option of portOptionNames[direction]) {
        const raw = (spec as Record<string, unknown>)[option];
        if (raw === undefined) continue;
        const path = [direction, port, option];
        if (allowedValues(kind.portOptions, direction, option) === undefined) refuse(path, path.join('.'), names(kindsWith((k) => allowedValues(k.portOptions, direction, option) !== undefined)));
        else if (typeof raw !== 'string' || singleReference(raw) === undefined) checkOptionValue(kind.name, kind.portOptions, direction, option, raw, path.join('.'), source.locate(path), bag);
      }
    }
  }
  if (doc.script) {
    const python = doc.script.entryPoint.endsWith('.py');
    if (!kind.interpreters && (doc.script.interpreter !== undefined || !python)) {
      const [path, what] = doc.script.interpreter !== undefined ? [['script', 'interpreter'], 'script.interpreter'] : [['script', 'entryPoint'], `entry point ${doc.script.entryPoint}`];
      bag.report('PLC5073', source.locate(path), { step: doc.name, kind: kind.name, what, kinds: names(kindsWith((k) => k.interpreters === true)) });
    } else if (!python && doc.script.interpreter === undefined) {
      bag.report('PLC5072', source.locate(['script', 'entryPoint']), { step: doc.name, path: doc.script.entryPoint });
    }
  }
  for (const section of kind.requires) {
    if (doc[section] === undefined) bag.report('PLC0103', source.locate([], 'key'), { where: `${kind.name} step type ${doc.name}`, key: section });
  }
  if (kind.instanceTypes && doc.compute && doc.compute.instanceType === undefined) bag.report('PLC0103', source.locate(['compute'], 'key'), { where: '"compute"', key: 'instanceType' });
  kind.check(step, bag);
}
