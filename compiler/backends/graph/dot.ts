// A pipeline graph as Graphviz DOT. Nodes are identified by their quoted step names.
import type { GraphEdge, GraphNode, PipelineGraph } from './pipeline-graph.js';

/**
 * A DOT quoted string. Backslashes are doubled so that text like `\n` or `\N` stays text
 * instead of becoming a Graphviz escape; line breaks in the text become centred `\n` breaks.
 */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

const shapes: Record<GraphNode['shape'], string> = { job: '', condition: ', shape=diamond, style=""', fail: ', shape=octagon, style=""' };

function edgeAttributes(edge: GraphEdge): string {
  if (edge.kind === 'then' || edge.kind === 'else') return ` [label=${dotString(edge.kind)}]`;
  const style = edge.kind === 'order' ? ['style=dashed'] : [];
  const label = edge.labels.length > 0 ? [`label=${dotString(edge.labels.join('\n'))}`] : [];
  const attributes = [...label, ...style];
  return attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
}

export function toDot(graph: PipelineGraph): string {
  const lines = [
    `digraph ${dotString(graph.name)} {`,
    '  rankdir=TB;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const node of graph.nodes) {
    lines.push(`  ${dotString(node.name)} [label=${dotString(`${node.name}\n${node.detail}`)}${shapes[node.shape]}];`);
  }
  for (const edge of graph.edges) lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${edgeAttributes(edge)};`);
  return lines.join('\n') + '\n}\n';
}
