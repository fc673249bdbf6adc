// Checks of a step type against what its SageMaker kind can do. Processing and Training ports
// are container folders (training channels and outputs at fixed paths; processing ports below
// /opt/ml/processing/, distinct, at most 10 each way, clear of plc's `code` input); Model,
// Transform and RegisterModel steps have fixed roles for their ports, by type.
import type { StepDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { isTrainingOutputPath, normalizePath, processingCodeDir, trainingChannelPath } from '../sagemaker/property-paths.js';

const maxProcessingPorts = 10;

type Kind = StepDocument['sagemaker'];
type Cardinality = readonly [min: number, max: number];

/** For the kinds without containers: how many ports of each type they take (other types: none). */
const portRoles: Partial<Record<Kind, { inputs: Record<string, Cardinality>; outputs: Record<string, Cardinality> }>> = {
  Model: { inputs: { model: [1, 1] }, outputs: { 'model-name': [0, 1] } },
  Transform: { inputs: { 'model-name': [1, 1], dataset: [1, 1] }, outputs: { predictions: [1, 1] } },
  RegisterModel: { inputs: { model: [1, 1], metrics: [0, 1], payload: [0, 1] }, outputs: { 'model-package': [0, 1] } },
};

/** Settings sections and who may use them. */
const sections: Record<'training' | 'transform' | 'registration' | 'script', readonly Kind[]> = {
  script: ['Processing', 'Training'],
  training: ['Training'],
  transform: ['Transform'],
  registration: ['RegisterModel'],
};

export function checkStepContract(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const kind = doc.sagemaker;
  const inputs = Object.entries(doc.inputs ?? {});
  const outputs = Object.entries(doc.outputs ?? {});
  if (doc.role === 'source' && inputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'inputs' });
  if (doc.role === 'sink' && outputs.length > 0) bag.report('PLC1010', source.locate(['role']), { step: doc.name, role: doc.role, what: 'outputs' });
  for (const [section, kinds] of Object.entries(sections)) {
    if (doc[section as keyof typeof sections] !== undefined && !kinds.includes(kind)) {
      bag.report('PLC5011', source.locate([section], 'key'), { section, step: doc.name, kind, kinds: kinds.join(' and ') });
    }
  }
  if (kind === 'Training' && doc.script?.arguments?.length) bag.report('PLC5020', source.locate(['script', 'arguments'], 'key'), { step: doc.name });
  if (kind === 'RegisterModel' && !doc.registration) bag.report('PLC0103', source.locate([], 'key'), { where: `RegisterModel step type ${doc.name}`, key: 'registration' });
  if (kind === 'Processing' || kind === 'Training' || kind === 'Transform') {
    if (doc.compute.instanceType === undefined) bag.report('PLC0103', source.locate(['compute'], 'key'), { where: '"compute"', key: 'instanceType' });
  }
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
    if (kind === 'Training' && normalizePath(spec.path) !== trainingChannelPath(port)) {
      bag.report('PLC5001', source.locate(['inputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
  }
  for (const [port, spec] of outputs) {
    if (spec.path === undefined) {
      bag.report('PLC0103', source.locate(['outputs', port], 'key'), { where: `output "${port}" of ${kind} step type ${doc.name}`, key: 'path' });
      continue;
    }
    if (kind === 'Training' && !isTrainingOutputPath(spec.path)) {
      bag.report('PLC5002', source.locate(['outputs', port, 'path']), { port, step: doc.name, path: spec.path });
    }
    if (spec.propertyFile && kind !== 'Processing') bag.report('PLC5004', source.locate(['outputs', port, 'propertyFile'], 'key'), { step: doc.name, kind });
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
