// `plc --help`, `plc -h` and a bare `plc` are answered from text yargs rendered at build time
// (bin/prerendered-answers.ts): the answers must be the bytes yargs prints for the same request,
// and yargs must still answer where its text would differ (another language).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { repo } from './support/helpers.js';
import type { PrerenderedAnswer } from '../bin/prerendered-answers.js';

const answers = JSON.parse(readFileSync(join(repo, 'dist/bin/prerendered-answers.json'), 'utf8')) as Record<string, PrerenderedAnswer>;
const plc = (args: string[], env: NodeJS.ProcessEnv) => {
  const result = spawnSync(process.execPath, [join(repo, 'dist/bin/plc.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  return { stdout: result.stdout, stderr: result.stderr, exit: result.status };
};

test('the prerendered answers are what yargs answers (--debug makes yargs parse the same request)', () => {
  for (const [args, viaYargs] of [[['--help'], ['--debug', '--help']], [['-h'], ['--debug', '-h']], [[], ['--debug']]]) {
    const answered = plc(args!, { LANG: 'en_US.UTF-8' });
    assert.equal(answered, answers[args!.join(' ')], `plc ${args!.join(' ')} prints the prerendered answer`);
    assert.equal(answered, plc(viaYargs!, { LANG: 'en_US.UTF-8' }), `plc ${args!.join(' ')} answers as yargs does`);
  }
  assert.is(answers['--help']!.exit, 0);
  assert.match(answers['--help']!.stdout, /^plc <command> \[options\]\n/);
  assert.is(answers['']!.exit, 2);
});

test('in another language yargs answers, translated, as before', () => {
  const german = plc(['--help'], { LANG: 'de_DE.UTF-8', LC_ALL: '' });
  assert.is(german.exit, 0);
  assert.match(german.stdout, /^Kommandos:$/m);
  assert.equal(german, plc(['--debug', '--help'], { LANG: 'de_DE.UTF-8', LC_ALL: '' }));
});

test.run();
