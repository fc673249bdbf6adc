// `npm run build` step: compiles the pipeline, step and config schemas into standalone ajv
// validators, one CommonJS module per kind (dist/schema/validators/<kind>.cjs), loaded by
// validate-document.ts, so a run does not generate validator code for the large document schemas
// and compiles only the validators of the kinds it reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import standalone from 'ajv/dist/standalone/index.js';
import { createAjv, loadSchema, schemaFiles } from '../compiler/validate/validate-document.js';
import { precompiledValidatorPath } from './paths.js';

const ajv = createAjv({ code: { source: true } });
const kinds = Object.keys(schemaFiles) as (keyof typeof schemaFiles)[];
const ids = new Map(kinds.map((kind) => {
  const schema = loadSchema(kind);
  ajv.addSchema(schema);
  return [kind, schema['$id'] as string];
}));
for (const [kind, id] of ids) {
  mkdirSync(dirname(precompiledValidatorPath(kind)), { recursive: true });
  // ajv's standalone module is CommonJS, here with one export named after the kind.
  writeFileSync(precompiledValidatorPath(kind), standalone.default(ajv, { [kind]: id }));
}
