// The one way plc writes a file it was asked to write. A regular file (or a missing one) is
// replaced atomically: a temp file in the same folder, then a rename, so a failed or interrupted
// run never leaves a half-written file or touches an earlier output. A rename would replace what
// stands at the path, so a link is followed to its target and the target replaced there, and a
// character device or FIFO (`-o /dev/null`, `-o /dev/stdout`) is written into directly. Anything
// else (a block device, a socket) is refused.
import { lstatSync, mkdirSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CliIo } from './cli-io.js';

/** Links followed before giving up, as the kernel does (ELOOP after 40). */
const maxLinks = 40;

/**
 * Throws the file-system error with `path` set to the target, whatever step failed. `path` is
 * absolute; /dev/stdout and /dev/stderr are the run's streams.
 */
export function writeFileAtomic(path: string, contents: string | Uint8Array, io: Pick<CliIo, 'stdout' | 'stderr'>): void {
  try {
    const target = writeTarget(path);
    if (target.descriptor === 1) io.stdout.write(contents);
    else if (target.descriptor === 2) io.stderr.write(contents);
    else if (target.descriptor !== undefined) writeFileSync(target.descriptor, contents);
    else if (target.direct) writeFileSync(target.path, contents);
    else replaceAtomically(target.path, contents);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw Object.assign(new Error(message), { code, path });
  }
}

/** /dev/fd/N and /proc/self/fd/N name this process's descriptor N (/dev/stdout links to one). */
const ownDescriptor = new RegExp(`^/(?:dev|proc/(?:self|thread-self|${process.pid}))/fd/(\\d+)$`);

/**
 * Where the bytes go: replaced atomically at `path`, written into `path` directly (a device or
 * FIFO), or into one of this process's open descriptors (which may be a socket that cannot be
 * opened by name).
 */
function writeTarget(path: string): { path: string; direct: boolean; descriptor?: number } {
  let current = resolve(path);
  for (let hops = 0; ; hops++) {
    const descriptor = ownDescriptor.exec(current)?.[1];
    if (descriptor !== undefined) return { path: current, direct: true, descriptor: Number(descriptor) };
    const stats = lstatOrUndefined(current);
    if (stats === undefined) return { path: current, direct: false };
    if (stats.isSymbolicLink()) {
      if (hops === maxLinks) throw Object.assign(new Error(`too many levels of links: ${path}`), { code: 'ELOOP' });
      current = resolve(dirname(current), readlinkSync(current));
      continue;
    }
    if (stats.isFile()) return { path: current, direct: false };
    if (stats.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    if (stats.isCharacterDevice() || stats.isFIFO()) return { path: current, direct: true };
    throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREGULAR' });
  }
}

function replaceAtomically(path: string, contents: string | Uint8Array): void {
  const temp = join(dirname(path), `.plc-tmp-${process.pid}-${basename(path)}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file never existed where its folder could not be made.
    }
    throw error;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether `path` is a regular file (after links); false when it is missing. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
