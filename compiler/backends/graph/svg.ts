// The pipeline graph drawn as SVG, and as one self-contained HTML page around it, by Graphviz
// compiled to WebAssembly (@viz-js/viz: no external tool, nothing downloaded). The layout is the
// DOT of dot.ts, so every format shows the same graph. Graphviz's wasm loads asynchronously: it is
// started when this module loads (the graph backend loads only when asked for), so rendering is
// synchronous like every backend's emit.
import { instance } from '@viz-js/viz';

const viz = await instance();

export function toSvg(dot: string): string {
  const result = viz.render(dot, { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') throw new Error(`Graphviz could not lay out the graph: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.output;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One page that needs nothing else: the SVG inline, a title, and styles for reading it. */
export function toHtml(title: string, svg: string): string {
  const inline = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — plc graph</title>
<style>
  body { margin: 1.5rem; font-family: Helvetica, Arial, sans-serif; }
  h1 { font-size: 1.2rem; font-weight: normal; }
  svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>Pipeline <strong>${escapeHtml(title)}</strong></h1>
${inline}</body>
</html>
`;
}
