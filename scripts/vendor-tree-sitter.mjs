// Part of `npm run build`: copies the tree-sitter runtime and its Python grammar — the only
// grammar plc parses — out of @vscode/tree-sitter-wasm (a devDependency, 22 MB of grammars) into
// dist/tree-sitter/, so the published package carries 0.8 MB instead of depending on all of them.
// The runtime is CommonJS, hence .cjs in this ES module package.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm'));
const target = join(root, 'dist', 'tree-sitter');
mkdirSync(target, { recursive: true });
copyFileSync(join(source, 'tree-sitter.js'), join(target, 'tree-sitter.cjs'));
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) copyFileSync(join(source, file), join(target, file));
copyFileSync(join(source, '..', 'LICENSE'), join(target, 'LICENSE'));
