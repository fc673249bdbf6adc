// plc init: the project it writes checks and builds as it stands, is wired for editors, CI and
// pre-commit, and init never overwrites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { runPlcInProcess, tempDir } from './support/helpers.js';

test('plc init demo && cd demo && plc check && plc build works', async () => {
  const root = tempDir();
  const init = await runPlcInProcess(['init', 'demo'], root);
  assert.is(init.status, 0, init.stderr);
  const demo = join(root, 'demo');
  const check = await runPlcInProcess(['check'], demo);
  assert.is(check.status, 0, check.stderr);
  assert.match(check.stderr, /1 pipeline, 0 step types\), 2 nodes: 0 errors, 0 warnings/);
  const build = await runPlcInProcess(['build', 'demo.pipeline.yaml', '-o', 'build/definition.json'], demo);
  assert.is(build.status, 0, build.stderr);
  assert.is((JSON.parse(readFileSync(join(demo, 'build/definition.json'), 'utf8')) as { Steps: unknown[] }).Steps.length, 2);
});

test('plc init wires the editor: modeline and yaml.schemas name schemas it wrote', async () => {
  const demo = join(tempDir(), 'demo');
  assert.is((await runPlcInProcess(['init', demo])).status, 0);
  const modeline = /^# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(join(demo, 'demo.pipeline.yaml'), 'utf8'))?.[1];
  assert.is(modeline, '.plc/pipeline.schema.json');
  const settings = JSON.parse(readFileSync(join(demo, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
  assert.equal(settings['yaml.schemas'], { '.plc/pipeline.schema.json': '*.pipeline.yaml', '.plc/step.schema.json': '*.step.yaml' });
  for (const schema of Object.keys(settings['yaml.schemas'])) assert.ok(JSON.parse(readFileSync(join(demo, schema), 'utf8')).$id, schema);
  assert.match(readFileSync(join(demo, '.gitignore'), 'utf8'), /^build\/$/m);
  assert.ok(existsSync(join(demo, 'steps')));
});

test('plc init writes a GitHub Actions workflow that checks as SARIF, uploads it and builds', async () => {
  const demo = join(tempDir(), 'demo');
  assert.is((await runPlcInProcess(['init', demo])).status, 0);
  const workflow = parse(readFileSync(join(demo, '.github/workflows/plc.yml'), 'utf8')) as { on: object; permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; run?: string; if?: string; with?: Record<string, string> }[] }> };
  assert.ok('push' in workflow.on && 'pull_request' in workflow.on);
  assert.is(workflow.permissions['security-events'], 'write');
  const steps = workflow.jobs['check']!.steps;
  assert.is(workflow.permissions['actions'], 'read');
  assert.equal(steps.map((s) => s.uses ?? s.run), ['actions/checkout@v7', 'actions/setup-node@v7', 'npm ci', 'npx --no plc check --format sarif > plc.sarif', 'github/codeql-action/upload-sarif@v4', 'npx --no plc check --format github', 'npx --no plc build demo.pipeline.yaml -o build/definition.json']);
  assert.equal(steps[1]!.with, { 'node-version': 24, cache: 'npm' });
  const upload = steps[4]! as { if?: string; 'continue-on-error'?: boolean; with?: Record<string, string> };
  assert.is(upload.if, "always() && steps.check.outcome != 'skipped'");
  assert.is(upload['continue-on-error'], true, 'a repository without code scanning falls back to annotations');
  assert.is(steps[5]!.if, "always() && steps.upload.outcome == 'failure'");
  assert.is(upload.with?.['sarif_file'], 'plc.sarif');
  const hooks = parse(readFileSync(join(demo, '.pre-commit-config.yaml'), 'utf8')) as { repos: { hooks: { id: string; entry: string }[] }[] };
  assert.is(hooks.repos[0]!.hooks[0]!.entry, 'npx --no plc check', 'never fetches a registry package named plc');
  const manifest = JSON.parse(readFileSync(join(demo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  assert.match(manifest.devDependencies['plc']!, /^file:\//, 'a spec for this plc, not a registry version');
});

test('plc init refuses to overwrite: exit 2, names the files, writes nothing', async () => {
  const root = tempDir();
  writeFileSync(join(root, 'README.md'), 'mine\n');
  const result = await runPlcInProcess(['init'], root);
  assert.is(result.status, 2);
  assert.match(result.stderr, /^plc: init writes nothing, since these files exist: README\.md\n/);
  assert.not.match(result.stderr, /\n\s+at /);
  assert.is(readFileSync(join(root, 'README.md'), 'utf8'), 'mine\n');
  assert.not.ok(existsSync(join(root, '.gitignore')));
});

test.run();
