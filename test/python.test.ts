// Python suites run by npm test: the built-in steps' script tests (under Debian's python3 with
// pandas, scikit-learn and xgboost) and the self-test of the definition checker the other tests
// rely on, which proves that checker can fail.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { available, botocorePython, haveBotocore, pythonHas, repo } from './support/helpers.js';

function unittest(python: string, args: string[]): void {
  const result = spawnSync(python, ['-m', 'unittest', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  assert.is(result.status, 0, `${python} -m unittest ${args.join(' ')} failed:\n${result.stderr}`);
  assert.match(result.stderr, /^OK/m);
}

test('built-in step scripts pass their unit tests', () => {
  const python = '/usr/bin/python3';
  if (!available(pythonHas(python, ['pandas', 'sklearn', 'xgboost']), `${python} with pandas, scikit-learn and xgboost`, 'apt-get install python3-pandas python3-sklearn python3-xgboost')) return;
  unittest(python, ['discover', '-s', join('steps', 'scripts', 'tests')]);
});

test('the definition checker (test/support/check_definition.py) passes its self-test', () => {
  if (!haveBotocore()) return;
  unittest(botocorePython!, ['discover', '-s', join('test', 'support'), '-p', 'check_definition_selftest.py']);
});

test.run();
