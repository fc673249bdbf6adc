// Outputs are written atomically (temp file in the same folder + rename), so a failed or
// interrupted build never leaves a half-written file or touches an earlier output.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Throws the file-system error with `path` set to the target, whatever step failed. */
export function writeFileAtomic(path: string, contents: string | Uint8Array): void {
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
    const { code, message } = error as NodeJS.ErrnoException;
    throw Object.assign(new Error(message), { code, path });
  }
}
