// How commands write what they were asked to: every file through writeFileAtomic, never over a
// file the command read, and a path that cannot be written is a usage error (exit 2) with the
// same words whichever command and option named it.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../compiler/source/display-path.js';
import { writeFileAtomic } from './atomic-write.js';
import type { CliIo } from './cli-io.js';
import { usageError } from './exit.js';

export interface OutputFile {
  path: string;
  contents: string | Uint8Array;
}

/**
 * Writes the files in order (each path absolute, or relative to io.cwd); at the first that cannot
 * be written, says why and returns false: the run then exits 2 (ExitCode.Usage).
 */
export function writeOutputs(io: CliIo, files: Iterable<OutputFile>): boolean {
  try {
    for (const { path, contents } of files) writeFileAtomic(resolve(io.cwd, path), contents, io);
    return true;
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (!code) throw error;
    usageError(io, `cannot write ${path ?? 'output'}: ${writeProblem(code)}`);
    return false;
  }
}

function writeProblem(code: string): string {
  switch (code) {
    case 'EISDIR':
      return 'it is a folder; give a file name';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ELOOP':
      return 'too many levels of links';
    case 'ENOTREGULAR':
      return 'it is not a regular file, a character device or a FIFO';
    default:
      return code;
  }
}

/**
 * Whether an output would land on a file the command read (the same file by any name: through a
 * link, a hard link or `..`). If so, says which and returns true: nothing may be written then, and
 * the run exits 2. `outputs` pairs each path with the option that named it, for the message.
 */
export function refuseInputs(io: CliIo, outputs: Iterable<{ option: string; path: string }>, inputs: Iterable<string>): boolean {
  const { cwd } = io;
  const read = new Map<string, string>();
  for (const input of inputs) {
    const id = fileIdentity(input);
    if (id !== undefined && !read.has(id)) read.set(id, input);
  }
  for (const { option, path } of outputs) {
    const input = read.get(fileIdentity(resolve(cwd, path)) ?? '');
    if (input === undefined) continue;
    usageError(io, `${option} ${path} is a file this run reads (${displayPath(input, cwd)}); nothing was written`);
    return true;
  }
  return false;
}

/** Device and inode: equal for every name of one file. Undefined for a missing path. */
function fileIdentity(path: string): string | undefined {
  try {
    const { dev, ino } = statSync(path);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}
