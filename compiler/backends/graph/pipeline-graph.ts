// The pipeline as a drawing-neutral graph: one node per step (branch steps included), data edges
// labelled with port names, DependsOn ordering edges, and a condition's then/else edges. The
// Mermaid and DOT writers only format it. Everything follows the IR's order, so the same IR
// always gives the same graph.
import type { DataEdgeIR, PipelineIR, StepIR } from '../../ir/pipeline.js';
import { stepReferences } from './step-references.js';

export interface GraphNode {
  name: string;
  /** The plc step type and job type when the IR knows them, else the SageMaker step kind. */
  detail: string;
  shape: 'job' | 'condition' | 'fail';
}

export interface GraphEdge {
  from: string;
  to: string;
  /** data: one step reads another's output; order: DependsOn; then/else: a condition's branches. */
  kind: 'data' | 'order' | 'then' | 'else';
  /** Ports (`output → input`, or one name when both match) and property files; empty when the IR names none. */
  labels: string[];
}

export interface PipelineGraph {
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Depth first: each step, then its if-branch and else-branch steps. */
const flatten = (steps: readonly StepIR[]): StepIR[] =>
  steps.flatMap((step) => [step, ...(step.kind === 'Condition' ? flatten([...step.ifSteps, ...step.elseSteps]) : [])]);

function detailOf(step: StepIR): string {
  if (!step.origin) return step.kind;
  return step.origin.jobType === undefined ? step.origin.stepType : `${step.origin.stepType} · ${step.origin.jobType}`;
}

const shapeOf = (step: StepIR): GraphNode['shape'] => (step.kind === 'Condition' ? 'condition' : step.kind === 'Fail' ? 'fail' : 'job');

export function pipelineGraph(ir: PipelineIR): PipelineGraph {
  const steps = flatten(ir.steps);
  const known = new Set(steps.map((step) => step.name));
  const feeding = new Map<string, DataEdgeIR[]>();
  for (const edge of ir.edges ?? []) {
    if (!feeding.has(edge.to.step)) feeding.set(edge.to.step, []);
    feeding.get(edge.to.step)!.push(edge);
  }
  const edges = new Map<string, GraphEdge>();
  const add = (kind: GraphEdge['kind'], from: string, to: string, label?: string): void => {
    if (!known.has(from) || from === to) return; // a reference the IR cannot resolve draws nothing
    const key = JSON.stringify([kind, from, to]);
    const edge = edges.get(key) ?? { from, to, kind, labels: [] };
    if (label !== undefined && !edge.labels.includes(label)) edge.labels.push(label);
    edges.set(key, edge);
  };
  for (const step of steps) {
    for (const { from, to } of feeding.get(step.name) ?? []) add('data', from.step, step.name, from.port === to.port ? to.port : `${from.port} → ${to.port}`);
    for (const reference of stepReferences(step)) add('data', reference.step, step.name, reference.propertyFile);
    for (const before of step.dependsOn) add('order', before, step.name);
    if (step.kind === 'Condition') {
      for (const branch of step.ifSteps) add('then', step.name, branch.name);
      for (const branch of step.elseSteps) add('else', step.name, branch.name);
    }
  }
  return { name: ir.name, nodes: steps.map((step) => ({ name: step.name, detail: detailOf(step), shape: shapeOf(step) })), edges: [...edges.values()] };
}
