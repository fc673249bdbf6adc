// bin/run-cli.ts runs plc as a function, many times in one process (the tests do): no run may
// leave anything behind for the next — the exit code, the working folder, the environment,
// yargs' parser and its language, colour — and a run reads only the folder and environment given.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OutputStream } from '../bin/cli-io.js';
import { runCli } from '../bin/run-cli.js';
import { fixture, repo, runCliCaptured, runPlcBinary, runPlcInProcess, tempDir } from './support/helpers.js';

test('two different commands back to back, in two folders, each answer as the binary does', async () => {
  // The same relative file name in both folders: each run must read its own working folder's.
  const failing = tempDir();
  cpSync(fixture('errors', 'unknown-key', 'pipeline.yaml'), join(failing, 'p.pipeline.yaml'));
  const checked = await runPlcInProcess(['check', 'p.pipeline.yaml'], failing);
  assert.is(checked.status, 1);
  assert.match(checked.stderr, /^p\.pipeline\.yaml:\d+:\d+: error PLC/m);
  const built = await runPlcInProcess(['build', 'tabular-xgboost.pipeline.yaml'], join(repo, 'examples'));
  assert.equal(built, runPlcBinary(['build', 'tabular-xgboost.pipeline.yaml'], join(repo, 'examples')));
  assert.is(process.exitCode, undefined, 'the exit code is returned, never left on the process');
  assert.is(process.cwd(), repo, "the test process's working folder is untouched");
});

test('each run parses with a parser of its own: options and help of one command do not reach the next', async () => {
  const buildHelp = await runPlcInProcess(['build', '--help']);
  const checkHelp = await runPlcInProcess(['check', '--help']);
  assert.match(buildHelp.stdout, /--emit-code/);
  assert.not.match(checkHelp.stdout, /--emit-code/);
  assert.equal(checkHelp, runPlcBinary(['check', '--help']));
  const unknown = await runPlcInProcess(['check', 'examples', '--emit-code', 'x']);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /^plc: Unknown arguments?: .*emit-code/m);
});

test('a run sees only the environment it is given: colour, language and the process environment stay apart', async () => {
  const before = { ...process.env };
  const file = fixture('errors', 'unknown-key', 'pipeline.yaml');
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, LANGUAGE: _language, ...base } = process.env;
  const coloured = await runCliCaptured(['check', file], repo, { ...base, FORCE_COLOR: '1' });
  assert.match(coloured.stderr, /\x1b\[/, 'FORCE_COLOR in the run environment colours');
  const plain = await runCliCaptured(['check', file], repo, { ...base, FORCE_COLOR: '1', NO_COLOR: '1' });
  assert.not.match(plain.stderr, /\x1b\[/, 'NO_COLOR in the run environment wins');
  // yargs keeps one translator for all its parsers: each run sets the language of its own environment.
  const german = await runCliCaptured(['chek'], repo, { ...base, LANG: 'de_DE.UTF-8' });
  assert.is(german.stderr, 'plc: Meintest du check?\nRun plc --help for usage.\n');
  const english = await runCliCaptured(['chek'], repo, { ...base, LANG: 'en_US.UTF-8' });
  assert.is(english.stderr, 'plc: Did you mean check?\nRun plc --help for usage.\n');
  assert.equal(english, await runCliCaptured(['chek'], repo, base), 'no language set is English');
  assert.equal({ ...process.env }, before, 'the process environment is unchanged');
  assert.is(process.exitCode, undefined);
});

test('an internal error is exit 3 with one line and a hint, and --debug prints the whole error', async () => {
  const failingStream: OutputStream = {
    write: () => {
      throw new Error('the disk is on fire');
    },
  };
  let stderr = '';
  const io = { cwd: repo, env: process.env, stdout: failingStream, stderr: { write: (text: string | Uint8Array) => ((stderr += String(text)), true) } };
  assert.is(await runCli(['explain', 'PLC3004'], io), 3);
  assert.is(stderr, 'plc: internal error: the disk is on fire\nThis is a bug in plc; run again with --debug for the stack trace.\n');
  stderr = '';
  assert.is(await runCli(['explain', 'PLC3004', '--debug'], io), 3);
  assert.match(stderr, /^Error: the disk is on fire\n\s+at /);
  assert.is(process.exitCode, undefined);
});

test.run();
