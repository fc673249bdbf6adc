// `npm run generate:docs`: writes docs/diagnostics.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../schema/paths.js';
import { renderDiagnosticsReference } from './reference.js';

writeFileSync(join(packageRoot, 'docs', 'diagnostics.md'), renderDiagnosticsReference());
