// Checks of a step type against what its SageMaker kind can do (compiler/kinds/): the sections and
// port settings it takes, the sections it needs, then the kind's own rules (ports, sections).
// Each rule is one function, named after what it checks and headed by its code.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { singleReference } from '../interpolation/template.js';
import type { StepKind } from '../kinds/kind.js';
import { portOptionNames, sectionNames } from '../kinds/kind.js';
import { allowedValues, checkOptionValue } from '../kinds/ports.js';
import { kindsTaking, kindsWith, runsContainer, stepKind } from '../kinds/registry.js';

/** "A, B and C". */
const listed = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(''));

const names = (kinds: readonly { name: string }[]): string => listed(kinds.map((k) => k.name));

type StepRule = (step: StepType, kind: StepKind, bag: DiagnosticBag) => void;

const directions = ['inputs', 'outputs'] as const;

const ports = (step: StepType, direction: (typeof directions)[number]) => Object.entries(step.doc[direction] ?? {});

/** PLC1010: a source step type has no inputs, a sink no outputs. */
const roleMatchesPorts: StepRule = ({ doc, source }, _kind, bag) => {
  if (doc.role === 'source' && Object.keys(doc.inputs ?? {}).length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'inputs' });
  if (doc.role === 'sink' && Object.keys(doc.outputs ?? {}).length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'outputs' });
};

/**
 * PLC5011: a section or port setting the kind does not use: a section of another kind, output
 * parameters, a container path on a kind that runs no container of ours, a data option its ports
 * do not take, job compute (instance type and count, volume, run time) on a kind that runs no job.
 */
const settingsTheKindTakes: StepRule = (step, kind, bag) => {
  const { doc, source } = step;
  const refuse = (path: (string | number)[], section: string, kinds: string) => bag.report('PLC5011', source.locate(path, 'key'), { section, step: doc.name, kind: kind.name, kinds });
  for (const section of sectionNames) {
    if (doc[section] !== undefined && !kind.sections.includes(section)) refuse([section], section, names(kindsTaking(section)));
  }
  // A kind that runs no job (Model, RegisterModel) reads only compute.image: the instances an
  // endpoint or transform job runs on are chosen where the model is deployed or used.
  if (doc.compute && !kind.instanceTypes) {
    for (const key of Object.keys(doc.compute)) {
      if (key !== 'image') refuse(['compute', key], `compute.${key}`, names(kindsWith((k) => k.instanceTypes !== undefined)));
    }
  }
  for (const [port, spec] of ports(step, 'outputs')) {
    if (spec.outputType !== undefined && !kind.outputs.parameters) refuse(['outputs', port, 'outputType'], `outputs.${port}.outputType`, names(kindsWith((k) => k.outputs.parameters === true)));
  }
  for (const direction of directions) {
    for (const [port, spec] of ports(step, direction)) {
      // A kind that runs no container of ours would ignore a path or file.
      if (!runsContainer(kind)) {
        for (const key of ['path', 'file'] as const) {
          if ((spec as { path?: string; file?: string })[key] !== undefined) refuse([direction, port, key], `${direction}.${port}.${key}`, names(kindsTaking('script')));
        }
      }
      for (const option of portOptionNames[direction]) {
        const path = [direction, port, option];
        if ((spec as Record<string, unknown>)[option] !== undefined && allowedValues(kind.portOptions, direction, option) === undefined) {
          refuse(path, path.join('.'), names(kindsWith((k) => allowedValues(k.portOptions, direction, option) !== undefined)));
        }
      }
    }
  }
};

/** PLC5004: property files are a Processing step's. */
const propertyFilesNeedProcessing: StepRule = (step, kind, bag) => {
  for (const [port, spec] of ports(step, 'outputs')) {
    if (spec.propertyFile && !kind.outputs.propertyFiles) bag.report('PLC5004', step.source.locate(['outputs', port, 'propertyFile'], 'key'), { step: step.doc.name, kind: kind.name });
  }
};

/** PLC5060: a literal data option value the kind's ports do not take (a ${…} one is checked per node, as node `ports:` values are). */
const portOptionValues: StepRule = (step, kind, bag) => {
  for (const direction of directions) {
    for (const [port, spec] of ports(step, direction)) {
      for (const option of portOptionNames[direction]) {
        const raw = (spec as Record<string, unknown>)[option];
        if (raw === undefined || allowedValues(kind.portOptions, direction, option) === undefined || (typeof raw === 'string' && singleReference(raw) !== undefined)) continue;
        const path = [direction, port, option];
        checkOptionValue(kind.name, kind.portOptions, direction, option, raw, path.join('.'), () => step.source.locate(path), bag);
      }
    }
  }
};

/** PLC5073: a kind whose container runs Python entry points names no interpreter and no other entry point. */
const pythonOnlyEntryPoints: StepRule = ({ doc, source }, kind, bag) => {
  if (!doc.script || kind.interpreters) return;
  const { entryPoint, interpreter } = doc.script;
  if (interpreter !== undefined) bag.report('PLC5073', source.locate(['script', 'interpreter']), { step: doc.name, kind: kind.name, what: 'script.interpreter', kinds: names(kindsWith((k) => k.interpreters === true)) });
  else if (!entryPoint.endsWith('.py')) bag.report('PLC5073', source.locate(['script', 'entryPoint']), { step: doc.name, kind: kind.name, what: `entry point ${entryPoint}`, kinds: names(kindsWith((k) => k.interpreters === true)) });
};

/** PLC5072: an entry point that is not a Python file names the program that runs it. */
const interpreterForOtherEntryPoints: StepRule = ({ doc, source }, kind, bag) => {
  if (!doc.script || !kind.interpreters || doc.script.entryPoint.endsWith('.py') || doc.script.interpreter !== undefined) return;
  bag.report('PLC5072', source.locate(['script', 'entryPoint']), { step: doc.name, path: doc.script.entryPoint });
};

/** PLC0103: the sections the kind cannot do without, and an instance type where it runs jobs. */
const requiredSections: StepRule = ({ doc, source }, kind, bag) => {
  for (const section of kind.requires) {
    if (doc[section] === undefined) bag.report('PLC0103', source.locate([], 'key'), { where: `${kind.name} step type ${doc.name}`, key: section });
  }
  if (kind.instanceTypes && doc.compute && doc.compute.instanceType === undefined) bag.report('PLC0103', source.locate(['compute'], 'key'), { where: '"compute"', key: 'instanceType' });
};

const stepRules: readonly StepRule[] = [roleMatchesPorts, settingsTheKindTakes, propertyFilesNeedProcessing, portOptionValues, pythonOnlyEntryPoints, interpreterForOtherEntryPoints, requiredSections];

export function checkStepContract(step: StepType, bag: DiagnosticBag): void {
  const kind = stepKind(step.doc.sagemaker);
  for (const rule of stepRules) rule(step, kind, bag);
  kind.check(step, bag);
}
