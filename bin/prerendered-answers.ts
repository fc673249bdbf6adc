// `plc --help`, `plc -h` and a bare `plc` answered without loading yargs: their text is rendered
// by yargs itself at build time (scripts/bundle/render-answers.mjs) into
// dist/bin/prerendered-answers.json, and printed here only when yargs would print the same bytes:
// at its width for this CLI (bin/run-cli.ts wraps at min(100, the terminal's columns), 100 when
// stdout is not a terminal) and in English (yargs picks its language from the environment as
// below). Compiling yargs and laying out its help cost `plc --help` about half of its time
// (docs/performance.md). Any other case, or a build without the file (tsc alone, or the render
// step itself), goes through yargs as before.
import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io.js';

export interface PrerenderedAnswer {
  stdout: string;
  stderr: string;
  exit: number;
}

/** The command lines answered from the file: their one argument, or '' for none. */
export const prerenderedCommandLines = ['--help', '-h', ''];

/** The width bin/run-cli.ts has yargs wrap at, and the one the file was rendered at. */
export const helpWidth = (columns: number | undefined): number => Math.min(100, columns ?? 100);

/**
 * The locale yargs would choose (yargs-factory.js, guessLocale), and whether its y18n would then
 * find no translation other than en.json: the build checks that the locales folder has no file
 * these names reach but en.json.
 */
export function speaksEnglish(env: NodeJS.ProcessEnv): boolean {
  return /^(en|C|POSIX)([_-]|$)/.test(yargsLocale(env));
}

/** The locale yargs guesses from an environment (yargs-factory.js, guessLocale). */
export const yargsLocale = (env: NodeJS.ProcessEnv): string => (env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || 'en_US').replace(/[.:].*/, '');

/** Prints the prerendered answer and returns its exit code, or undefined if there is none. */
export function answerIfPrerendered(io: CliIo): number | undefined {
  const args = io.argv;
  const key = args.length === 0 ? '' : args.length === 1 && args[0] !== '' ? args[0]! : undefined;
  if (key === undefined || !prerenderedCommandLines.includes(key) || helpWidth(io.stdout.columns) !== 100 || !speaksEnglish(io.env)) return undefined;
  let answers: Record<string, PrerenderedAnswer>;
  try {
    answers = JSON.parse(readFileSync(new URL('./prerendered-answers.json', import.meta.url), 'utf8')) as Record<string, PrerenderedAnswer>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const answer = answers[key];
  if (answer === undefined) return undefined;
  if (answer.stdout) io.stdout.write(answer.stdout);
  if (answer.stderr) io.stderr.write(answer.stderr);
  return answer.exit;
}
