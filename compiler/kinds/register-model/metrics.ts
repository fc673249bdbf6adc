// A registered model's governance files: ModelMetrics (quality, data quality, bias, explainability
// reports) and DriftCheckBaselines (what later drift checks compare against), each a MetricsSource
// or FileSource of CreateModelPackage {ContentType, S3Uri}. The step type names, per slot, the input
// port that carries the file (registration.modelMetrics / driftCheckBaselines), so each is wired like
// any input: from a QualityCheck's or ClarifyCheck's baseline outputs, an evaluation step or an S3 URI.
// Without slots, the one `metrics` port is the model quality statistics and the one `constraints`
// port the model quality drift constraints, as before slots existed.
import { renderExpr, type JsonObject } from '../../backends/sagemaker/expressions.js';
import type { Registration } from '../../../schema/types.generated.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { literal, type Expr } from '../../ir/expr.js';
import type { StepType } from '../../link/step-library.js';
import type { LoweringContext } from '../../lower/context.js';
import type { WiredNode } from '../../stages.js';
import type { PortOptions } from '../kind.js';
import { lowerPortOptions } from '../ports.js';

/** The slots of each section, in the order of the API's members. */
const slots = {
  modelMetrics: { modelQuality: ['statistics', 'constraints'], modelDataQuality: ['statistics', 'constraints'], bias: ['report', 'preTrainingReport', 'postTrainingReport'], explainability: ['report'] },
  driftCheckBaselines: { bias: ['configFile', 'preTrainingConstraints', 'postTrainingConstraints'], explainability: ['constraints', 'configFile'], modelQuality: ['statistics', 'constraints'], modelDataQuality: ['statistics', 'constraints'] },
} as const;

/**
 * The port types a slot's file may come from: statistics from a check's statistics or an evaluation's
 * metrics; constraints from a check's constraints; a report from a Clarify check's constraints (as the
 * SDK's examples register CalculatedBaselineConstraints) or an evaluation's metrics; a Clarify config
 * file from an artifacts folder's file. A port of type any may fill every slot.
 */
const slotTypes = (member: string): readonly string[] => {
  if (member === 'statistics') return ['statistics', 'metrics'];
  if (member === 'configFile') return ['artifacts'];
  if (/[rR]eport$/.test(member)) return ['constraints', 'metrics'];
  return ['constraints'];
};

type Section = keyof typeof slots;
const sections = Object.keys(slots) as Section[];

/** Port types that carry a governance file: with slots, a port of one of them must fill one (artifacts: a config file). */
const fileTypes = ['metrics', 'statistics', 'constraints', 'artifacts'] as const;
const slotCount = Object.values(slots).reduce((sum, groups) => sum + Object.values(groups).flat().length, 0);

/** How many file ports of each type a registration with slots may have: as many as there are slots. */
export const slotRoles: Record<string, readonly [number, number]> = Object.fromEntries(fileTypes.map((type) => [type, [0, slotCount] as const]));

/** The content type a RegisterModel input port may set (the file's ContentType). */
export const registrationPortOptions: PortOptions = { inputs: { contentType: true }, outputs: {} };

export interface MetricsSourceIR { contentType: Expr; location: Expr }

/** Section → group → member → file, in API order; empty groups are left out. */
export type GovernanceFilesIR = Partial<Record<Section, [group: string, [member: string, MetricsSourceIR][]][]>>;

interface SlotPort { section: Section; group: string; member: string; port: string }

/** The slots the registration fills and the ports named there; the default mapping when it names none. */
function slotPorts(step: StepType): SlotPort[] {
  const registration = step.doc.registration;
  if (!registration) return [];
  if (!registration.modelMetrics && !registration.driftCheckBaselines) {
    const byType = (type: string) => Object.entries(step.doc.inputs ?? {}).find(([, spec]) => spec.type === type)?.[0];
    const metrics = byType('metrics');
    const constraints = byType('constraints');
    return [
      ...(metrics ? [{ section: 'modelMetrics', group: 'modelQuality', member: 'statistics', port: metrics } as const] : []),
      ...(constraints ? [{ section: 'driftCheckBaselines', group: 'modelQuality', member: 'constraints', port: constraints } as const] : []),
    ];
  }
  return sections.flatMap((section) => Object.entries(slots[section]).flatMap(([group, members]: [string, readonly string[]]) =>
    members.flatMap((member): SlotPort[] => {
      const port = (registration[section] as Record<string, Record<string, string> | undefined> | undefined)?.[group]?.[member];
      return port === undefined ? [] : [{ section, group, member, port }];
    })));
}

