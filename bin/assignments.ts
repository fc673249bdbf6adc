// `Name=Value` command-line arguments (plc run -p, plc deploy --tag): the first `=` splits, so
// values may contain more of them.

export interface Assignment {
  name: string;
  value: string;
}

/** The assignments, or the first argument that is not one. */
export function parseAssignments(texts: readonly string[]): { assignments: Assignment[] } | { malformed: string } {
  const assignments: Assignment[] = [];
  for (const text of texts) {
    const at = text.indexOf('=');
    if (at <= 0) return { malformed: text };
    assignments.push({ name: text.slice(0, at), value: text.slice(at + 1) });
  }
  return { assignments };
}
