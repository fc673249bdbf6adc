// Code delivery, content-addressed: a step's script (or its whole sourceDir) is hashed, and the
// hash names its S3 location, so the definition changes exactly when the code does and
// SageMaker's step cache stays valid otherwise. Archives are byte-reproducible.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header, Pax } from 'tar';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { stepFolder, type StepType } from '../link/step-library.js';
import { isInside, walkFiles } from '../util/walk.js';

export interface CodeBundle {
  /** sha256 over the sorted (path, content hash) pairs of the files. */
  hash: string;
  entryPoint: string;
  /** `path` relative to the bundle's root; `source` the absolute path it was read from. */
  files: { path: string; bytes: Buffer; source: string }[];
}

/** What a source folder ships: everything but bytecode caches and hidden files. */
const sourceFiles = {
  file: (name: string) => !name.endsWith('.pyc') && !name.startsWith('.'),
  skipFolder: (name: string) => name === '__pycache__' || name.startsWith('.'),
};

export function collectCode(step: StepType, bag: DiagnosticBag): CodeBundle | undefined {
  const script = step.doc.script!;
  const folder = stepFolder(step);
  const root = script.sourceDir !== undefined ? resolve(folder, script.sourceDir) : folder;
  if (script.sourceDir !== undefined) {
    const problem = !existsSync(root) || !statSync(root).isDirectory() ? 'is not a folder' : !isInside(realpathSync(folder), realpathSync(root)) ? 'is outside the step\'s folder' : undefined;
    if (problem) {
      bag.report('PLC4002', step.source.locate(['script', 'sourceDir']), { path: script.sourceDir, step: step.doc.name, detail: problem });
      return undefined;
    }
  }
  const entry = resolve(root, script.entryPoint);
  if (!existsSync(entry) || !statSync(entry).isFile()) {
    bag.report('PLC4001', step.source.locate(['script', 'entryPoint']), { path: relative(folder, entry), step: step.doc.name });
    return undefined;
  }
  if (!isInside(realpathSync(root), realpathSync(entry))) {
    bag.report('PLC4003', step.source.locate(['script', 'entryPoint']), { path: script.entryPoint, step: step.doc.name, root: script.sourceDir ?? 'the step file\'s folder' });
    return undefined;
  }
  let paths = [entry];
  if (script.include !== undefined) {
    if (script.sourceDir !== undefined) {
      bag.report('PLC4004', step.source.locate(['script', 'include'], 'key'), { step: step.doc.name });
      return undefined;
    }
    for (const [i, file] of script.include.entries()) {
      const path = resolve(folder, file);
      const problem = !existsSync(path) || !statSync(path).isFile() ? 'does not exist' : !isInside(realpathSync(folder), realpathSync(path)) ? 'is outside the step file\'s folder' : undefined;
      if (problem) {
        bag.report('PLC4005', step.source.locate(['script', 'include', i]), { path: file, step: step.doc.name, detail: problem });
        return undefined;
      }
      paths.push(path);
    }
  }
  if (script.sourceDir !== undefined) {
    const walked = walkFiles(root, sourceFiles);
    for (const problem of walked.problems) {
      bag.report('PLC4002', step.source.locate(['script', 'sourceDir']), { path: script.sourceDir, step: step.doc.name, detail: `holds ${relative(root, problem.path)}, which ${problem.detail}` });
    }
    if (walked.problems.length > 0) return undefined;
    paths = walked.files;
  }
  const files = paths.map((path) => ({ path: relative(root, path).split(sep).join('/'), bytes: readFileSync(path), source: path }));
  return bundleOf(relative(root, entry).split(sep).join('/'), files);
}

/** The bundle of these files, sorted by path and hashed. */
export function bundleOf(entryPoint: string, files: CodeBundle['files']): CodeBundle {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = createHash('sha256');
  for (const file of sorted) manifest.update(`${file.path}\0${createHash('sha256').update(file.bytes).digest('hex')}\n`);
  return { hash: manifest.digest('hex'), entryPoint, files: sorted };
}

/**
 * A gzipped tar of the bundle with fixed metadata (mode 0644, mtime 0, no owner), the shape the
 * SageMaker training toolkit unpacks for script mode.
 */
export function archive(bundle: CodeBundle): Buffer {
  const blocks: Buffer[] = [];
  for (const file of bundle.files) {
    const fields = { path: file.path, mode: 0o644, size: file.bytes.length, mtime: new Date(0), uid: 0, gid: 0, uname: '', gname: '' };
    const header = Buffer.alloc(512);
    // Paths over ustar's 100 characters go in a PAX extended header before the entry.
    if (new Header({ ...fields, type: 'File' }).encode(header, 0)) blocks.push(new Pax(fields).encode());
    blocks.push(header, file.bytes, Buffer.alloc((512 - (file.bytes.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}
