// A pipeline graph as a Mermaid flowchart. Node ids are generated (s1, s2, …) because step
// names may contain characters Mermaid reads as syntax; names appear only in quoted labels.
import type { GraphEdge, GraphNode, PipelineGraph } from './pipeline-graph.js';

/**
 * Text for a quoted Mermaid label. Mermaid decodes `#<code>;` entities, so every character that
 * could end the label, start markup or an entity is written as one (`#` first, so the entities
 * written here are not escaped again); line breaks become <br/>.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[#"&<>|`]/g, (c) => `#${c.charCodeAt(0)};`)
    .replace(/\r\n|\r|\n/g, '<br/>');
}

const shapes: Record<GraphNode['shape'], [string, string]> = { job: ['[', ']'], condition: ['{', '}'], fail: ['{{', '}}'] };

const arrows: Record<GraphEdge['kind'], string> = { data: '-->', order: '-.->', then: '-->', else: '-->' };

function edgeLabel(edge: GraphEdge): string[] {
  return edge.kind === 'then' || edge.kind === 'else' ? [edge.kind] : edge.labels;
}

export function toMermaid(graph: PipelineGraph): string {
  const ids = new Map(graph.nodes.map((node, i) => [node.name, `s${i + 1}`]));
  const lines = ['---', `title: ${JSON.stringify(graph.name)}`, '---', 'flowchart TD'];
  for (const node of graph.nodes) {
    const [open, close] = shapes[node.shape];
    lines.push(`  ${ids.get(node.name)}${open}"${mermaidText(node.name)}<br/>${mermaidText(node.detail)}"${close}`);
  }
  for (const edge of graph.edges) {
    const labels = edgeLabel(edge);
    const label = labels.length > 0 ? `|"${labels.map(mermaidText).join('<br/>')}"|` : '';
    lines.push(`  ${ids.get(edge.from)} ${arrows[edge.kind]}${label} ${ids.get(edge.to)}`);
  }
  return lines.join('\n') + '\n';
}
