// `npm run generate:docs`: writes schema/pipeline.builtin.schema.json, the pipeline schema that
// knows the built-in step catalog, for pipelines with no generated schema of their own (examples/,
// and a modeline into node_modules). Step names stay open there, so a project's own step types
// are not flagged; test/editor-schema.test.ts checks the file is current.
import { writeFileSync } from 'node:fs';
import { builtinSchemaText } from './project-schema.js';
import { schemaPath } from '../../schema/paths.js';

writeFileSync(schemaPath('pipeline.builtin.schema.json'), builtinSchemaText());
