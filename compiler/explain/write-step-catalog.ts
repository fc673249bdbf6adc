// `npm run generate:docs`: writes the step catalog in docs/steps/ from the built-in step types,
// removing pages of step types that are gone.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../schema/paths.js';
import { inspectLibrary } from '../inspect-library.js';
import { renderStepCatalog } from './step-catalog.js';

const folder = join(packageRoot, 'docs', 'steps');
const pages = renderStepCatalog([...inspectLibrary({ cwd: packageRoot }).library.steps.values()]);
mkdirSync(folder, { recursive: true });
for (const name of readdirSync(folder)) if (!pages.has(name)) rmSync(join(folder, name));
for (const [name, text] of pages) writeFileSync(join(folder, name), text);
