#!/usr/bin/env node
// The plc command line: a thin entry that parses arguments with yargs and hands each command to
// its own module, loaded only when that command runs. Exit codes (README.md): 0 clean,
// 1 findings, 2 usage error, 3 internal error.
import { createRequire } from 'node:module';
import { hideBin } from 'yargs/helpers';
import type { CommandModule } from 'yargs';
import { DiffExit, ExitCode } from './exit.js';
import { plcVersion } from './report.js';

// yargs' CommonJS build: its ES module build wraps --help text with cliui's stand-in for wrap-ansi,
// which breaks lines in the middle of words.
const yargs = createRequire(import.meta.url)('yargs') as typeof import('yargs').default;

const debug = process.argv.includes('--debug');

/** Each command's module by the command's name, in the order --help lists them. */
const commandModules: Record<string, () => Promise<CommandModule<object, never>>> = {
  init: async () => (await import('./commands/init.js')).initCommand as never,
  new: async () => (await import('./commands/new.js')).newCommand as never,
  build: async () => (await import('./commands/build.js')).buildCommand as never,
  graph: async () => (await import('./commands/graph.js')).graphCommand as never,
  check: async () => (await import('./commands/check.js')).checkCommand as never,
  explain: async () => (await import('./commands/explain.js')).explainCommand as never,
  steps: async () => (await import('./commands/steps.js')).stepsCommand as never,
  schema: async () => (await import('./commands/schema.js')).schemaCommand as never,
  deploy: async () => (await import('./commands/deploy.js')).deployCommand as never,
  diff: async () => (await import('./commands/diff.js')).diffCommand as never,
  run: async () => (await import('./commands/run.js')).runCommand as never,
  status: async () => (await import('./commands/status.js')).statusCommand as never,
};
/** The command asked for, when it is one: only its module is loaded (--help and mistakes need them all). */
const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const chosen = named !== undefined && Object.hasOwn(commandModules, named) ? [commandModules[named]!] : Object.values(commandModules);

function internalError(error: unknown): never {
  if (debug) console.error(error);
  else console.error(`plc: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in plc; run again with --debug for the stack trace.`);
  process.exit(ExitCode.Internal);
}

// A closed pipe (`plc build … | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.Ok);
  internalError(error);
});

try {
  await yargs(hideBin(process.argv))
    .scriptName('plc')
    .usage('$0 <command> [options]\n\nA declarative compiler for Amazon SageMaker Pipelines.')
    .command(await Promise.all(chosen.map((load) => load())))
    .option('debug', { type: 'boolean', description: 'Print stack traces of internal errors', global: true })
    .demandCommand(1, 'Name a command, e.g. plc build examples/tabular-xgboost.pipeline.yaml')
    .strict()
    .recommendCommands()
    .version(plcVersion())
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue('Documents and checks: docs/documents.md in the plc package; deploying: docs/deploy.md. Exit codes: 0 clean, 1 errors found, 2 usage error, 3 internal error (plc diff: 0 same, 2 changes, 1 error).')
    .fail((message, error) => {
      // A failing .check() hands its message over as the "error" too, a string: a usage mistake.
      if (error instanceof Error) internalError(error);
      console.error(`plc: ${message ?? String(error)}\nRun plc --help for usage.`);
      // For plc diff, 2 means "changes"; a mistake on its command line is an error like any other.
      process.exit(process.argv.slice(2).find((arg) => !arg.startsWith('-')) === 'diff' ? DiffExit.Error : ExitCode.Usage);
    })
    .parseAsync();
} catch (error) {
  internalError(error);
}
