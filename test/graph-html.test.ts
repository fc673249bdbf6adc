// plc graph --format html draws the pipeline without external tools: the page is opened in
// headless Chromium (Debian's chromium; .ci/run installs it), and every node's name and detail and
// every edge's label must be laid out as visible text inside the drawing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pipelineGraph } from '../compiler/backends/graph/pipeline-graph.js';
import { available, compile, runPlcInProcess, tempDir } from './support/helpers.js';

const chromium = '/usr/bin/chromium';

/** After layout, each <text> of the drawing with whether it has a size and lies inside the SVG. */
const probe = `<script>
window.addEventListener('load', () => {
  const svg = document.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map((t) => {
    const r = t.getBoundingClientRect();
    const inside = r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    return { text: t.textContent, drawn: r.width > 0 && r.height > 0 && inside && getComputedStyle(t).visibility !== 'hidden' };
  });
  const out = document.createElement('pre');
  out.id = 'plc-probe';
  out.textContent = JSON.stringify(texts);
  document.body.append(out);
});
</script>`;

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

for (const example of ['examples/xgboost-e2e.pipeline.yaml', 'examples/tabular-xgboost.pipeline.yaml']) {
  test(`plc graph --format html: ${example} opened in headless Chromium shows every node and edge label`, async () => {
    if (!available(existsSync(chromium), 'Chromium', 'apt-get install chromium')) return;
    const page = await runPlcInProcess(['graph', example, '--format', 'html']);
    assert.is(page.status, 0, page.stderr);
    assert.match(page.stdout, /^<!DOCTYPE html>/);
    assert.not.match(page.stdout, /<script|<link|src=|href="http/, 'self-contained: no script, stylesheet or image from elsewhere');
    const file = join(tempDir(), 'graph.html');
    writeFileSync(file, page.stdout.replace('</body>', `${probe}</body>`));
    const browser = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--dump-dom', pathToFileURL(file).href], { encoding: 'utf8', timeout: 120_000 });
    assert.is(browser.status, 0, browser.stderr);
    const probed = /<pre id="plc-probe">(.*?)<\/pre>/s.exec(browser.stdout)?.[1];
    assert.ok(probed, `the page loaded and laid out: ${browser.stdout.slice(0, 500)}`);
    const texts = JSON.parse(unescape(probed!)) as { text: string; drawn: boolean }[];
    const drawn = new Set(texts.filter((t) => t.drawn).map((t) => t.text));

    const graph = pipelineGraph(compile(example).ir!);
    const expected = [
      ...graph.nodes.flatMap((node) => [node.name, node.detail]),
      ...graph.edges.flatMap((edge) => (edge.kind === 'then' || edge.kind === 'else' ? [edge.kind] : edge.labels)),
    ];
    assert.ok(expected.length > graph.nodes.length * 2 - 1, 'the graph has edge labels to look for');
    for (const label of expected) assert.ok(drawn.has(label), `"${label}" is drawn; drawn: ${[...drawn].join(' | ')}`);
  });
}

test('plc graph --format svg writes what the graph backend emits; -o FILE.html picks HTML', async () => {
  const svg = await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml', '--format', 'svg']);
  assert.is(svg.status, 0, svg.stderr);
  assert.match(svg.stdout, /<svg width="\d+pt"/);
  const out = join(tempDir(), 'g.html');
  assert.is((await runPlcInProcess(['graph', 'examples/xgboost-e2e.pipeline.yaml', '-o', out])).status, 0);
  assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>[\s\S]*<svg /);
});

test.run();
