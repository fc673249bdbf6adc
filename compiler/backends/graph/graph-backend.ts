// The pipeline's graph for people: Mermaid (renders in GitHub and most Markdown viewers) first,
// then Graphviz DOT, and the DOT laid out as SVG and as a self-contained HTML page. All are drawn
// from the same graph model.
import type { Backend } from '../backend.js';
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import { toHtml, toSvg } from './svg.js';
import { pipelineGraph } from './pipeline-graph.js';

export const graphBackend: Backend = {
  emit: (ir) => {
    const graph = pipelineGraph(ir);
    const dot = toDot(graph);
    const svg = toSvg(dot);
    return [
      { name: `${ir.name}.mmd`, contents: toMermaid(graph) },
      { name: `${ir.name}.dot`, contents: dot },
      { name: `${ir.name}.svg`, contents: svg },
      { name: `${ir.name}.html`, contents: toHtml(ir.name, svg) },
    ];
  },
};
