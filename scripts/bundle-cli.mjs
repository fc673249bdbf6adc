// Part of `npm run build`, last: bundles the command line (bin/plc.ts and what it imports, yaml,
// picomatch and tar included) with esbuild into dist/bin/plc.js, over tsc's module of the same
// name, so `bin` and every test that runs plc run the bundle. Loading ~200 ES modules one by one
// cost a cold run more than plc's own work (docs/performance.md). Code splitting keeps each
// command's code in its own chunk (dist/bin/bundle/), loaded only when that command runs.
// Left outside, and loaded from node_modules or dist/ at run time as before: the AWS SDK and
// viz.js (only deploy/run/status and SVG graphs need them), and what is loaded through
// createRequire by path or on demand (yargs, ajv, re2js, the precompiled validators, tree-sitter).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');
rmSync(join(outdir, 'bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { plc: 'bin/plc.ts' },
  outdir,
  chunkNames: 'bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@aws-sdk/*', '@viz-js/viz'],
  // The CommonJS modules in the bundle (yaml's) call require() for Node's own modules.
  banner: { js: "import { createRequire as __plcCreateRequire } from 'node:module';\nconst require = __plcCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
