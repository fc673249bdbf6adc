// Code delivery, content-addressed: a step's script (or its whole sourceDir) is hashed, and the
// hash names its S3 location, so the definition changes exactly when the code does and
// SageMaker's step cache stays valid otherwise. Archives are byte-reproducible.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { isInside, stepFolder, type StepType } from '../link/step-library.js';

export interface CodeBundle {
  /** sha256 over the sorted (path, content hash) pairs of the files. */
  hash: string;
  entryPoint: string;
  files: { path: string; bytes: Buffer }[];
}

const skipped = (name: string) => name === '__pycache__' || name.endsWith('.pyc') || name.startsWith('.');

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
  if (!existsSync(entry) || !statSync(entry).isFile() || !isInside(root, entry)) {
    bag.report('PLC4001', step.source.locate(['script', 'entryPoint']), { path: relative(folder, entry) || script.entryPoint, step: step.doc.name });
    return undefined;
  }
  const paths = script.sourceDir !== undefined ? listFiles(root) : [entry];
  const files = paths.map((path) => ({ path: relative(root, path).split(sep).join('/'), bytes: readFileSync(path) }));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = createHash('sha256');
  for (const file of files) manifest.update(`${file.path}\0${createHash('sha256').update(file.bytes).digest('hex')}\n`);
  return { hash: manifest.digest('hex'), entryPoint: relative(root, entry).split(sep).join('/'), files };
}

function listFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (skipped(name)) continue;
    const path = join(folder, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listFiles(path));
    else if (stat.isFile()) out.push(path);
  }
  return out;
}

/**
 * A gzipped tar of the bundle with fixed metadata (mode 0644, mtime 0, no owner), the shape the
 * SageMaker training toolkit unpacks for script mode.
 */
export function archive(bundle: CodeBundle): Buffer {
  const blocks: Buffer[] = [];
  for (const file of bundle.files) {
    const header = Buffer.alloc(512);
    new Header({ path: file.path, mode: 0o644, size: file.bytes.length, mtime: new Date(0), type: 'File', uid: 0, gid: 0, uname: '', gname: '' }).encode(header, 0);
    blocks.push(header, file.bytes, Buffer.alloc((512 - (file.bytes.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}
