#!/usr/bin/env node
// The plc command line: a thin entry that parses arguments with yargs and hands each command to
// its own module, loaded only when that command runs. Exit codes (DESIGN.md §6): 0 clean,
// 1 findings, 2 usage error, 3 internal error.
import { createRequire } from 'node:module';
import { hideBin } from 'yargs/helpers';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { deployCommand } from './commands/deploy.js';
import { diffCommand } from './commands/diff.js';
import { explainCommand } from './commands/explain.js';
import { graphCommand } from './commands/graph.js';
import { initCommand } from './commands/init.js';
import { newCommand } from './commands/new.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { statusCommand } from './commands/status.js';
import { stepsCommand } from './commands/steps.js';
import { DiffExit, ExitCode } from './exit.js';
import { plcVersion } from './report.js';

// yargs' CommonJS build: its ES module build wraps --help text with cliui's stand-in for wrap-ansi,
// which breaks lines in the middle of words.
const yargs = createRequire(import.meta.url)('yargs') as typeof import('yargs').default;

const debug = process.argv.includes('--debug');

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
    .command(initCommand)
    .command(newCommand)
    .command(buildCommand)
    .command(graphCommand)
    .command(checkCommand)
    .command(explainCommand)
    .command(stepsCommand)
    .command(schemaCommand)
    .command(deployCommand)
    .command(diffCommand)
    .command(runCommand)
    .command(statusCommand)
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
