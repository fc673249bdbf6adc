// Where `plc build` puts a backend's files. Most backends emit one file; the graph backend emits
// one per format. Without -o (or with -o -) the first file goes to stdout. `-o DIR/` (a trailing
// slash, so the meaning never depends on what is on disk) writes every file under its own name.
// `-o FILE` writes the only file, or, when there are several, the one with FILE's extension.
import { extname, join } from 'node:path';
import type { EmittedFile } from '../compiler/backends/backend.js';

export interface Placement {
  /** Relative to the working folder; undefined for stdout. */
  path: string | undefined;
  contents: string;
}

/** `preferred`: the extension of the file to write when the output does not pick one (stdout, or -o FILE without a known extension); default the first file. */
export function placeFiles(files: readonly EmittedFile[], output: string | undefined, preferred?: string): Placement[] | { problem: string } {
  if (output === undefined || output === '-') return [{ path: undefined, contents: (files.find((file) => extname(file.name) === preferred) ?? files[0]!).contents }];
  if (/[\\/]$/.test(output)) return files.map((file) => ({ path: join(output, file.name), contents: file.contents }));
  if (files.length === 1) return [{ path: output, contents: files[0]!.contents }];
  const extension = extname(output);
  const chosen = files.find((file) => extension !== '' && extname(file.name) === extension) ?? files.find((file) => extname(file.name) === preferred);
  if (chosen) return [{ path: output, contents: chosen.contents }];
  const extensions = files.map((file) => extname(file.name));
  return {
    problem: `-o ${output}: this backend emits ${files.map((f) => f.name).join(' and ')}; ` +
      `name a file ending in ${extensions.join(' or ')} for one of them, or a folder ending in / for all`,
  };
}
