// docs/tutorial.md, run verbatim: every `$ ` line of its console blocks runs in order in a fresh
// folder (with `plc` on PATH meaning this checkout's CLI), must exit 0 (or the code a trailing
// `# exits N` names), and every output line the page shows must be among the lines it printed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { repo, tempDir } from './support/helpers.js';

interface Step { command: string; shown: string[] }

function stepsOf(markdown: string): Step[] {
  const steps: Step[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n').filter((l) => l !== '')) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2), shown: [] });
      else steps.at(-1)!.shown.push(line);
    }
  }
  return steps;
}

test('docs/tutorial.md runs as written', () => {
  const steps = stepsOf(readFileSync(join(repo, 'docs/tutorial.md'), 'utf8'));
  assert.ok(steps.length >= 10, 'the tutorial has its commands');
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'plc'), `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'dist/bin/plc.js')}" "$@"\n`);
  chmodSync(join(bin, 'plc'), 0o755);
  let cwd = tempDir();
  for (const { command, shown } of steps) {
    const cd = /^cd (\S+)$/.exec(command);
    if (cd) {
      cwd = resolve(cwd, cd[1]!);
      continue;
    }
    const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env['PATH']}` } });
    const expected = Number(/# exits (\d+)$/.exec(command)?.[1] ?? 0);
    assert.is(result.status, expected, `${command}\n${result.stderr}`);
    const printed = new Set(`${result.stdout}\n${result.stderr}`.split('\n').map((l) => l.trimEnd()));
    for (const line of shown) assert.ok(printed.has(line.trimEnd()), `"${command}" prints:\n${line}\n--- it printed:\n${result.stdout}${result.stderr}`);
  }
});

test.run();
