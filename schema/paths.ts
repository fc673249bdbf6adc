// Where the package's own files live, whether run from the source tree or from dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('plc: cannot find its package root');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const schemaPath = (file: string): string => join(packageRoot, 'schema', file);
export const builtinStepsDir = join(packageRoot, 'steps');
/** The document validators precompiled by `npm run build` (schema/precompile-validators.ts), one module per kind. */
export const precompiledValidatorPath = (kind: string): string => join(packageRoot, 'dist', 'schema', 'validators', `${kind}.cjs`);
