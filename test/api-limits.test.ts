// compiler/sagemaker/api-limits.ts is generated from the botocore API model; it must match what
// scripts/generate-api-limits.py writes from the botocore installed here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { botocorePython, haveBotocore, repo } from './support/helpers.js';

test('api-limits.ts matches the botocore model (python3 scripts/generate-api-limits.py)', () => {
  if (!haveBotocore()) return;
  const result = spawnSync(botocorePython!, [join(repo, 'scripts/generate-api-limits.py'), '--print'], { encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  const strip = (text: string) => text.replace(/\(botocore [^)]*\)/, '(botocore)');
  assert.fixture(strip(readFileSync(join(repo, 'compiler/sagemaker/api-limits.ts'), 'utf8')), strip(result.stdout));
});

test('api-shapes.ts matches the botocore model (python3 scripts/generate-api-shapes.py)', () => {
  if (!haveBotocore()) return;
  const result = spawnSync(botocorePython!, [join(repo, 'scripts/generate-api-shapes.py'), '--print'], { encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  const strip = (text: string) => text.replace(/\(botocore [^)]*\)/, '(botocore)');
  assert.fixture(strip(readFileSync(join(repo, 'compiler/sagemaker/api-shapes.ts'), 'utf8')), strip(result.stdout));
});

test('property-shapes.ts matches the botocore model (python3 scripts/generate-property-shapes.py)', () => {
  if (!haveBotocore()) return;
  const result = spawnSync(botocorePython!, [join(repo, 'scripts/generate-property-shapes.py'), '--print'], { encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  const strip = (text: string) => text.replace(/\(botocore [^)]*\)/, '(botocore)');
  assert.fixture(strip(readFileSync(join(repo, 'compiler/sagemaker/property-shapes.ts'), 'utf8')), strip(result.stdout));
});

test.run();
