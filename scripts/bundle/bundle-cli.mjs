// Part of `npm run build`, last: bundles the command line (bin/plc.ts and what it imports, yaml,
// picomatch and tar included) with esbuild into dist/bin/plc.js, over tsc's module of the same
// name, so `bin` and every test that runs plc run the bundle. Loading ~200 ES modules one by one
// cost a cold run more than plc's own work (docs/performance.md). Code splitting keeps each
// command's code in its own chunk (dist/bin/bundle/), loaded only when that command runs.
// Left outside, and loaded from node_modules or dist/ at run time as before: the AWS SDK and
// viz.js (only deploy/run/status and SVG graphs need them), and what is loaded through
// createRequire by path or on demand (ajv, re2js, the precompiled validators, tree-sitter).
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outdir = join(root, 'dist', 'bin');
const yargsFolder = dirname(createRequire(import.meta.url).resolve('yargs/package.json'));
rmSync(join(outdir, 'bundle'), { recursive: true, force: true });
const { metafile } = await build({
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
  // The CommonJS modules in the bundle (yaml's, yargs') call require() for Node's own modules, and
  // cannot read import.meta (see yargsEdits).
  banner: { js: "import { createRequire as __plcCreateRequire } from 'node:module';\nconst __plcChunkUrl = import.meta.url;\nconst require = __plcCreateRequire(__plcChunkUrl);" },
  // Shorter text to compile; names are kept, so --debug's stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [yargsEdits(), yargsAssert()],
  metafile: true,
  logLevel: 'warning',
});
// yargs reads its locales next to the chunk it is bundled into (see yargsEdits), one chunk of
// its own since bin/run-cli.ts imports it only past the prerendered answers.
const yargsChunks = Object.entries(metafile.outputs).filter(([, output]) => Object.keys(output.inputs).some((input) => input.endsWith('yargs/build/index.cjs')));
if (yargsChunks.length !== 1 || yargsChunks[0][0] === 'dist/bin/plc.js') throw new Error(`bundle-cli: yargs should be bundled into one chunk of its own, not ${yargsChunks.map(([name]) => name).join(', ') || 'none'}`);
cpSync(join(yargsFolder, 'locales'), join(root, dirname(yargsChunks[0][0]), 'yargs-locales'), { recursive: true });

/**
 * Two edits to yargs' CommonJS build. It finds its message translations (for LANG) next to its own
 * file, from __dirname, which a bundle does not have: they are copied next to its chunk,
 * dist/bin/bundle/yargs-locales/ (asking Node where the yargs package is costs more than the rest
 * of yargs' start). The text replaced is checked, so a yargs release that words it differently
 * fails the build rather than the help.
 */
function yargsEdits() {
  const original = 're(__dirname,"../locales")';
  // Before running a command's handler yargs renders that command's help, in case the handler asks
  // for it after the parse (showHelp); plc's handlers never do, and its failure handler prints no
  // help, so the text was laid out on every run for nothing (about 15 ms, docs/performance.md).
  const helpCaching = 't||r.getInternalMethods().getUsageInstance().cacheHelpMessage(),';
  return {
    name: 'yargs-edits',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]index\.cjs$/ }, ({ path }) => {
        const text = readFileSync(path, 'utf8');
        if (!text.includes(original)) throw new Error(`bundle-cli: ${path} no longer reads its locales as ${original}`);
        if (!text.includes(helpCaching)) throw new Error(`bundle-cli: ${path} no longer caches the help text as ${helpCaching}`);
        return { contents: text.replace(original, 're(require("node:url").fileURLToPath(__plcChunkUrl),"../yargs-locales")').replace(helpCaching, ''), loader: 'js' };
      });
    },
  };
}

/** yargs' two uses of node:assert, which loads only when one fails (assert-when-failing.cjs). */
function yargsAssert() {
  return {
    name: 'yargs-assert',
    setup(builder) {
      builder.onResolve({ filter: /^assert$/ }, ({ importer }) => (/[\\/]yargs[\\/]build[\\/]/.test(importer) ? { path: join(here, 'assert-when-failing.cjs') } : undefined));
    },
  };
}
