// Condition and fail nodes: conditions, operands and messages compiled to IR steps, with the
// nodes each one reads (for the graph checks). Operands may be literals, ${params.*},
// ${execution.*}, ${steps.<node>.<property>} and { jsonGet: [<node>.<output>, <path>] }.
import type { Condition, Operand } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { isExpr, literal, type Expr } from '../ir/expr.js';
import type { ConditionIR, ConditionStepIR, FailStepIR } from '../ir/pipeline.js';
import { interpolate, type ReferenceResolver } from '../interpolation/interpolate.js';
import { unknownReference } from '../bind/scopes.js';
import { stepPropertyReferences } from '../bind/step-property-references.js';
import type { DataPath } from '../source/source-file.js';
import type { ControlNode, WiredPipeline } from '../stages.js';

/** A control node's step, still without its branch steps (see branches.ts). */
export interface ControlStep {
  node: ControlNode;
  step: ConditionStepIR | FailStepIR;
  /** Ids of the nodes its operands or message read. */
  reads: Set<string>;
}

const comparisons = {
  equal: 'Equals',
  greaterThan: 'GreaterThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThan: 'LessThan',
  lessThanOrEqual: 'LessThanOrEqualTo',
} as const;

export function compileControls(pipeline: WiredPipeline, bag: DiagnosticBag): ControlStep[] {
  const stepNodes = new Map(pipeline.wired.map((n) => [n.id, n]));
  const references = stepPropertyReferences(pipeline, bag);
  const { source } = pipeline;
  const result: ControlStep[] = [];

  for (const node of pipeline.controls) {
    const reads = new Set<string>();
    const at = (path: DataPath) => source.locate(path);

    /** `${steps.<node>.<property>}`: a step node's property, or a condition's Outcome. */
    const stepsReference: ReferenceResolver = (namespace, name, site) => {
      if (namespace === 'params' || namespace === 'execution' || namespace === 'pipeline') return pipeline.scope(namespace, name, site);
      if (namespace !== 'steps') return unknownReference(namespace, site, bag, ['params', 'execution', 'pipeline.name', 'steps']);
      return references.property(name, site, reads, node.id);
    };

    const compileString = (text: string, path: DataPath): Expr | undefined => {
      const value = interpolate(text, { source, path }, stepsReference, bag);
      return value && isExpr(value) ? value : undefined;
    };

    const operand = (raw: Operand, path: DataPath): Expr | undefined => {
      if (typeof raw === 'number' || typeof raw === 'boolean') return literal(raw);
      if (typeof raw === 'string') return compileString(raw, path);
      return references.jsonGet(raw.jsonGet, { source, path: [...path, 'jsonGet'] }, reads, node.id);
    };

    /** Operands whose types are known at build time must be of one kind: numbers, strings or booleans. */
    const comparable = (left: Expr, right: Expr, path: DataPath): boolean => {
      const [a, b] = [staticType(left), staticType(right)];
      if (a === undefined || b === undefined || a === b) return true;
      bag.report('PLC5032', at(path), { node: node.id, left: describeOperand(left), leftType: a, right: describeOperand(right), rightType: b });
      return false;
    };

    /** The conjuncts a condition stands for; allOf flattens, not of several becomes an or of nots. */
    const conjuncts = (raw: Condition, path: DataPath): ConditionIR[] | undefined => {
      const [key, value] = Object.entries(raw)[0] as [keyof Condition, unknown];
      const here = [...path, key];
      if (key in comparisons) {
        const [left, right] = (value as [Operand, Operand]).map((o, i) => operand(o, [...here, i]));
        if (!left || !right || !comparable(left, right, [...here, 1])) return undefined;
        return [{ kind: 'compare', op: comparisons[key as keyof typeof comparisons], left, right }];
      }
      if (key === 'in') {
        const [query, candidates] = value as [Operand, Operand[]];
        const q = operand(query, [...here, 0]);
        const values = candidates.map((c, i) => operand(c, [...here, 1, i]));
        if (!q || !values.every((v): v is Expr => v !== undefined)) return undefined;
        return values.every((v, i) => comparable(q, v, [...here, 1, i])) ? [{ kind: 'in', query: q, values }] : undefined;
      }
      if (key === 'not') {
        const inner = conjuncts(value as Condition, here);
        if (!inner) return undefined;
        return inner.length === 1 ? [{ kind: 'not', condition: inner[0]! }] : [{ kind: 'or', conditions: inner.map((c) => ({ kind: 'not', condition: c })) }];
      }
      const parts = (value as Condition[]).map((c, i) => conjuncts(c, [...here, i]));
      if (!parts.every((p): p is ConditionIR[] => p !== undefined)) return undefined;
      if (key === 'allOf') return parts.flat();
      const tooWide = parts.findIndex((p) => p.length > 1);
      if (tooWide >= 0) {
        bag.report('PLC5031', at([...here, tooWide]), { node: node.id });
        return undefined;
      }
      return [{ kind: 'or', conditions: parts.map((p) => p[0]!) }];
    };

    const path = ['nodes', node.id];
    let body: Pick<ConditionStepIR, 'kind' | 'conditions' | 'ifSteps' | 'elseSteps'> | Pick<FailStepIR, 'kind' | 'errorMessage'> | undefined;
    if (node.kind === 'Fail') {
      const errorMessage = compileString(node.doc.fail!, [...path, 'fail']);
      if (errorMessage) body = { kind: 'Fail', errorMessage };
    } else {
      const written = node.doc.condition!;
      const list = Array.isArray(written) ? written.map((c, i) => conjuncts(c, [...path, 'condition', i])) : [conjuncts(written, [...path, 'condition'])];
      if (list.every((c): c is ConditionIR[] => c !== undefined)) body = { kind: 'Condition', conditions: list.flat(), ifSteps: [], elseSteps: [] };
    }
    if (!body) continue;
    // As for step nodes, an after: node whose data is read needs no DependsOn; after: a control
    // node is an error (PLC6004, PLC6007), so only step nodes remain.
    const dependsOn = [...new Set(node.doc.after ?? [])].filter((id) => !reads.has(id)).map((id) => stepNodes.get(id)?.stepName).filter((n): n is string => n !== undefined);
    const base = {
      name: node.stepName,
      ...(node.doc.displayName !== undefined ? { displayName: node.doc.displayName } : {}),
      ...(node.doc.description !== undefined ? { description: node.doc.description } : {}),
      dependsOn,
      retry: [],
    };
    result.push({ node, reads, step: { ...base, ...body } as ConditionStepIR | FailStepIR });
  }
  return result;
}

/** What an operand is when the pipeline runs, where the build can tell (a property file's values it cannot). */
function staticType(expr: Expr): 'number' | 'string' | 'boolean' | undefined {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value as 'number' | 'string' | 'boolean';
    case 'parameter':
      return expr.type === 'String' ? 'string' : expr.type === 'Boolean' ? 'boolean' : 'number';
    case 'execution':
    case 'join':
      return 'string';
    case 'property':
      return expr.type === undefined ? undefined : expr.type === 'String' ? 'string' : expr.type === 'Boolean' ? 'boolean' : 'number';
    case 'jsonGet':
      return undefined;
  }
}

function describeOperand(expr: Expr): string {
  if (expr.kind === 'literal') return JSON.stringify(expr.value);
  if (expr.kind === 'parameter') return `parameter ${expr.name}`;
  if (expr.kind === 'execution') return `execution variable ${expr.name}`;
  if (expr.kind === 'property') return `Steps.${expr.step}.${expr.path}`;
  return 'an interpolated string';
}
