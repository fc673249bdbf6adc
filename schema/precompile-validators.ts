// `npm run build` step: compiles the pipeline, step and config schemas into one CommonJS module
// of standalone ajv validators (dist/schema/validators.cjs), loaded by validate-document.ts, so a
// run does not generate validator code for the large document schemas.
import { writeFileSync } from 'node:fs';
import standalone from 'ajv/dist/standalone/index.js';
import { createAjv, loadSchema, schemaFiles } from '../compiler/validate/validate-document.js';
import { precompiledValidatorsPath } from './paths.js';

const ajv = createAjv({ code: { source: true } });
const exports: Record<string, string> = {};
for (const kind of Object.keys(schemaFiles) as (keyof typeof schemaFiles)[]) {
  const schema = loadSchema(kind);
  ajv.addSchema(schema);
  exports[kind] = schema['$id'] as string;
}
// ajv's standalone module is CommonJS with the function as its default export.
writeFileSync(precompiledValidatorsPath, standalone.default(ajv, exports));
