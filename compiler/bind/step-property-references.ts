// What pipeline values may read of other steps: `${steps.<node>.<property>}` (→ Get
// Steps.<step>.<path>) in conditions, fail messages, node config, inputs: and outputs:, and
// `{ jsonGet: [<node>.<output>, <path>] }` (→ Std:JsonGet of a property file) in condition operands
// and node config (not yet in inputs:, outputs: or fail messages). Each reference
// is checked against the producer's kind, segment by segment through its Describe* response, and
// recorded as a read: SageMaker infers the dependency from the Get, and the graph checks need it.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import type { Expr } from '../ir/expr.js';
import type { ReferenceSite, Site } from '../interpolation/interpolate.js';
import { stepKind } from '../kinds/registry.js';
import { walkPropertyPath } from '../sagemaker/property-paths.js';
import type { ControlNode, LinkedNode, LinkedPipeline } from '../stages.js';
import { own } from '../util/own.js';

/**
 * The properties of control steps, as the SageMaker Python SDK defines them: a ConditionStep has only
 * `Outcome`, a FailStep none (src/sagemaker/workflow/condition_step.py, fail_step.py). Step kinds
 * list theirs in compiler/kinds/.
 */
const fixedProperties: Readonly<Record<ControlNode['kind'], readonly string[]>> = {
  Condition: ['Outcome'],
  Fail: [],
};

export interface StepPropertyReferences {
  /** `${steps.<name>}` in a value of node `reader`; the node read is added to `reads`. */
  property(name: string | undefined, at: ReferenceSite, reads: Set<string>, reader: string): Expr | undefined;
  /** The argument of `{ jsonGet: … }` written at `at` (the jsonGet key's value) in a value of node `reader`. */
  jsonGet(raw: unknown, at: Site, reads: Set<string>, reader: string): Expr | undefined;
}

/** `FinalMetricDataList['x']…` of a step whose kind knows its metrics, when x is not one of them. */
function undeclaredMetric(producer: LinkedNode, path: string): { metric: string; defined: readonly string[] } | undefined {
  const metric = /^FinalMetricDataList\['([^']*)'\]/.exec(path)?.[1];
  const defined = metric === undefined ? undefined : stepKind(producer.step.doc.sagemaker).metrics?.(producer.step);
  return metric !== undefined && defined && !defined.includes(metric) ? { metric, defined } : undefined;
}

export function stepPropertyReferences(pipeline: LinkedPipeline, bag: DiagnosticBag): StepPropertyReferences {
  const stepNodes = new Map(pipeline.nodes.map((n) => [n.id, n]));
  const controls = new Map(pipeline.controls.map((c) => [c.id, c]));
  const nodeIds = Object.keys(pipeline.doc.nodes);

  const property: StepPropertyReferences['property'] = (name, site, reads, reader) => {
    const where = site.source.locateWithin(site.path, site.offset, site.text.length);
    const match = /^([A-Za-z0-9_-]+)\.(.+)$/.exec(name ?? '');
    if (!match) {
      bag.report('PLC1006', where, { text: site.text, detail: 'expected ${steps.<node>.<property>}' });
      return undefined;
    }
    const [, id, path] = match as unknown as [string, string, string];
    const producer = stepNodes.get(id);
    const control = controls.get(id);
    if (!producer && !control) {
      if (!nodeIds.includes(id)) bag.report('PLC3001', where, { name: id, allowed: nodeIds }, suggest(id, nodeIds));
      return undefined; // a step node whose step type did not resolve is reported already
    }
    // A step's properties exist once it has run, so its own arguments cannot hold them (not a cycle of nodes).
    if (id === reader) {
      bag.report('PLC5110', where, { node: id, property: path });
      return undefined;
    }
    reads.add(id);
    const kind = producer ? producer.step.doc.sagemaker : control!.kind;
    const known: readonly string[] = producer ? stepKind(producer.step.doc.sagemaker).properties : fixedProperties[control!.kind];
    const root = /^[A-Za-z0-9_]+/.exec(path)?.[0] ?? path;
    if (!known.includes(root)) {
      bag.report('PLC5030', where, { node: id, kind, property: root, allowed: known }, suggest(root, known));
      return undefined;
    }
    const undefinedMetric = producer && undeclaredMetric(producer, path);
    if (undefinedMetric) {
      bag.report('PLC5062', where, { node: id, step: producer!.step.doc.name, ...undefinedMetric }, suggest(undefinedMetric.metric, undefinedMetric.defined));
      return undefined;
    }
    const output = producer && stepKind(producer.step.doc.sagemaker).outputNamedBy?.(path);
    const outputs = Object.keys(producer?.step.doc.outputs ?? {}).sort();
    if (output !== undefined && !outputs.includes(output)) {
      bag.report('PLC3002', where, { node: id, step: producer!.step.doc.name, port: output, allowed: outputs }, suggest(output, outputs));
      return undefined;
    }
    const walked = walkPropertyPath(kind, path);
    if (walked && !walked.ok) {
      if (walked.problem === 'member') bag.report('PLC5120', where, { node: id, kind, at: walked.at, member: walked.member, allowed: walked.allowed }, suggest(walked.member, walked.allowed));
      else bag.report('PLC5121', where, { text: site.text, node: id, detail: walked.detail });
      return undefined;
    }
    const stepName = producer ? producer.stepName : control!.stepName;
    return { kind: 'property', step: stepName, path, ...(walked ? { type: walked.type } : {}) };
  };

  /** [<node>.<output>, <path>]: the output must be a processing output with a property file. */
  const jsonGet: StepPropertyReferences['jsonGet'] = (raw, at, reads, reader) => {
    const locate = (i?: number) => at.source.locate(i === undefined ? at.path : [...at.path, i]);
    if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string' || typeof raw[1] !== 'string') {
      bag.report('PLC0101', locate(), { where: 'jsonGet', expected: 'a list of two strings: [<node>.<output>, <JSON path>]' });
      return undefined;
    }
    const [reference, jsonPath] = raw as [string, string];
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)$/.exec(reference);
    if (!match) {
      bag.report('PLC3006', locate(0), { text: reference });
      return undefined;
    }
    const [, id, port] = match as unknown as [string, string, string];
    const producer = stepNodes.get(id);
    if (!producer) {
      if (!nodeIds.includes(id)) bag.report('PLC3001', locate(0), { name: id, allowed: nodeIds }, suggest(id, nodeIds));
      else if (controls.has(id)) bag.report('PLC3013', locate(0), { node: id, port, step: 'a control node' });
      return undefined;
    }
    if (id === reader) {
      bag.report('PLC3008', locate(0), { node: id, port });
      return undefined;
    }
    reads.add(id);
    const outputs = producer.step.doc.outputs ?? {};
    const output = own(outputs, port);
    if (!output) {
      const allowed = Object.keys(outputs).sort();
      bag.report('PLC3002', locate(0), { node: id, step: producer.step.doc.name, port, allowed }, suggest(port, allowed));
      return undefined;
    }
    if (!output.propertyFile || !stepKind(producer.step.doc.sagemaker).outputs.propertyFiles) {
      bag.report('PLC3013', locate(0), { node: id, port, step: producer.step.doc.name });
      return undefined;
    }
    return { kind: 'jsonGet', step: producer.stepName, propertyFile: output.propertyFile.name, path: jsonPath };
  };

  return { property, jsonGet };
}
