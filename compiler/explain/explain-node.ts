// What `plc explain <pipeline> <node>` shows: a node's step type, job type, final config and the
// data options of its ports, each value with the layer and file:line that set it.
import { configSchemaOf } from '../bind/config-schema.js';
import type { Expr, Value } from '../ir/expr.js';
import { portOptionNames } from '../kinds/kind.js';
import type { Location, SourceFile } from '../source/source-file.js';
import { hasOwn, own } from '../util/own.js';
import type { BoundNode } from '../stages.js';

export interface ExplainedValue {
  field: string;
  /** The value as the user would write it, e.g. "label", 0.8 or "s3://b/${execution.PipelineExecutionId}". */
  value: string | undefined;
  layer: 'step default' | 'pipeline defaults' | 'node config' | 'derived' | 'unset';
  location?: Location;
}

/** A data option of one of the node's ports: the node's `ports:` over the step type's port. */
export interface ExplainedPortOption {
  /** `<port>.<option>`, e.g. "training_data.contentType". */
  option: string;
  value: string;
  layer: 'step type port' | 'node ports';
  location: Location;
}

export interface NodeExplanation {
  node: string;
  stepName: string;
  stepType: string;
  kind: string;
  jobType: string | undefined;
  config: ExplainedValue[];
  ports: ExplainedPortOption[];
}

export function explainNode(node: BoundNode, pipeline: SourceFile): NodeExplanation {
  const fields = Object.keys(configSchemaOf(node.step).fields);
  const config = fields.map((field): ExplainedValue => {
    const entry = node.config.get(field);
    if (!entry) return { field, value: undefined, layer: 'unset' };
    const { source, path } = entry.origin;
    const layer = path[0] === 'defaults' ? 'pipeline defaults' : path[0] === 'nodes' ? 'node config' : path.at(-1) === 'derived' ? 'derived' : 'step default';
    return { field, value: showValue(entry.value), layer, location: source.locate(path) };
  });
  return { node: node.id, stepName: node.stepName, stepType: node.step.doc.name, kind: node.step.doc.sagemaker, jobType: node.jobType, config, ports: explainPorts(node, pipeline) };
}

/** The data options set on the node's ports, as written, each where it was set (a ${config.*} binding's value is in config). */
function explainPorts(node: BoundNode, pipeline: SourceFile): ExplainedPortOption[] {
  return (['inputs', 'outputs'] as const).flatMap((direction) => Object.entries(node.step.doc[direction] ?? {}).flatMap(([port, spec]) => portOptionNames[direction].flatMap((option): ExplainedPortOption[] => {
    const override = own(node.doc.ports, port);
    const [raw, layer, location] = override !== undefined && hasOwn(override, option)
      ? [(override as Record<string, unknown>)[option], 'node ports' as const, pipeline.locate(['nodes', node.id, 'ports', port, option])]
      : [(spec as Record<string, unknown>)[option], 'step type port' as const, node.step.source.locate([direction, port, option])];
    return raw === undefined ? [] : [{ option: `${port}.${option}`, value: Array.isArray(raw) ? `[${raw.join(', ')}]` : JSON.stringify(raw), layer, location }];
  })));
}

function showExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      return String(expr.value);
    case 'parameter':
      return `\${params.${expr.name}}`;
    case 'execution':
      return `\${execution.${expr.name}}`;
    case 'property':
      return `\${steps.${expr.step}.${expr.path}}`;
    case 'join':
      return expr.values.map(showExpr).join(expr.on);
    case 'jsonGet':
      return `\${jsonGet(steps.${expr.step}.${expr.propertyFile}, ${expr.path})}`;
  }
}

function showValue(value: Value): string {
  if (value.kind === 'list') return `[${value.items.map(showValue).join(', ')}]`;
  if (value.kind === 'map') return `{ ${value.entries.map(([k, v]) => `${k}: ${showValue(v)}`).join(', ')} }`;
  return value.kind === 'literal' && typeof value.value !== 'string' ? String(value.value) : JSON.stringify(showExpr(value));
}

export function renderExplanation(explanation: NodeExplanation): string {
  const { node, stepName, stepType, kind, jobType, config, ports } = explanation;
  const lines = [`node ${node} → SageMaker step ${stepName}: ${stepType} (${kind})${jobType ? `, job type ${jobType}` : ''}`, '', 'config:'];
  const width = Math.max(...config.map((c) => c.field.length));
  const valueWidth = Math.min(48, Math.max(...config.map((c) => (c.value ?? '(unset)').length)));
  for (const entry of config) {
    const where = entry.location ? `  ${entry.location.file}:${entry.location.range.start.line}:${entry.location.range.start.column}` : '';
    lines.push(`  ${entry.field.padEnd(width)}  ${(entry.value ?? '(unset)').padEnd(valueWidth)}  ${entry.layer.padEnd(17)}${where}`.trimEnd());
  }
  if (ports.length > 0) {
    lines.push('', 'ports:');
    const optionWidth = Math.max(...ports.map((p) => p.option.length));
    const portValueWidth = Math.min(48, Math.max(...ports.map((p) => p.value.length)));
    for (const entry of ports) {
      const { file, range } = entry.location;
      lines.push(`  ${entry.option.padEnd(optionWidth)}  ${entry.value.padEnd(portValueWidth)}  ${entry.layer.padEnd(17)}  ${file}:${range.start.line}:${range.start.column}`);
    }
  }
  return lines.join('\n') + '\n';
}
