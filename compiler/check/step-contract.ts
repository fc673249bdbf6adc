// Checks of a step type against what its SageMaker kind can do. Processing and Training (and
// Tuning) ports are container folders (training channels and outputs at fixed paths; processing
// ports below /opt/ml/processing/, distinct, at most 10 each way, clear of plc's `code` input);
// Model, Transform and RegisterModel steps have fixed roles for their ports, by type; Lambda and
// Callback ports are arguments and output parameters; EMR steps have none.
import type { StepDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { containerKinds, isOutputParameterKind, isTrainingJobKind } from '../sagemaker/kinds.js';
import { isTrainingOutputPath, normalizePath, processingCodeDir, trainingChannelPath } from '../sagemaker/property-paths.js';
import { checkEmrSection, checkInvocationSection, checkTuningSection } from './kind-sections.js';

const maxProcessingPorts = 10;

type Kind = StepDocument['sagemaker'];
type Cardinality = readonly [min: number, max: number];

/** For the kinds without containers: how many ports of each type they take (other types: none). */
const portRoles: Partial<Record<Kind, { inputs: Record<string, Cardinality>; outputs: Record<string, Cardinality> }>> = {
  Model: { inputs: { model: [1, 1] }, outputs: { 'model-name': [0, 1] } },
  Transform: { inputs: { 'model-name': [1, 1], dataset: [1, 1] }, outputs: { predictions: [1, 1] } },
  RegisterModel: { inputs: { model: [1, 1], metrics: [0, 1], constraints: [0, 1], payload: [0, 1] }, outputs: { 'model-package': [0, 1] } },
};

const allKinds: readonly Kind[] = ['Processing', 'Training', 'Tuning', 'Model', 'Transform', 'RegisterModel', 'Lambda', 'Callback', 'EMR'];

/** Settings sections and who may use them. */
const sections: Record<'training' | 'transform' | 'registration' | 'script' | 'tuning' | 'lambda' | 'callback' | 'emr' | 'compute' | 'inputs' | 'outputs', readonly Kind[]> = {
  script: ['Processing', 'Training', 'Tuning'],
  training: ['Training', 'Tuning'],
  transform: ['Transform'],
  registration: ['RegisterModel'],
  tuning: ['Tuning'],
  lambda: ['Lambda'],
  callback: ['Callback'],
  emr: ['EMR'],
  compute: containerKinds,
  // An EMR step's data lives wherever its JAR's arguments say; plc cannot wire it.
  inputs: allKinds.filter((k) => k !== 'EMR'),
  outputs: allKinds.filter((k) => k !== 'EMR'),
};

/** The settings section a kind cannot do without. */
const requiredSections: Partial<Record<Kind, 'registration' | 'tuning' | 'lambda' | 'callback' | 'emr'>> = {
  RegisterModel: 'registration',
  Tuning: 'tuning',
  Lambda: 'lambda',
  Callback: 'callback',
  EMR: 'emr',
};

/** "A, B and C". */
const listed = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(''));

