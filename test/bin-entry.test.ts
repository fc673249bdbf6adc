// The tests that start the real binary on purpose (most tests run plc in-process, through
// runPlcInProcess): the entry bin/plc.ts and its bundle, exit codes as a shell sees them, and
// closed pipes. The other runs of the binary: prerendered-answers.test.ts (the answers the bundle
// prints without yargs), hostile-files.test.ts (FIFOs, which could hang a run), the AWS tests
// (deploy, diagnostics, hostile-values: the SDK reads process.env) and the installed-package
// tests (install, tutorial, rule-docs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, repo, runPlcBinary, runPlcInProcess } from './support/helpers.js';

const flagship = 'examples/xgboost-e2e.pipeline.yaml';

test('the binary and the in-process run print the same bytes and exit with the same codes', async () => {
  const lines = [
    ['check', flagship],
    ['check', fixture('errors', 'unknown-key', 'pipeline.yaml'), '--format', 'json'],
    ['build', flagship],
    ['build', flagship, '--check'],
    ['chek'],
    ['diff'],
    ['deploy', flagship, '--timeout', '-1'],
    ['steps', 'show', 'Nope'],
    ['explain', 'PLC3004'],
    ['build', '--help'],
    ['--version'],
  ];
  const codes = new Set<number | null>();
  for (const args of lines) {
    const binary = runPlcBinary(args);
    assert.equal(await runPlcInProcess(args), binary, `plc ${args.join(' ')}`);
    codes.add(binary.status);
  }
  assert.equal([...codes].sort(), [0, 1, 2], 'clean, findings, usage error (plc diff: 1)');
});

test('-o /dev/stdout writes into the process\'s own standard output', () => {
  const result = runPlcBinary(['build', flagship, '-o', '/dev/stdout']);
  assert.is(result.status, 0, result.stderr);
  assert.equal(result.stdout, runPlcBinary(['build', flagship]).stdout);
});

test('a reader that closes the pipe early is no error: plc keeps its exit code and prints no internal error', () => {
  // `true` exits at once, so every write of plc meets a closed pipe (EPIPE).
  const shell = (args: string[]) => spawnSync('bash', ['-c', '"$@" | true; echo "exit ${PIPESTATUS[0]}"', 'bash', process.execPath, join(repo, 'dist/bin/plc.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const built = shell(['build', flagship]);
  assert.is(built.stdout, 'exit 0\n');
  assert.is(built.stderr, '');
  const failing = shell(['check', fixture('errors', 'unknown-key', 'pipeline.yaml'), '--format', 'json']);
  assert.is(failing.stdout, 'exit 1\n');
  assert.not.match(failing.stderr, /internal error/);
});

test.run();
