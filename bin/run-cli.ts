// The plc command line as a function: runs one command line with the arguments, working folder,
// environment and streams it is given, and returns the exit code (README.md: 0 clean,
// 1 findings, 2 usage error, 3 internal error). bin/plc.ts runs it for the process; the tests run
// it in-process (test/support/helpers.ts), which is why nothing below touches `process`: every
// command reads and writes through the CliIo it is handed, and no exit leaves the function.
import { inspect } from 'node:util';
import type { Argv, CommandModule } from 'yargs';
import type { CliIo, PlcCommand, Subcommand } from './cli-io.js';
import { CliExit, DiffExit, ExitCode } from './exit.js';
import { answerIfPrerendered, helpWidth, yargsLocale } from './prerendered-answers.js';
import { plcVersion } from './report.js';

/**
 * Each command's line and description, in the order --help lists them: all that --help and a
 * mistyped command need. The rest of a command (its options, examples and handler) is in its
 * module, loaded only when that command runs: yargs runs a builder that returns a promise.
 */
const commands: { command: string; describe: string; load: () => Promise<PlcCommand<never>> }[] = [
  { command: 'init [dir]', describe: 'Create a ready project: an example pipeline, steps/, editor settings, a CI workflow, a pre-commit hook', load: async () => (await import('./commands/init.js')).initCommand as never },
  { command: 'new <what>', describe: 'Create a new step type from a template (plc new step <Name> --kind <kind>)', load: async () => (await import('./commands/new.js')).newCommand as never },
  { command: 'build <pipeline>', describe: 'Compile a *.pipeline.yaml into a SageMaker pipeline definition (or what --backend emits)', load: async () => (await import('./commands/build.js')).buildCommand as never },
  { command: 'graph <pipeline>', describe: 'Draw a pipeline as Mermaid, Graphviz DOT, SVG or an HTML page: nodes with step and job types, data edges with port names, condition branches', load: async () => (await import('./commands/graph.js')).graphCommand as never },
  { command: 'check [files..]', describe: 'Check pipelines and step types without building; exits 1 on findings at or above --fail-level', load: async () => (await import('./commands/check.js')).checkCommand as never },
  { command: 'explain <code-or-pipeline> [node]', describe: "Explain a diagnostic code, or show a node's step type, job type and final config with the file:line that set each value", load: async () => (await import('./commands/explain.js')).explainCommand as never },
  { command: 'steps <command>', describe: 'List the available step types, or show one', load: async () => (await import('./commands/steps.js')).stepsCommand as never },
  { command: 'schema', describe: 'Write a pipeline JSON Schema that knows the step types in use (for editor completion)', load: async () => (await import('./commands/schema.js')).schemaCommand as never },
  { command: 'deploy <pipeline>', describe: 'Compile a pipeline, upload its code and create or update it in SageMaker', load: async () => (await import('./commands/deploy.js')).deployCommand as never },
  { command: 'diff <pipeline>', describe: 'Compare a pipeline file with the deployed pipeline (exit 0 same, 2 changes, 1 error)', load: async () => (await import('./commands/diff.js')).diffCommand as never },
  { command: 'run <pipeline>', describe: 'Start an execution of a deployed pipeline (by file or name), optionally wait for its result', load: async () => (await import('./commands/run.js')).runCommand as never },
  { command: 'status [pipeline]', describe: "Recent executions of a pipeline (by file or name) and their state, or every pipeline's latest", load: async () => (await import('./commands/status.js')).statusCommand as never },
];

/** What an internal error prints: one line and a hint, or with --debug the whole error. */
export function internalErrorText(error: unknown, debug: boolean): string {
  if (debug) return `${inspect(error)}\n`;
  return `plc: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in plc; run again with --debug for the stack trace.\n`;
}

/** Runs `plc <argv…>` and returns its exit code; everything it prints goes to the streams given. */
export async function runCli(argv: readonly string[], options: Omit<CliIo, 'argv'>): Promise<number> {
  const io: CliIo = { argv, ...options };
  const prerendered = answerIfPrerendered(io);
  if (prerendered !== undefined) return prerendered;
  // Loaded only past the prerendered answers: compiling yargs is most of what `plc --help` costs.
  const { yargs } = await import('./yargs-cjs.cjs');
  const debug = argv.includes('--debug');
  let exitCode: number = ExitCode.Ok;
  const subcommand: Subcommand = (handler) => async (args) => {
    exitCode = await handler(args, io);
  };
  const lazyCommand = ({ command, describe, load }: (typeof commands)[number]): CommandModule<object, never> => ({
    command,
    describe,
    builder: async (yargs) => (await load()).builder(yargs as Argv, subcommand) as never,
    handler: async (args) => subcommand((await load()).handler)(args),
  });
  const internalError = (error: unknown): never => {
    io.stderr.write(internalErrorText(error, debug));
    throw new CliExit(ExitCode.Internal);
  };
  try {
    await yargs([...argv], io.cwd)
      .scriptName('plc')
      .usage('$0 <command> [options]\n\nA declarative compiler for Amazon SageMaker Pipelines.')
      .command(commands.map(lazyCommand))
      .option('debug', { type: 'boolean', description: 'Print stack traces of internal errors', global: true })
      .demandCommand(1, 'Name a command, e.g. plc build examples/tabular-xgboost.pipeline.yaml')
      .strict()
      .recommendCommands()
      .version(plcVersion())
      .alias('h', 'help')
      .alias('v', 'version')
      .wrap(helpWidth(io.stdout.columns))
      // yargs would guess the language from process.env, not this run's, and keeps one translator
      // for all its parsers: set on every run, one run's language never reaches the next.
      .locale(yargsLocale(io.env))
      .epilogue('Documents and checks: docs/documents.md in the plc package; deploying: docs/deploy.md. Exit codes: 0 clean, 1 errors found, 2 usage error, 3 internal error (plc diff: 0 same, 2 changes, 1 error).')
      .fail((message, error) => {
        // yargs reports what a .check() throws as a failure too: this handler's own exit, passed on.
        if (error instanceof CliExit) throw error;
        // A failing .check() hands its message over as the "error" too, a string: a usage mistake.
        if (error instanceof Error) internalError(error);
        io.stderr.write(`plc: ${message ?? String(error)}\nRun plc --help for usage.\n`);
        // For plc diff, 2 means "changes"; a mistake on its command line is an error like any other.
        throw new CliExit(argv.find((arg) => !arg.startsWith('-')) === 'diff' ? DiffExit.Error : ExitCode.Usage);
      })
      // With a callback, yargs hands over what it would print (--help, --version) instead of
      // printing it with console.log, and never exits the process.
      .parseAsync([...argv], {}, (_error, _args, output) => {
        if (output) io.stdout.write(`${output}\n`);
      });
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    io.stderr.write(internalErrorText(error, debug));
    return ExitCode.Internal;
  }
  return exitCode;
}
