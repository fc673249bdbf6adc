// Baseline builds: each fixtures/builds/<case>/pipeline.yaml, and each bundled example, must
// compile to exactly the bytes of its expected definition, which must also pass the API-model
// check. Update a baseline only after reading its diff (plc build … -o <expected file>).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, definitionViolations, fixture, repo } from './support/helpers.js';

const cases = [
  ...readdirSync(fixture('builds'))
    .filter((name) => existsSync(fixture('builds', name, 'pipeline.yaml')))
    .map((name) => ({ pipeline: fixture('builds', name, 'pipeline.yaml'), expected: fixture('builds', name, 'expected.json') })),
  ...readdirSync(join(repo, 'examples'))
    .filter((name) => name.endsWith('.pipeline.yaml'))
    .map((name) => ({ pipeline: join(repo, 'examples', name), expected: fixture('builds', 'examples', name.replace('.pipeline.yaml', '.json')) })),
];

for (const { pipeline, expected } of cases) {
  test(`${pipeline.slice(repo.length + 1)} builds to ${expected.slice(repo.length + 1)}`, () => {
    const result = compile(pipeline);
    assert.equal(result.diagnostics, []);
    const definition = result.files![0]!.contents;
    assert.fixture(definition, readFileSync(expected, 'utf8'));
    const violations = definitionViolations(definition);
    if (violations) assert.equal(violations, []);
  });
}

test.run();
