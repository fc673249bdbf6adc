// What a run of the command line reads and writes besides files: its arguments, working folder,
// environment and output streams. bin/plc.ts passes the process's own; tests pass their own and
// run the CLI in-process (test/support/helpers.ts), so no command may reach for `process` itself.
import type { ArgumentsCamelCase, Argv } from 'yargs';

/** stdout or stderr: a process stream, or a test's capture. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  /** A terminal: colour and in-place redrawing. */
  isTTY?: boolean;
  /** A terminal's width, for --help. */
  columns?: number;
}

export interface CliIo {
  /** The arguments after `plc`. */
  argv: readonly string[];
  /** Relative paths on the command line and in files are read from here. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** A command's handler: does the work, returns the exit code (bin/exit.ts). */
export type CommandHandler<Args> = (args: ArgumentsCamelCase<Args>, io: CliIo) => Promise<number>;

/** Turns a handler into one yargs can call, for commands with subcommands of their own (steps list). */
export type Subcommand = <Args>(handler: CommandHandler<Args>) => (args: ArgumentsCamelCase<Args>) => Promise<void>;

/** What each module under bin/commands/ exports: bin/run-cli.ts loads it when its command runs. */
export interface PlcCommand<Args> {
  builder: (yargs: Argv, subcommand: Subcommand) => Argv;
  handler: CommandHandler<Args>;
}
