// Graph checks over ordering (after:) and data edges: a cycle is reported once, with its full path.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { WiredPipeline } from '../wire/wire-pipeline.js';

export function checkCycles(pipeline: WiredPipeline, bag: DiagnosticBag): void {
  const successors = new Map<string, string[]>();
  const addEdge = (from: string, to: string) => {
    if (!successors.has(from)) successors.set(from, []);
    successors.get(from)!.push(to);
  };
  for (const [id, node] of Object.entries(pipeline.doc.nodes)) {
    for (const before of node.after ?? []) if (before !== id && before in pipeline.doc.nodes) addEdge(before, id);
  }
  for (const edge of pipeline.edges) addEdge(edge.from.node, edge.to.node);

  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'active');
    stack.push(id);
    for (const next of successors.get(id) ?? []) {
      if (state.get(next) === 'active') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(pipeline.doc.nodes)) {
    if (state.has(id)) continue;
    const cycle = visit(id);
    if (cycle) {
      bag.report('PLC6001', pipeline.source.locate(['nodes', cycle[0]!], 'key'), { path: cycle.join(' → ') });
      return;
    }
  }
}
