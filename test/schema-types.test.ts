// The TypeScript types are generated from the JSON Schemas; a stale generated file fails here.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generateTypes } from '../schema/generate-types.js';
import { schemaPath } from '../schema/paths.js';

test('schema/types.generated.ts matches the schemas (run npm run generate:types)', async () => {
  assert.fixture(readFileSync(schemaPath('types.generated.ts'), 'utf8'), await generateTypes());
});

test('every schema property has a description', () => {
  for (const file of ['step.schema.json', 'pipeline.schema.json']) {
    const missing: string[] = [];
    // Visits schema positions only (not the data a schema describes, e.g. a property named "properties");
    // if/then branches only restate properties declared beside them.
    const walk = (schema: unknown, path: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      for (const [name, child] of Object.entries((node['properties'] as Record<string, Record<string, unknown>>) ?? {})) {
        if (typeof child['description'] !== 'string') missing.push(`${path}.properties.${name}`);
        walk(child, `${path}.properties.${name}`);
      }
      for (const [name, child] of Object.entries((node['definitions'] as Record<string, unknown>) ?? {})) walk(child, `${path}.definitions.${name}`);
      for (const key of ['items', 'additionalProperties']) walk(node[key], `${path}.${key}`);
      for (const key of ['anyOf', 'allOf', 'oneOf']) ((node[key] as unknown[]) ?? []).forEach((child, i) => walk(child, `${path}.${key}.${i}`));
    };
    walk(JSON.parse(readFileSync(schemaPath(file), 'utf8')), file);
    assert.equal(missing, [], `properties without description in ${file}`);
  }
});

test.run();
