// What Lambda and Callback steps share: Arguments from the kind section's bindings and the wired
// inputs, OutputParameters from the output ports, and no retry policies.
import type { Arguments } from '../../schema/types.generated.js';
import type { Expr, Value } from '../ir/expr.js';
import type { OutputParameterIR } from '../ir/pipeline.js';
import type { DataPath } from '../source/source-file.js';
import type { WiredNode } from '../wire/wire-pipeline.js';
import type { NodeBindings } from './context.js';

export interface Invocation {
  arguments: [string, Value][];
  outputs: OutputParameterIR[];
}

/** Undefined when the node cannot be lowered (the reason is reported). */
export function lowerInvocation(node: WiredNode, section: 'lambda' | 'callback', args: Arguments, bindings: NodeBindings): Invocation | undefined {
  const step = node.step.doc;
  if (node.doc.retry?.length) {
    bindings.bag.report('PLC5022', bindings.pipeline.source.locate(['nodes', node.id, 'retry'], 'key'), { node: node.id, kind: step.sagemaker });
    return undefined;
  }
  const bound: [string, Value][] = [];
  let ok = true;
  for (const [key, raw] of Object.entries(args)) {
    if (bindings.leftOut(node, raw)) continue;
    const value = bindings.bind(node, raw, [section, 'arguments', key]);
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
export function lowerTarget(node: WiredNode, raw: unknown, path: DataPath, bindings: NodeBindings): Expr | undefined {
  const expr = bindings.typed(node, raw, path, 'string');
  if (!expr || expr.kind === 'literal') return expr;
  const shown = expr.kind === 'parameter' ? `parameter ${expr.name}` : expr.kind === 'execution' ? `execution variable ${expr.name}` : 'a value known only at run time';
  bindings.bag.report('PLC0101', node.step.source.locate(path), { where: `"${path.join('.')}" (for node "${node.id}", ${shown})`, expected: 'a plain string, not a pipeline parameter or execution variable' });
  return undefined;
}
