// Pass 3a, link: load the step libraries (built-in first, then the pipeline's own folders) into
// one name → step type table. Folders are read in sorted order so results never depend on the
// file system; a name defined twice is an error unless a project step says override: true.
import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { StepDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { displayPath, loadYaml, type Session } from '../load/load-yaml.js';
import { isInside, walkFiles } from '../util/walk.js';
import type { Location, SourceFile } from '../source/source-file.js';
import { validateDocument } from '../validate/validate-document.js';

export interface StepType {
  doc: StepDocument;
  source: SourceFile;
  builtin: boolean;
}

export interface StepLibrary {
  steps: ReadonlyMap<string, StepType>;
  /** Names of step files that failed validation (reported there), so nodes using them stay quiet. */
  invalid: ReadonlySet<string>;
}

export interface LibraryFolder {
  path: string;
  builtin: boolean;
  /** Where the pipeline names this folder, for diagnostics. */
  namedAt?: Location;
}

/** Step files below a library folder; node_modules and hidden folders are not step libraries. */
const stepFiles = { file: (name: string) => name.endsWith('.step.yaml'), skipFolder: (name: string) => name === 'node_modules' || name.startsWith('.') };

/** The folders a pipeline uses: the built-in library, then its own, each confined to `root`. */
export function resolveLibraryFolders(builtinDir: string, entries: readonly { path: string; namedAt: Location }[], root: string, bag: DiagnosticBag): LibraryFolder[] {
  const folders: LibraryFolder[] = [{ path: builtinDir, builtin: true }];
  for (const entry of entries) {
    const absolute = resolve(root, entry.path);
    let real: string;
    try {
      real = realpathSync(absolute);
      if (!statSync(real).isDirectory()) {
        bag.report('PLC1003', entry.namedAt, { path: entry.path, detail: 'is not a folder' });
        continue;
      }
    } catch {
      bag.report('PLC1003', entry.namedAt, { path: entry.path, detail: 'does not exist' });
      continue;
    }
    if (!isInside(realpathSync(root), real)) {
      bag.report('PLC1003', entry.namedAt, { path: entry.path, detail: 'is outside the pipeline\'s folder' });
      continue;
    }
    folders.push({ path: real, builtin: false, namedAt: entry.namedAt });
  }
  return folders;
}

export function loadStepLibrary(folders: readonly LibraryFolder[], session: Session): StepLibrary {
  const { bag } = session;
  const library = new Map<string, StepType>();
  const invalid = new Set<string>();
  const seen = new Set<string>();
  for (const folder of folders) {
    const { files, problems } = walkFiles(folder.path, stepFiles);
    for (const problem of problems) {
      bag.report('PLC1003', folder.namedAt ?? { file: displayPath(problem.path, session.cwd), range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }, { path: displayPath(problem.path, session.cwd), detail: problem.detail });
    }
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const loaded = loadYaml(file, session);
      const doc = loaded && validateDocument(loaded, 'Step', bag);
      if (!loaded || !doc) {
        const name = (loaded?.data as { name?: unknown } | null | undefined)?.name;
        if (typeof name === 'string') invalid.add(name);
        continue;
      }
      const step: StepType = { doc, source: loaded.source, builtin: folder.builtin };
      const existing = library.get(doc.name);
      if (existing && !(existing.builtin && !folder.builtin && doc.override === true)) {
        bag.report('PLC1002', loaded.source.locate(['name']), { name: doc.name, other: existing.source.displayPath }, {
          related: [{ message: `${doc.name} is first defined here`, location: existing.source.locate(['name']) }],
        });
        continue;
      }
      library.set(doc.name, step);
    }
  }
  return { steps: library, invalid };
}

/** The folder a step file's relative paths (entryPoint, sourceDir) are resolved against. */
export const stepFolder = (step: StepType): string => dirname(step.source.absolutePath);
