// Graph checks over ordering (after:) and data edges: a cycle is reported once, with its full path;
// a node linked to no other node is reported as an orphan.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { ControlStep } from '../control/control-nodes.js';
import { hasOwn } from '../util/own.js';
import type { WiredPipeline } from '../stages.js';

/** What a condition or fail node adds to the graph: the nodes it reads run first; branches after it. */
export interface ControlLinks {
  controls: readonly ControlStep[];
  /** Branch node → its condition. */
  owners: ReadonlyMap<string, string>;
}

function controlEdges({ controls, owners }: ControlLinks): [string, string][] {
  return [
    ...controls.flatMap((c) => [...c.reads].map((read): [string, string] => [read, c.node.id])),
    ...[...owners].map(([member, condition]): [string, string] => [condition, member]),
  ];
}

/** A step node reading another step's properties or property files (in its config, inputs: or outputs:) runs after it. */
function readEdges(pipeline: WiredPipeline): [string, string][] {
  return pipeline.wired.flatMap((node) => [...node.reads].map((read): [string, string] => [read, node.id]));
}

export function checkCycles(pipeline: WiredPipeline, links: ControlLinks, bag: DiagnosticBag): void {
  const successors = new Map<string, string[]>();
  const addEdge = (from: string, to: string) => {
    if (!successors.has(from)) successors.set(from, []);
    successors.get(from)!.push(to);
  };
  for (const [id, node] of Object.entries(pipeline.doc.nodes)) {
    for (const before of node.after ?? []) if (before !== id && hasOwn(pipeline.doc.nodes, before)) addEdge(before, id);
  }
  for (const edge of pipeline.edges) addEdge(edge.from.node, edge.to.node);
  for (const [from, to] of readEdges(pipeline)) addEdge(from, to);
  for (const [from, to] of controlEdges(links)) addEdge(from, to);

  const cycle = findCycle(Object.keys(pipeline.doc.nodes), successors);
  if (cycle) bag.report('PLC6001', pipeline.source.locate(['nodes', cycle[0]!], 'key'), { path: cycle.join(' → ') });
}

/** Depth-first search with an explicit stack (pipelines may be long chains); the first cycle found. */
function findCycle(ids: readonly string[], successors: ReadonlyMap<string, string[]>): string[] | undefined {
  const state = new Map<string, 'active' | 'done'>();
  for (const root of ids) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const pending: number[] = [0];
    state.set(root, 'active');
    while (path.length > 0) {
      const id = path.at(-1)!;
      const next = (successors.get(id) ?? [])[pending.at(-1)!];
      if (next === undefined) {
        state.set(id, 'done');
        path.pop();
        pending.pop();
        continue;
      }
      pending[pending.length - 1]! += 1;
      if (state.get(next) === 'active') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        state.set(next, 'active');
        path.push(next);
        pending.push(0);
      }
    }
  }
  return undefined;
}

/**
 * A node with no after: link and no data edge in either direction, in a pipeline of several nodes.
 * Run only on a pipeline without errors: a broken wire would make both its ends look orphaned.
 */
export function checkOrphans(pipeline: WiredPipeline, links: ControlLinks, bag: DiagnosticBag): void {
  const ids = Object.keys(pipeline.doc.nodes);
  if (ids.length < 2) return;
  const linked = new Set<string>();
  for (const [id, node] of Object.entries(pipeline.doc.nodes)) {
    for (const before of node.after ?? []) {
      if (before === id || !hasOwn(pipeline.doc.nodes, before)) continue;
      linked.add(id).add(before);
    }
  }
  for (const edge of pipeline.edges) linked.add(edge.from.node).add(edge.to.node);
  for (const [from, to] of [...readEdges(pipeline), ...controlEdges(links)]) linked.add(from).add(to);
  for (const id of ids) if (!linked.has(id)) bag.report('PLC6003', pipeline.source.locate(['nodes', id], 'key'), { node: id });
}

/** The branches a node runs in, innermost first, as "<condition>.then" or "<condition>.else". */
function branchesOf(id: string, pipeline: WiredPipeline, owners: ReadonlyMap<string, string>): string[] {
  const chain: string[] = [];
  for (let current = id; owners.has(current) && chain.length <= owners.size; ) {
    const condition = owners.get(current)!;
    chain.push(`${condition}.${pipeline.doc.nodes[condition]!.then?.includes(current) ? 'then' : 'else'}`);
    current = condition;
  }
  return chain;
}

/**
 * A node that waits for (or reads) a step inside a condition branch it is not in runs only when
 * that branch is taken: SageMaker starts a step once all it depends on has finished.
 */
export function checkBranchDependencies(pipeline: WiredPipeline, links: ControlLinks, bag: DiagnosticBag): void {
  const dependencies = new Set<string>();
  for (const [id, node] of Object.entries(pipeline.doc.nodes)) for (const before of node.after ?? []) dependencies.add(`${before}\n${id}`);
  for (const edge of pipeline.edges) dependencies.add(`${edge.from.node}\n${edge.to.node}`);
  for (const [read, id] of readEdges(pipeline)) dependencies.add(`${read}\n${id}`);
  for (const control of links.controls) for (const read of control.reads) dependencies.add(`${read}\n${control.node.id}`);
  for (const pair of [...dependencies].sort()) {
    const [dependency, id] = pair.split('\n') as [string, string];
    const [branch] = branchesOf(dependency, pipeline, links.owners);
    if (branch === undefined || !hasOwn(pipeline.doc.nodes, id) || branchesOf(id, pipeline, links.owners).includes(branch)) continue;
    bag.report('PLC6008', pipeline.source.locate(['nodes', id], 'key'), { node: id, dependency, branch });
  }
}
