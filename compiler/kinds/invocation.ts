// The Lambda and Callback kinds, made by one factory: Arguments from the kind section's bindings
// and the wired inputs, a target beside them, OutputParameters from the output ports, no retry
// policies.
import type { StepTemplate } from './scaffold.js';
import type { Arguments } from '../../schema/types.generated.js';
import { renderExpr, renderValue } from '../backends/sagemaker/expressions.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Expr, Value } from '../ir/expr.js';
import type { StepBaseIR } from '../ir/pipeline.js';
import type { StepType } from '../link/step-library.js';
import type { LoweringContext } from '../lower/context.js';
import type { StepKind } from './kind.js';
import type { DataPath } from '../source/source-file.js';
import { property } from '../sagemaker/property-paths.js';
import { hasOwn } from '../util/own.js';
import type { WiredNode } from '../stages.js';

/** An output parameter of a Lambda or Callback step; consumers read Steps.<step>.OutputParameters['<name>']. */
export interface OutputParameterIR {
  name: string;
  type: 'String' | 'Integer' | 'Boolean' | 'Float';
}

export interface Invocation {
  arguments: [string, Value][];
  outputs: OutputParameterIR[];
}

/** A Lambda or Callback step: the target (the function, or the queue) and the invocation. */
export interface InvocationStepIR<K extends 'Lambda' | 'Callback' = 'Lambda' | 'Callback'> extends StepBaseIR, Invocation {
  kind: K;
  /** FunctionArn or SqsQueueUrl. */
  target: Expr;
}

/** A Lambda or Callback argument and a wired input would both be written under one name. */
function checkInvocationSection(step: StepType, section: 'lambda' | 'callback', args: Record<string, unknown>, bag: DiagnosticBag): void {
  for (const name of Object.keys(args)) {
    if (hasOwn(step.doc.inputs, name)) bag.report('PLC5026', step.source.locate([section, 'arguments', name], 'key'), { step: step.doc.name, name, section });
  }
}

/** Undefined when the node cannot be lowered (the reason is reported). */
function lowerInvocation(node: WiredNode, section: 'lambda' | 'callback', args: Arguments, context: LoweringContext): Invocation | undefined {
  const step = node.step.doc;
  if (node.doc.retry?.length) {
    context.bag.report('PLC5022', context.pipeline.source.locate(['nodes', node.id, 'retry'], 'key'), { node: node.id, kind: step.sagemaker });
    return undefined;
  }
  const bound: [string, Value][] = [];
  let ok = true;
  for (const [key, raw] of Object.entries(args)) {
    if (context.leftOut(node, raw)) continue;
    const value = context.bind(node, raw, [section, 'arguments', key]);
    if (value) bound.push([key, value]);
    else ok = false;
  }
  // Wired inputs follow, under their port names (PLC5026 keeps the two apart); unbound optional ones are left out.
  const wired = Object.keys(step.inputs ?? {}).filter((port) => node.inputs.has(port)).map((port): [string, Value] => [port, node.inputs.get(port)!.location]);
  const outputs = Object.entries(step.outputs ?? {}).map(([name, spec]) => ({ name, type: spec.outputType ?? 'String' }));
  return ok ? { arguments: [...bound, ...wired], outputs } : undefined;
}

/**
 * FunctionArn and SqsQueueUrl are plain strings in the definition (the SDK writes them so, and the
 * service takes no expression there): a binding must resolve to text known when plc builds.
 */
function lowerTarget(node: WiredNode, raw: unknown, path: DataPath, context: LoweringContext): Expr | undefined {
  const expr = context.typed(node, raw, path, 'string');
  if (!expr || expr.kind === 'literal') return expr;
  const shown = expr.kind === 'parameter' ? `parameter ${expr.name}` : expr.kind === 'execution' ? `execution variable ${expr.name}` : 'a value known only at run time';
  context.bag.report('PLC0101', node.step.source.locate(path), { where: `"${path.join('.')}" (for node "${node.id}", ${shown})`, expected: 'a plain string, not a pipeline parameter or execution variable' });
  return undefined;
}

/**
 * A kind whose step invokes a target with the arguments as its message and returns output
 * parameters: the section names the target under `key`, the definition beside Arguments under
 * `member` (the SDK writes both there, then OutputParameters).
 */
export function invocationKind<K extends 'Lambda' | 'Callback'>(name: K, section: 'lambda' | 'callback', target: { key: string; member: string }, scaffold: StepTemplate): StepKind<InvocationStepIR<K>> {
  const sectionOf = (step: StepType) => step.doc[section] as (Record<string, unknown> & { arguments?: Arguments }) | undefined;
  return {
    name,
    scaffold,
    sections: [section, 'inputs', 'outputs'],
    requires: [section],
    jobSettings: [],
    portOptions: { inputs: {}, outputs: {} },
    outputs: { parameters: true },
    properties: ['OutputParameters'],
    check(step, bag) {
      const settings = sectionOf(step);
      if (settings) checkInvocationSection(step, section, settings.arguments ?? {}, bag);
    },
    outputLocation: (step, port) => property(step, `OutputParameters['${port}']`),
    lower(node, base, context) {
      const settings = sectionOf(node.step);
      if (!settings) return undefined; // reported by the step checks (PLC0103)
      const lowered = lowerTarget(node, settings[target.key], [section, target.key], context);
      const invocation = lowerInvocation(node, section, settings.arguments ?? {}, context);
      return lowered && invocation ? { kind: name, ...base, target: lowered, ...invocation } : undefined;
    },
    /** The function's event or the queue message: the arguments as they are. */
    arguments: (step) => Object.fromEntries(step.arguments.map(([key, value]) => [key, renderValue(value)])),
    members: (step) => ({
      [target.member]: renderExpr(step.target),
      OutputParameters: step.outputs.map((o) => ({ OutputName: o.name, OutputType: o.type })),
    }),
  };
}
