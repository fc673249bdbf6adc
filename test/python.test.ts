// Python suites run by npm test: the built-in steps' script tests (under Debian's python3 with
// pandas, scikit-learn and xgboost) and the self-test of the definition checker the other tests
// rely on, which proves that checker can fail.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { available, botocorePython, haveBotocore, pythonHas, repo } from './support/helpers.js';

/** What to install for a Python test skipped for want of a module (reasons as the tests word them). */
const installHints: [reason: RegExp, install: string][] = [
  [/parquet/i, '/usr/bin/python3 -m pip install --break-system-packages pyarrow (no Debian package)'],
  [/lightgbm/i, '/usr/bin/python3 -m pip install --break-system-packages lightgbm (no Debian package)'],
  [/torch/i, 'apt-get install python3-torch'],
  [/PyYAML/i, 'apt-get install python3-yaml'],
  [/botocore/i, 'apt-get install python3-botocore'],
];

/**
 * Runs a unittest suite verbosely. Skipped tests are not a pass: each reason is reported NOT RUN
 * with what to install (available() fails the test under CI=true, where .ci/run installs it all).
 */
function unittest(python: string, args: string[]): void {
  const result = spawnSync(python, ['-m', 'unittest', args[0]!, '-v', ...args.slice(1)], { cwd: repo, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  assert.is(result.status, 0, `${python} -m unittest ${args.join(' ')} failed:\n${result.stderr}`);
  assert.match(result.stderr, /^OK/m);
  const skipped = new Map<string, number>();
  for (const [, reason] of result.stderr.matchAll(/ \.\.\. skipped '(.*)'$/gm)) skipped.set(reason!, (skipped.get(reason!) ?? 0) + 1);
  for (const [reason, count] of skipped) {
    const install = installHints.find(([pattern]) => pattern.test(reason))?.[1] ?? 'see the reason';
    available(false, `what ${count === 1 ? '1 Python test needs' : `${count} Python tests need`} (skipped: ${reason})`, install);
  }
}

test('built-in step scripts pass their unit tests', () => {
  const python = '/usr/bin/python3';
  if (!available(pythonHas(python, ['pandas', 'sklearn', 'xgboost']), `${python} with pandas, scikit-learn and xgboost`, 'apt-get install python3-pandas python3-sklearn python3-xgboost')) return;
  unittest(python, ['discover', '-s', join('steps', 'scripts', 'tests')]);
});

test('the EndpointDeployment Lambda handler passes its unit tests (botocore Stubber, offline)', () => {
  if (!haveBotocore()) return;
  unittest(botocorePython!, ['discover', '-s', join('steps', 'lambda', 'tests')]);
});

test('the definition checker (test/support/check_definition.py) passes its self-test', () => {
  if (!haveBotocore()) return;
  unittest(botocorePython!, ['discover', '-s', join('test', 'support'), '-p', 'check_definition_selftest.py']);
});

test.run();