export function checkStepContract(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const kind = doc.sagemaker;
  const inputs = Object.entries(doc.inputs ?? {});
  const outputs = Object.entries(doc.outputs ?? {});
  if (doc.role === 'source' && inputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'inputs' });
  if (doc.role === 'sink' && outputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'outputs' });
  for (const [section, kinds] of Object.entries(sections)) {
    if (doc[section as keyof typeof sections] !== undefined && !kinds.includes(kind)) {
      bag.report('PLC5011', source.locate([section], 'key'), { section, step: doc.name, kind, kinds: listed(kinds) });
    }
  }
  // A tuning job's TrainingJobDefinition has no debugger or profiler settings.
  for (const key of ['debugHook', 'profilerIntervalMs'] as const) {
    if (kind === 'Tuning' && doc.training?.[key] !== undefined) bag.report('PLC5011', source.locate(['training', key], 'key'), { section: `training.${key}`, step: doc.name, kind, kinds: 'Training' });
  }
  for (const [port, spec] of outputs) {
    if (spec.outputType !== undefined && !isOutputParameterKind(kind)) bag.report('PLC5011', source.locate(['outputs', port, 'outputType'], 'key'), { section: `outputs.${port}.outputType`, step: doc.name, kind, kinds: 'Lambda and Callback' });
    if (spec.propertyFile && kind !== 'Processing') bag.report('PLC5004', source.locate(['outputs', port, 'propertyFile'], 'key'), { step: doc.name, kind });
  }
  // Lambda, Callback and EMR steps run no container of ours: a path or file would be ignored.
  if (isOutputParameterKind(kind) || kind === 'EMR') {
    for (const [direction, ports] of [['inputs', inputs], ['outputs', outputs]] as const) {
      for (const [port, spec] of ports) {
        for (const key of ['path', 'file'] as const) {
          if ((spec as { path?: string; file?: string })[key] !== undefined) {
            bag.report('PLC5011', source.locate([direction, port, key], 'key'), { section: `${direction}.${port}.${key}`, step: doc.name, kind, kinds: 'Processing, Training and Tuning' });
          }
        }
      }
    }
  }
  if (isTrainingJobKind(kind) && doc.script?.arguments?.length) bag.report('PLC5020', source.locate(['script', 'arguments'], 'key'), { step: doc.name });
  const required = requiredSections[kind];
  if (required && !doc[required]) bag.report('PLC0103', source.locate([], 'key'), { where: `${kind} step type ${doc.name}`, key: required });
  if (containerKinds.includes(kind) && !doc.compute) bag.report('PLC0103', source.locate([], 'key'), { where: `${kind} step type ${doc.name}`, key: 'compute' });
  if (kind === 'Processing' || isTrainingJobKind(kind) || kind === 'Transform') {
    if (doc.compute && doc.compute.instanceType === undefined) bag.report('PLC0103', source.locate(['compute'], 'key'), { where: '"compute"', key: 'instanceType' });
  }
  if (kind === 'Tuning' && doc.tuning) checkTuningSection(step, doc.tuning, bag);
  if (kind === 'EMR' && doc.emr) checkEmrSection(step, doc.emr, bag);
  const invocation = kind === 'Lambda' ? doc.lambda : kind === 'Callback' ? doc.callback : undefined;
  if (invocation) checkInvocationSection(step, kind === 'Lambda' ? 'lambda' : 'callback', invocation.arguments ?? {}, bag);
  // Lambda and Callback ports are arguments and output parameters: no container, no path.
  if (isOutputParameterKind(kind) || kind === 'EMR') return;
  const roles = portRoles[kind];
  if (roles) {
    checkPortRoles(step, 'inputs', roles.inputs, bag);
    checkPortRoles(step, 'outputs', roles.outputs, bag);
    return;
  }
  for (const [port, spec] of inputs) {
    if (spec.path === undefined) {
      bag.report('PLC0103', source.locate(['inputs', port], 'key'), { where: `input "${port}" of ${kind} step type ${doc.name}`, key: 'path' });
      continue;
    }
    if (isTrainingJobKind(kind) && normalizePath(spec.path) !== trainingChannelPath(port)) {
      bag.report('PLC5001', source.locate(['inputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
  }
  for (const [port, spec] of outputs) {
    if (spec.path === undefined) {
      bag.report('PLC0103', source.locate(['outputs', port], 'key'), { where: `output "${port}" of ${kind} step type ${doc.name}`, key: 'path' });
      continue;
    }
    if (isTrainingJobKind(kind) && !isTrainingOutputPath(spec.path)) {
      bag.report('PLC5002', source.locate(['outputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
  }
  if (kind === 'Processing') checkProcessingPorts(step, bag);
}

function checkPortRoles(step: StepType, direction: 'inputs' | 'outputs', roles: Record<string, Cardinality>, bag: DiagnosticBag): void {
  const ports = Object.entries(step.doc[direction] ?? {});
  for (const [port, spec] of ports) {
    if (!(spec.type in roles)) {
      bag.report('PLC5012', step.source.locate([direction, port, 'type']), { step: step.doc.name, kind: step.doc.sagemaker, direction: direction.slice(0, -1), port, type: spec.type, allowed: Object.keys(roles) });
    }
  }
  for (const [type, [min, max]] of Object.entries(roles)) {
    const count = ports.filter(([, spec]) => spec.type === type).length;
    if (count < min || count > max) {
      bag.report('PLC5013', step.source.locate([direction], 'key'), { step: step.doc.name, kind: step.doc.sagemaker, direction: direction.slice(0, -1), type, count, expected: min === max ? `${min}` : `${min} to ${max}` });
    }
  }
}

function checkProcessingPorts(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const seen = new Map<string, string>();
  for (const [direction, group] of [['input', 'inputs'], ['output', 'outputs']] as const) {
    const ports = Object.entries(doc[group] ?? {}).filter((entry): entry is [string, { path: string }] => entry[1].path !== undefined);
    for (const [port, spec] of ports) {
      const path = normalizePath(spec.path);
      if (!path.startsWith('/opt/ml/processing/')) {
        bag.report('PLC5007', source.locate([group, port, 'path']), { direction, port, step: doc.name, path: spec.path });
      }
      if (doc.script && (port === 'code' || path === processingCodeDir)) {
        bag.report('PLC5003', source.locate([group, port], 'key'), { step: doc.name });
      }
      const other = seen.get(path);
      if (other !== undefined) bag.report('PLC5008', source.locate([group, port, 'path']), { port, other, step: doc.name, path });
      seen.set(path, port);
    }
    const count = ports.length + (direction === 'input' && doc.script ? 1 : 0);
    if (count > maxProcessingPorts) {
      bag.report('PLC5009', source.locate([group], 'key'), { step: doc.name, count, direction, extra: direction === 'input' && doc.script ? ' (with the code input)' : '' });
    }
  }
}
