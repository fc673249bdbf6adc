// How a path is shown to the user, in diagnostics and messages alike. A module of its own so that
// commands which only write files (init, new, schema) do not load the YAML parser for it.
import { isAbsolute, relative } from 'node:path';

/** Relative to the working folder when the path is inside it, else as given. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
