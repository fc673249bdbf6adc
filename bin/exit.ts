// Exit codes of DESIGN.md §6.
export const ExitCode = { Ok: 0, Findings: 1, Usage: 2, Internal: 3 } as const;
