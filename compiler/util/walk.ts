// Lists files below a folder in sorted order, confined to it: a symbolic link is followed only
// when it resolves inside the folder, and broken, looping or escaping links, and devices or FIFOs
// with a wanted name, are reported instead of read. Output never depends on the order the file
// system returns entries in.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export interface WalkOptions {
  /** Whether a file (by name) is wanted. */
  file: (name: string) => boolean;
  /** Whether a folder (by name) is skipped entirely. */
  skipFolder: (name: string) => boolean;
}

export interface WalkResult {
  files: string[];
  /** Links that cannot be followed safely, and wanted names that are not regular files, with why. */
  problems: { path: string; detail: string }[];
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/** A FIFO would block the read and a device never end; neither is skipped silently. */
const irregular = 'is not a regular file (a device, FIFO or socket)';

export function walkFiles(root: string, options: WalkOptions): WalkResult {
  const realRoot = realpathSync(root);
  const result: WalkResult = { files: [], problems: [] };
  const visit = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!options.skipFolder(entry.name)) visit(path);
      } else if (entry.isFile()) {
        if (options.file(entry.name)) result.files.push(path);
      } else if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(path);
        } catch {
          if (options.file(entry.name)) result.problems.push({ path, detail: 'is a broken or looping link' });
          continue;
        }
        const stats = statSync(real);
        const isFile = stats.isFile();
        if (!isFile && !stats.isDirectory()) {
          if (options.file(entry.name)) result.problems.push({ path, detail: irregular });
          continue;
        }
        if (isFile && !options.file(entry.name)) continue; // a file that would not be read anyway
        if (!isInside(realRoot, real)) result.problems.push({ path, detail: 'links outside its folder' });
        // A link to a folder inside the root is already listed through its real path.
        else if (isFile) result.files.push(path);
      } else if (options.file(entry.name)) {
        result.problems.push({ path, detail: irregular });
      }
    }
  };
  visit(root);
  return result;
}
