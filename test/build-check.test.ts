// plc build --check: exit 0 when the committed output is what the sources build, exit 1 with a
// short diff when it is stale or missing; nothing is written either way.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { repo, runPlcInProcess, tempDir } from './support/helpers.js';

function project(): string {
  const dir = tempDir();
  cpSync(join(repo, 'examples/tabular-xgboost.pipeline.yaml'), join(dir, 'pipeline.yaml'));
  return dir;
}

test('plc build --check exits 0 when the output is fresh', async () => {
  const dir = project();
  assert.is((await runPlcInProcess(['build', 'pipeline.yaml', '-o', 'build/definition.json'], dir)).status, 0);
  const result = await runPlcInProcess(['build', 'pipeline.yaml', '-o', 'build/definition.json', '--check'], dir);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stderr, /1 output\(s\) up to date/);
});

test('plc build --check exits 1 with a short diff when the output is stale, and writes nothing', async () => {
  const dir = project();
  assert.is((await runPlcInProcess(['build', 'pipeline.yaml', '-o', 'build/definition.json'], dir)).status, 0);
  const committed = readFileSync(join(dir, 'build/definition.json'), 'utf8');
  writeFileSync(join(dir, 'pipeline.yaml'), readFileSync(join(dir, 'pipeline.yaml'), 'utf8').replace('numRound: 200', 'numRound: 300'));
  const result = await runPlcInProcess(['build', 'pipeline.yaml', '-o', 'build/definition.json', '--check'], dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /--- build\/definition\.json \(committed\)\n\+\+\+ build\/definition\.json \(fresh build\)\n@@ line \d+ @@\n- .*"200"/);
  assert.match(result.stderr, /\n\+ .*"300"/);
  assert.match(result.stderr, /1 of 1 output\(s\) stale/);
  assert.ok(result.stderr.split('\n').length < 15, 'the diff is short');
  assert.is(readFileSync(join(dir, 'build/definition.json'), 'utf8'), committed);
});

test('plc build --check --emit-code also compares the code objects', async () => {
  const dir = project();
  const args = ['build', 'pipeline.yaml', '-o', 'build/definition.json', '--emit-code', 'build/code'];
  assert.is((await runPlcInProcess(args, dir)).status, 0);
  const fresh = await runPlcInProcess([...args, '--check'], dir);
  assert.is(fresh.status, 0, fresh.stderr);
  assert.match(fresh.stderr, /1 output\(s\) and 4 code object\(s\) up to date/);
  const altered = join(dir, 'build/code', readdirSync(join(dir, 'build/code/code'))[0]!.replace(/^/, 'code/'));
  const file = readdirSync(altered, { recursive: true, withFileTypes: true }).find((e) => e.isFile())!;
  writeFileSync(join(file.parentPath, file.name), 'changed by hand\n');
  const stale = await runPlcInProcess([...args, '--check'], dir);
  assert.is(stale.status, 1);
  assert.match(stale.stderr, /differs from the code object the definition names/);
  assert.match(stale.stderr, /0 of 1 output\(s\) and 1 of 4 code object\(s\) stale/);
});

test('plc build --check: a missing output is stale; without -o it is a usage error', async () => {
  const dir = project();
  const missing = await runPlcInProcess(['build', 'pipeline.yaml', '-o', 'build/definition.json', '--check'], dir);
  assert.is(missing.status, 1);
  assert.match(missing.stderr, /build\/definition\.json: missing/);
  const noOutput = await runPlcInProcess(['build', 'pipeline.yaml', '--check'], dir);
  assert.is(noOutput.status, 2);
  assert.match(noOutput.stderr, /--check compares the files -o names/);
});

test.run();
