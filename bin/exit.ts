// Exit codes, as README.md states them.
import type { CliIo } from './cli-io.js';

export const ExitCode = { Ok: 0, Findings: 1, Usage: 2, Internal: 3 } as const;

/**
 * `plc diff` answers a question, as diff(1) does, so its codes differ: 0 no change, 2 changes,
 * 1 any error, usage errors included (so 2 always means "changes"). See docs/deploy.md.
 */
export const DiffExit = { Same: 0, Error: 1, Changes: 2 } as const;

/** A mistake on the command line: one line on stderr; returns the exit code, 2. */
export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`plc: ${message}\n`);
  return ExitCode.Usage;
}

/**
 * Ends a run from where no exit code can be returned (yargs' failure handler): bin/run-cli.ts
 * catches it and returns its code, once the message is written.
 */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
