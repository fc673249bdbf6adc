// Every code has its documentation file (compiler/diagnostics/rules/<band>/PLCnnnn.md), and its
// examples are run: each "Trips" example must be reported with exactly that code, each "Fixed"
// one with nothing at all. Examples without commands are checked together in one `plc check`
// process (grouped by folder afterwards); those with plc.config.yaml or a ```sh block run alone.
// The words after `sh` name what the commands talk to (test/support/aws-servers.ts, startAwsWorld):
// a server on 127.0.0.1 started for the example and stopped after it, reached through AWS_ENDPOINT_URL.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnosticTable, type DiagnosticCode } from '../compiler/diagnostics/codes.js';
import { ruleBands, ruleDocFile, rulesRoot } from '../compiler/diagnostics/rule-docs.js';
import { needsAws, startAwsWorld, stopAwsWorlds } from './support/aws-servers.js';
import { repo, tempDir } from './support/helpers.js';
import { exampleFileBytes, parseRuleDoc, type RuleExample } from './support/rule-examples.js';

const codes = Object.keys(diagnosticTable) as DiagnosticCode[];

test('every code has a rule file in its band, and every rule file a code', () => {
  const files = ruleBands.flatMap((band) => (existsSync(join(rulesRoot, band.folder)) ? readdirSync(join(rulesRoot, band.folder)).map((name) => join(band.folder, name)) : []));
  assert.equal(readdirSync(rulesRoot).sort(), ruleBands.map((band) => band.folder).sort(), 'one folder per band');
  assert.equal(files.map((file) => join('compiler', 'diagnostics', 'rules', file)).sort(), codes.map(ruleDocFile).sort());
});

interface Run { code: DiagnosticCode; index: number; example: RuleExample; folder: string }

const root = tempDir();
const runs: Run[] = [];
const problems: string[] = [];
for (const code of codes) {
  const path = join(repo, ruleDocFile(code));
  if (!existsSync(path)) continue;
  const parsed = parseRuleDoc(readFileSync(path, 'utf8'));
  problems.push(...parsed.problems.map((problem) => `${ruleDocFile(code)}: ${problem}`));
  for (const [index, example] of parsed.examples.entries()) {
    const folder = join(root, `${code}-${index + 1}-${example.kind}`);
    for (const file of example.files) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), exampleFileBytes(file));
    }
    mkdirSync(folder, { recursive: true });
    runs.push({ code, index, example, folder });
  }
}

test('rule files hold only runnable examples, each code at least one that trips it and one fixed', () => {
  assert.equal(problems, []);
});

/** `plc` on PATH for the examples' commands, and an environment with no AWS identity in it. */
const bin = join(root, '.bin');
mkdirSync(bin);
writeFileSync(join(bin, 'plc'), `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'dist/bin/plc.js')}" "$@"\n`);
chmodSync(join(bin, 'plc'), 0o755);
const exampleEnv: NodeJS.ProcessEnv = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: root, NO_COLOR: '1', LANG: 'C.UTF-8' };

const reported = /\b(?:error|warning|info) (PLC\d{4})\b/g;

/** A command's stdout and stderr and exit status; asynchronous, so a stub server in this process can answer it. */
function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ output: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ output, status }));
  });
}

/** What the examples' runs reported: codes by folder, and every problem that is no code (a usage error, a crash, a finding outside any example). */
interface Outcome { codes: Map<string, string[]>; problems: string[] }

async function runExamples(): Promise<Outcome> {
  const found = new Map<string, string[]>(runs.map((run) => [run.folder, []]));
  const problems: string[] = [];
  const alone = (run: Run) => run.example.commands.length > 0 || run.example.files.some((file) => file.path === 'plc.config.yaml');
  const together = runs.filter((run) => !alone(run));
  if (together.length > 0) {
    const result = spawnSync(process.execPath, [join(repo, 'dist/bin/plc.js'), 'check', '--format', 'json', ...together.map((run) => run.folder.slice(root.length + 1))], { cwd: root, encoding: 'utf8', env: exampleEnv, maxBuffer: 64 << 20 });
    // 0 or 1: findings are exit 1; 2 would be a usage error and 3 a crash, which print no code.
    if (result.status !== 0 && result.status !== 1) problems.push(`plc check of the examples exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] };
    for (const d of diagnostics) {
      const codes = found.get(join(root, d.file.split('/')[0]!));
      if (codes) codes.push(d.code);
      else problems.push(`${d.code} at ${d.file}, in no example's folder`);
    }
  }
  for (const run of runs.filter(alone)) {
    const commands = run.example.commands.length > 0 ? run.example.commands : ['plc check .'];
    const world = needsAws(run.example.needs) ? await startAwsWorld(run.example.needs, exampleEnv) : { env: exampleEnv, stop: async () => {} };
    if (!world) {
      found.set(run.folder, run.example.kind === 'trips' ? [run.code] : []);
      continue;
    }
    try {
      for (const command of commands) {
        const { output, status } = await shell(command, run.folder, world.env);
        found.get(run.folder)!.push(...[...output.matchAll(reported)].map((m) => m[1]!));
        // A fixed example runs clean; a tripping one reports findings (exit 1, or 0 below the fail level), never a usage error or a crash.
        const allowed = run.example.kind === 'fixed' ? [0] : [0, 1];
        if (!allowed.includes(status ?? -1)) problems.push(`${run.code} example ${run.index + 1} (${run.example.kind}): ${command} exited ${status}`);
      }
    } finally {
      await world.stop();
    }
  }
  await stopAwsWorlds();
  return { codes: found, problems };
}

test('every "Trips" example reports exactly its code, every "Fixed" one nothing', async () => {
  const { codes: found, problems: failures } = await runExamples();
  const wrong = runs.flatMap((run) => {
    const got = [...new Set(found.get(run.folder))].sort();
    const want = run.example.kind === 'trips' ? [run.code] : [];
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${run.code} example ${run.index + 1} (${run.example.kind}): reported ${got.join(', ') || 'nothing'}`];
  });
  assert.equal([...failures, ...wrong], []);
});

test.run();
