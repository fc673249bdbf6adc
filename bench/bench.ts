// `npm run bench`: the cost of plc's commands as ratios to starting Node (`node -e 0`), measured
// side by side: every round runs each case right after its own `node -e 0`, the cases alternate,
// and the table shows the median over rounds of each pair's ratio. Only ratios measured in one
// run mean anything on a shared machine; absolute times are printed for orientation.
//   npm run bench                 7 rounds (the figures in docs/performance.md)
//   npm run bench -- --runs 3     fewer rounds while working
//   npm run bench -- --only 500   only the cases whose name contains "500"
//   npm run bench -- --compare ../old/dist/bin/plc.js
//                                 each plc case also run with another build of plc, side by side
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../schema/paths.js';
import { generatePipeline } from './generate-pipeline.js';

interface Case {
  name: string;
  argv: string[];
  cwd: string;
}

interface Sample {
  cpu: number;
  wall: number;
  rssKiB: number;
  exit: number;
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, only: { type: 'string' }, compare: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: --runs must be a positive integer, not ${values.runs}`);

const plc = join(packageRoot, 'dist/bin/plc.js');
const flagship = 'examples/xgboost-e2e.pipeline.yaml';
const work = mkdtempSync(join(tmpdir(), 'plc-bench-'));
const node = (...args: string[]): string[] => [process.execPath, ...args];

const cases: Case[] = [
  { name: 'plc --help', argv: node(plc, '--help'), cwd: packageRoot },
  { name: 'plc check flagship', argv: node(plc, 'check', flagship), cwd: packageRoot },
  { name: 'plc build flagship', argv: node(plc, 'build', flagship), cwd: packageRoot },
  { name: 'plc schema -p flagship', argv: node(plc, 'schema', '-p', flagship), cwd: packageRoot },
];
for (const size of [50, 500, 5000]) {
  const file = join(work, `generated-${size}.pipeline.yaml`);
  writeFileSync(file, generatePipeline(size));
  cases.push({ name: `plc check ${size} nodes`, argv: node(plc, 'check', file), cwd: work });
}
const cfnLint = findCfnLint();
if (cfnLint) {
  const template = join(work, 'xgboost-e2e.template.json');
  const built = spawnSync(process.execPath, [plc, 'build', flagship, '--backend', 'cloudformation', '-o', template], { cwd: packageRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bench: building the CloudFormation template failed:\n${built.stderr}`);
  cases.push({ name: 'cfn-lint flagship template', argv: [cfnLint, template], cwd: work });
}
// With --compare, each plc case is followed by the same case run with the other build.
const compared = (c: Case): Case[] => (values.compare === undefined || c.argv[1] !== plc ? [] : [{ ...c, name: `${c.name} (compared)`, argv: [c.argv[0]!, resolve(values.compare), ...c.argv.slice(2)] }]);
const selected = cases.flatMap((c) => [c, ...compared(c)]).filter((c) => values.only === undefined || c.name.includes(values.only));

// Round by round, each case paired with a baseline run just before it.
const baseline: Case = { name: 'node -e 0', argv: node('-e', '0'), cwd: packageRoot };
const plan = Array.from({ length: runs }, () => selected.flatMap((c) => [baseline, c])).flat();
const measured = spawnSync('python3', [join(packageRoot, 'bench/measure.py')], { input: JSON.stringify(plan), encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
rmSync(work, { recursive: true, force: true });
if (measured.status !== 0) throw new Error('bench: bench/measure.py failed');
const samples = JSON.parse(measured.stdout) as Sample[];

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rows = selected.map((c, i) => {
  const pairs = Array.from({ length: runs }, (_, round) => {
    const at = (round * selected.length + i) * 2;
    return { base: samples[at]!, run: samples[at + 1]! };
  });
  return {
    case: c.name,
    cpu: median(pairs.map((p) => p.run.cpu / p.base.cpu)),
    wall: median(pairs.map((p) => p.run.wall / p.base.wall)),
    cpuMs: median(pairs.map((p) => p.run.cpu)),
    wallMs: median(pairs.map((p) => p.run.wall)),
    rssMiB: Math.max(...pairs.map((p) => p.run.rssKiB)) / 1024,
    exits: [...new Set(pairs.map((p) => p.run.exit))].join(','),
  };
});
const base = { cpuMs: median(samples.filter((_, i) => i % 2 === 0).map((s) => s.cpu)), wallMs: median(samples.filter((_, i) => i % 2 === 0).map((s) => s.wall)) };

const table = [
  ['case', 'CPU ×', 'wall ×', 'CPU ms', 'wall ms', 'peak RSS MiB', 'exit'],
  ['node -e 0', '1.0', '1.0', base.cpuMs.toFixed(0), base.wallMs.toFixed(0), (Math.max(...samples.filter((_, i) => i % 2 === 0).map((s) => s.rssKiB)) / 1024).toFixed(0), '0'],
  ...rows.map((r) => [r.case, r.cpu.toFixed(1), r.wall.toFixed(1), r.cpuMs.toFixed(0), r.wallMs.toFixed(0), r.rssMiB.toFixed(0), r.exits]),
];
const check5000 = rows.find((r) => r.case === 'plc check 5000 nodes');
const check500 = rows.find((r) => r.case === 'plc check 500 nodes');
const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
console.log(`Median of ${runs} paired rounds (ratios to node -e 0 run just before each case; ${selected.length} cases alternating).\n`);
for (const [r, row] of table.entries()) {
  console.log('| ' + row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join(' | ') + ' |');
  if (r === 0) console.log('|' + widths.map((w, col) => (col === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
}
if (check5000 && check500) console.log(`\n5,000 nodes / 500 nodes, CPU: ${(check5000.cpuMs / check500.cpuMs).toFixed(1)}`);

/** cfn-lint's own program (not a version manager's shim, whose start-up is not cfn-lint's cost). */
function findCfnLint(): string | undefined {
  const pyenv = spawnSync('pyenv', ['which', 'cfn-lint'], { encoding: 'utf8' });
  if (pyenv.status === 0) return pyenv.stdout.trim();
  const which = spawnSync('which', ['cfn-lint'], { encoding: 'utf8' });
  if (which.status === 0) return which.stdout.trim();
  console.error('bench: cfn-lint is not installed (pip install cfn-lint); its row is left out.');
  return undefined;
}
