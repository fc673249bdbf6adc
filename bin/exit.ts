// Exit codes, as README.md states them.
export const ExitCode = { Ok: 0, Findings: 1, Usage: 2, Internal: 3 } as const;

/**
 * `plc diff` answers a question, as diff(1) does, so its codes differ: 0 no change, 2 changes,
 * 1 any error, usage errors included (so 2 always means "changes"). See docs/deploy.md.
 */
export const DiffExit = { Same: 0, Error: 1, Changes: 2 } as const;

/** A mistake on the command line: one line on stderr, exit 2. */
export function usageError(message: string): void {
  process.stderr.write(`plc: ${message}\n`);
  process.exitCode = ExitCode.Usage;
}
