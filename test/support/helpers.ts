// Shared test helpers: run the CLI (in this process, or the real binary in a child process),
// compile fixtures, and reach the Python tools some tests use. A missing Python tool fails the test
// in CI; locally it prints what to install.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../schema/paths.js';
import { loadPythonParser } from '../../compiler/check/python/parser.js';
import { compilePipeline, type CompileResult } from '../../compiler/driver.js';
import type { OutputStream } from '../../bin/cli-io.js';
import { runCli } from '../../bin/run-cli.js';

export const repo = packageRoot;
export const fixture = (...parts: string[]): string => join(repo, 'fixtures', ...parts);

export interface RunResult { status: number | null; stdout: string; stderr: string }

/** What the CLI writes to a stream, kept as bytes and read as UTF-8 once the run is over. */
function capture(): OutputStream & { text: () => string } {
  const chunks: Buffer[] = [];
  return {
    write: (chunk) => chunks.push(Buffer.from(chunk)) > 0,
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/**
 * `plc <args>` run in this process (bin/run-cli.ts), its output captured: what most tests need,
 * without starting Node and loading plc for every command. It sees what a spawned plc would: the
 * environment given (default this process's) with NO_COLOR set, the working folder given, and
 * streams that are no terminal.
 */
export const runPlcInProcess = (args: string[], cwd = repo, env = process.env): Promise<RunResult> => runCliCaptured(args, cwd, { ...env, NO_COLOR: '1' });

/**
 * runCli with exactly the environment given, its output captured. A run that changes this
 * process's working folder or exit code fails the test, since the next run would inherit it.
 */
export async function runCliCaptured(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const stdout = capture();
  const stderr = capture();
  const own = { cwd: process.cwd(), exitCode: process.exitCode };
  const status = await runCli(args, { cwd, env, stdout, stderr });
  if (process.cwd() !== own.cwd) throw new Error(`plc ${args.join(' ')} changed the working folder of the test process to ${process.cwd()}`);
  if (process.exitCode !== own.exitCode) throw new Error(`plc ${args.join(' ')} set process.exitCode (${process.exitCode})`);
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * The real binary (the bundle dist/bin/plc.js) in a child process, for what only a process shows:
 * the entry itself, the bundle and its prerendered answers, exit codes as the shell sees them,
 * closed pipes, and runs that could hang (reading a FIFO) or whose libraries read process.env
 * (the AWS SDK) — see docs/decisions.md.
 */
export function runPlcBinary(args: string[], cwd = repo): RunResult {
  const result = spawnSync(process.execPath, [join(repo, 'dist/bin/plc.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A command in a child process without blocking this one; `env` replaces the environment. */
export function runAsync(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * runPlcBinary without blocking this process, for tests whose servers run in it (the AWS stand-ins
 * of test/support/aws-servers.ts); `env` replaces the environment (NO_COLOR is always set).
 */
export const runPlcBinaryAsync = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> =>
  runAsync(process.execPath, [join(repo, 'dist/bin/plc.js'), ...args], { cwd: options.cwd ?? repo, env: { ...(options.env ?? process.env), NO_COLOR: '1' } });

/** Loaded once: the script checks need it, and loading is asynchronous. */
export const parsePython = await loadPythonParser();

export function compile(path: string, cwd = repo): CompileResult {
  return compilePipeline(path, { cwd, parsePython });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plc-test-'));
}

/** A temporary folder holding the given files (paths relative to it, folders made as needed). */
export function writeProject(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Whether `python` can import every module. */
export function pythonHas(python: string, modules: string[]): boolean {
  const result = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return result.status === 0;
}

/**
 * True when the tool is there. Otherwise: in CI (CI=true) the test fails, since .ci/run installs
 * it; locally the test says loudly that it did not run and how to install what it needs.
 */
export function available(present: boolean, what: string, install: string): boolean {
  if (present) return true;
  const message = `${what} is missing: install it with \`${install}\``;
  if (process.env['CI']) throw new Error(message);
  console.warn(`\n  NOT RUN — ${message}\n`);
  return false;
}

export interface Violation { step: string | null; path: string; message: string }

/** A Python with botocore: the image's python3, or Debian's with python3-botocore. */
export const botocorePython = ['python3', '/usr/bin/python3'].find((python) => pythonHas(python, ['botocore']));

export function haveBotocore(): boolean {
  return available(botocorePython !== undefined, 'a python3 with botocore', 'apt-get install python3-botocore');
}

/** Checks a definition against the botocore API model (test/support/check_definition.py). */
export function definitionViolations(definition: string): Violation[] | undefined {
  if (!haveBotocore()) return undefined;
  const file = join(tempDir(), 'definition.json');
  writeFileSync(file, definition);
  const result = spawnSync(botocorePython!, [join(repo, 'test/support/check_definition.py'), file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`check_definition.py failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { violations: Violation[] }).violations;
}
