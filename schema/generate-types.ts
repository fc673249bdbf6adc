// Generates schema/types.generated.ts from the JSON Schemas, which are the single source of truth.
// `npm run generate:types` writes the file; test/schema-types.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { schemaPath } from './paths.js';

const banner = '/* Generated from schema/*.schema.json by `npm run generate:types`. Do not edit by hand. */';

export async function generateTypes(): Promise<string> {
  const parts: string[] = [banner];
  for (const [file, typeName] of [['step.schema.json', 'StepDocument'], ['pipeline.schema.json', 'PipelineDocument'], ['config.schema.json', 'ProjectConfigDocument']] as const) {
    const schema = JSON.parse(readFileSync(schemaPath(file), 'utf8')) as JSONSchema;
    const ts = await compile({ ...schema, title: typeName }, typeName, {
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: false,
      style: { singleQuote: true },
    });
    parts.push(ts.trim());
  }
  return parts.join('\n\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaPath('types.generated.ts'), await generateTypes());
}