/** Whether the registration names its slots (then the metric ports' numbers are the slots', not fixed roles). */
export const namesSlots = (registration: Registration | undefined): boolean => Boolean(registration?.modelMetrics || registration?.driftCheckBaselines);

/** Slots name inputs of the step type, and every file-carrying input fills a slot. */
export function checkGovernanceSlots(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  if (!namesSlots(doc.registration)) return;
  const inputs = doc.inputs ?? {};
  const used = new Set<string>();
  for (const { section, group, member, port } of slotPorts(step)) {
    used.add(port);
    const at = source.locate(['registration', section, group, member]);
    const slot = `${section}.${group}.${member}`;
    if (!Object.hasOwn(inputs, port)) {
      bag.report('PLC5090', at, { slot, step: doc.name, port, allowed: Object.keys(inputs) });
      continue;
    }
    const { type } = inputs[port]!;
    const expected = slotTypes(member);
    if (type !== 'any' && !expected.includes(type)) bag.report('PLC5111', at, { slot, step: doc.name, port, type, expected: expected.join(' or ') });
  }
  for (const [port, spec] of Object.entries(inputs)) {
    if ((fileTypes as readonly string[]).includes(spec.type) && !used.has(port)) bag.report('PLC5091', source.locate(['inputs', port], 'key'), { port, step: doc.name });
  }
}

/** A content type is a governance file's: on an input that fills no slot it would be written nowhere. */
export function checkContentTypes(step: StepType, bag: DiagnosticBag): void {
  const filled = new Set(slotPorts(step).map((slot) => slot.port));
  for (const [port, spec] of Object.entries(step.doc.inputs ?? {})) {
    if (spec.contentType !== undefined && !filled.has(port)) bag.report('PLC5098', step.source.locate(['inputs', port, 'contentType'], 'key'), { port, step: step.doc.name });
  }
}

/** The same for a node's `ports:`: a content type it sets on the model or payload port would be dropped. */
export function checkNodeContentTypes(node: WiredNode, context: LoweringContext): void {
  const filled = new Set(slotPorts(node.step).map((slot) => slot.port));
  for (const [port, set] of Object.entries(node.doc.ports ?? {})) {
    if (Object.hasOwn(set, 'contentType') && !filled.has(port)) {
      context.bag.report('PLC5099', context.pipeline.source.locate(['nodes', node.id, 'ports', port, 'contentType'], 'key'), { node: node.id, port, step: node.step.doc.name });
    }
  }
}

/** The files of the slots whose ports are bound, with their content types. */
export function lowerGovernanceFiles(node: WiredNode, context: LoweringContext): GovernanceFilesIR {
  const registration = node.step.doc.registration!;
  const fallback: Record<string, string | undefined> = { metrics: registration.metricsContentType, constraints: registration.constraintsContentType };
  const files: GovernanceFilesIR = {};
  for (const { section, group, member, port } of slotPorts(node.step)) {
    const spec = node.step.doc.inputs?.[port];
    const location = spec && node.inputs.has(port) ? context.portFile(node, port) : undefined;
    if (!spec || !location) continue;
    const contentType = lowerPortOptions(node, 'inputs', port, registrationPortOptions, context).contentType ?? literal(fallback[spec.type] ?? 'application/json');
    const groups = (files[section] ??= []);
    let entry = groups.find(([name]) => name === group);
    if (!entry) groups.push((entry = [group, []]));
    entry[1].push([member, { contentType, location }]);
  }
  return files;
}

const apiName = (name: string): string => name[0]!.toUpperCase() + name.slice(1);

/** ModelMetrics or DriftCheckBaselines of CreateModelPackage; undefined when the section has no file. */
export function renderGovernanceFiles(files: GovernanceFilesIR, section: Section): JsonObject | undefined {
  const groups = files[section];
  if (!groups || groups.length === 0) return undefined;
  return Object.fromEntries(groups.map(([group, members]) => [
    apiName(group),
    Object.fromEntries(members.map(([member, file]) => [apiName(member), { ContentType: renderExpr(file.contentType), S3Uri: renderExpr(file.location) }])),
  ]));
}
