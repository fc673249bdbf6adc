// The CI recipes of this repository: the pre-commit hook and the composite action. Their file
// pattern is plc check's discovery pattern, and plc check finds .yml documents as the hook
// matches them.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { documentFile } from '../bin/document-files.js';
import { fixture, repo, runPlcInProcess, tempDir } from './support/helpers.js';

test('.pre-commit-hooks.yaml: a node hook running plc check on the files plc check discovers', async () => {
  const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
  assert.equal(hooks.map((h) => h.id), ['plc-check']);
  const [hook] = hooks;
  assert.is(hook!.entry, 'plc check');
  assert.is(hook!.language, 'node', 'pre-commit installs plc from the repository checkout');
  assert.is(hook!.files, documentFile.source);
  assert.is(hook!.pass_filenames, false);
});

test('plc check discovers .yml documents as the hook matches them', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'pipelines'));
  copyFileSync(fixture('errors', 'unknown-key', 'pipeline.yaml'), join(dir, 'pipelines', 'broken.pipeline.yml'));
  const result = await runPlcInProcess(['check'], dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /pipelines\/broken\.pipeline\.yml:\d+:\d+: error PLC0102/);
});

test('action.yml: a composite action that installs plc from its own checkout, checks, uploads SARIF with a fallback, then fails on findings', async () => {
  const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: { id?: string; uses?: string; run?: string; if?: string; 'continue-on-error'?: boolean }[] } };
  assert.is(action.runs.using, 'composite');
  assert.equal(Object.keys(action.inputs).sort(), ['fail-level', 'node-version', 'upload-sarif', 'working-directory']);
  const steps = action.runs.steps;
  assert.match(steps.find((s) => s.run?.includes('npm pack'))!.run!, /npm install --global .*plc-\*\.tgz/);
  assert.not.ok(steps.some((s) => /npx (?!--no)|npm install[^\n]* plc(@|\s|$)/.test(s.run ?? '')), 'never a registry package named plc');
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.is(upload.uses, 'github/codeql-action/upload-sarif@v4');
  assert.is(upload['continue-on-error'], true);
  assert.match(steps.find((s) => s.run?.includes('--format github'))!.if!, /steps\.upload\.outcome == 'failure'/);
  assert.is(steps.at(-1)!.run, 'exit "${{ steps.check.outputs.status }}"');
});

test.run();
