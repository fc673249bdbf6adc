// `npm run bench`: how long plc takes to build the bundled example — the CLI end to end (process
// start included) and the compiler alone once warm. Run before and after work on a hot path.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../schema/paths.js';
import { compilePipeline } from '../compiler/driver.js';

const example = join(packageRoot, 'examples/tabular-xgboost.pipeline.yaml');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const cli = time(10, () => spawnSync(process.execPath, [join(packageRoot, 'dist/bin/plc.js'), 'build', example], { stdio: 'ignore' }));
const first = time(1, () => compilePipeline(example, { cwd: packageRoot }));
const warm = time(50, () => compilePipeline(example, { cwd: packageRoot }));
console.log(`plc build (CLI, median of 10):       ${cli.toFixed(1)} ms`);
console.log(`compile, first in process:           ${first.toFixed(1)} ms`);
console.log(`compile, warm (median of 50):        ${warm.toFixed(1)} ms`);
