// docs/steps/ is generated from the built-in step documents (npm run generate:docs); it must match
// them, page for page, with no page left over from a removed step type.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspectLibrary } from '../compiler/driver.js';
import { renderStepCatalog } from '../compiler/explain/step-catalog.js';
import { repo } from './support/helpers.js';

const folder = join(repo, 'docs', 'steps');
const steps = [...inspectLibrary({ cwd: repo }).library.steps.values()];
const pages = renderStepCatalog(steps);

test('docs/steps/ has one page per built-in step type plus the index, and nothing else', () => {
  assert.equal(readdirSync(folder).sort(), [...pages.keys()].sort());
  assert.is(pages.size, steps.length + 1);
});

test('every page of docs/steps/ is current (npm run generate:docs)', () => {
  for (const [name, text] of pages) assert.fixture(readFileSync(join(folder, name), 'utf8'), text, name);
});

test('a page shows the ports, config tiers and environment of its step type', () => {
  const page = pages.get('tabular-preprocessing.md')!;
  assert.match(page, '| `data` | dataset | required | `/opt/ml/processing/input/data` |');
  assert.match(page, '| `labelField` | string | required | Name of the label column. |');
  assert.match(page, '| `trainRatio` | number | default `0.7` |');
  assert.match(page, '| `LABEL_FIELD` | `${config.labelField}` |');
  assert.match(pages.get('README.md')!, '[TabularPreprocessing](tabular-preprocessing.md)');
});

test.run();
