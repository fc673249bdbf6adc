// The pipeline's graph for people: Mermaid (renders in GitHub and most Markdown viewers) first,
// then Graphviz DOT. Both are drawn from the same graph model.
import type { Backend } from '../backend.js';
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import { pipelineGraph } from './pipeline-graph.js';

export const graphBackend: Backend = {
  emit: (ir) => {
    const graph = pipelineGraph(ir);
    return [
      { name: `${ir.name}.mmd`, contents: toMermaid(graph) },
      { name: `${ir.name}.dot`, contents: toDot(graph) },
    ];
  },
};
