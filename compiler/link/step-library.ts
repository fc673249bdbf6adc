// Pass 3a, link: load the step libraries (built-in first, then the pipeline's own folders) into
// one name → step type table. Folders are read in sorted order so results never depend on the
// file system; a name defined twice is an error unless a project step says override: true.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { builtinStepsDir } from '../../schema/paths.js';
import type { StepDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { loadYaml, parseYaml, type LoadedDocument, type Session } from '../load/load-yaml.js';
import { displayPath } from '../source/display-path.js';
import { isInside, walkFiles } from '../util/walk.js';
import { SourceFile, type Location } from '../source/source-file.js';
import { precompiledStepData } from './builtin-library.js';
import { validateDocument } from '../validate/validate-document.js';

export interface StepType {
  doc: StepDocument;
  source: SourceFile;
  builtin: boolean;
  /** A built-in file's job-type variants as `npm run build` merged and validated them (JSON text by job type). */
  precompiledVariants?: Readonly<Record<string, string>>;
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

/** The step files of the package's own library, as loadStepLibrary walks them. */
export const builtinStepFiles = (): string[] => walkFiles(builtinStepsDir, stepFiles).files;

let builtinRoot: string | undefined;

/** A built-in step file's path inside the library (walkFiles lists files below the real path). */
export const builtinRelativePath = (file: string): string => relative((builtinRoot ??= realpathSync(builtinStepsDir)), file);

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
      const precompiled = folder.path === builtinStepsDir ? loadPrecompiled(file, session) : undefined;
      const loaded = precompiled ?? loadYaml(file, session);
      const doc = precompiled ? (precompiled.data as StepDocument) : loaded && validateDocument(loaded, 'Step', bag);
      if (!loaded || !doc) {
        const name = (loaded?.data as { name?: unknown } | null | undefined)?.name;
        if (typeof name === 'string') invalid.add(name);
        continue;
      }
      const step: StepType = { doc, source: loaded.source, builtin: folder.builtin, ...(precompiled ? { precompiledVariants: precompiled.variants } : {}) };
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

/** A built-in step file as `npm run build` left it, when its text is still what was precompiled. */
function loadPrecompiled(file: string, session: Session): (LoadedDocument & { variants: Readonly<Record<string, string>> }) | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // loadYaml reports it
  }
  const precompiled = precompiledStepData(builtinRelativePath(file), text);
  if (!precompiled) return undefined;
  const shown = displayPath(file, session.cwd);
  const source = new SourceFile(shown, file, text, () => parseYaml(text));
  session.sources.set(shown, source);
  return { source, data: precompiled.data, variants: precompiled.variants };
}

/** The folder a step file's relative paths (entryPoint, sourceDir) are resolved against. */
export const stepFolder = (step: StepType): string => dirname(step.source.absolutePath);
