// The step types a pipeline can use, without the rest of the driver's passes (for `plc schema`,
// `plc steps` and others that need only the library), and the conclusion every analysis shares.
import { dirname } from 'node:path';
import { builtinStepsDir } from '../schema/paths.js';
import type { PipelineDocument } from '../schema/types.generated.js';
import { applyRuleLevels } from './config/project-config.js';
import { DiagnosticBag, type Diagnostic } from './diagnostics/diagnostic.js';
import { applySuppressions } from './diagnostics/suppress.js';
import type { CompileOptions } from './driver.js';
import { loadStepLibrary, resolveLibraryFolders, type LibraryFolder, type StepLibrary } from './link/step-library.js';
import { loadYaml, type Session } from './load/load-yaml.js';
import type { SourceFile } from './source/source-file.js';
import type { SourceText } from './source/text-source.js';
import { validateDocument } from './validate/validate-document.js';

export interface LibraryResult {
  diagnostics: Diagnostic[];
  suppressed: number;
  sources: ReadonlyMap<string, SourceText>;
  library: StepLibrary;
}

/**
 * The session's diagnostics after rule levels, in-file suppressions and then ignores by path (so
 * the problems of suppression comments can be ignored by path too), with every file it read.
 */
export function conclude(session: Session, options: CompileOptions): { diagnostics: Diagnostic[]; suppressed: number; sources: ReadonlyMap<string, SourceText> } {
  const levelled = applyRuleLevels(session.bag.sorted(), options.ruleLevels ?? new Map());
  const inFile = applySuppressions(levelled, session.sources.values());
  const byPath = options.ignores?.apply(inFile.diagnostics) ?? { diagnostics: inFile.diagnostics, suppressed: 0 };
  return { diagnostics: byPath.diagnostics, suppressed: inFile.suppressed + byPath.suppressed, sources: session.sources };
}

/** The built-in library and the pipeline's own, which are confined to the pipeline's folder. */
export function libraryFolders(doc: PipelineDocument, source: SourceFile, options: CompileOptions, session: Session): LibraryFolder[] {
  const entries = (doc.steps ?? []).map((path, i) => ({ path, namedAt: source.locate(['steps', i]) }));
  return resolveLibraryFolders(options.builtinSteps ?? builtinStepsDir, entries, dirname(source.absolutePath), session.bag);
}

/** The step types available: the built-in library, plus a pipeline's own libraries when given. */
export function inspectLibrary(options: CompileOptions, pipelinePath?: string): LibraryResult {
  const session: Session = { cwd: options.cwd, bag: new DiagnosticBag(), sources: new Map() };
  const loaded = pipelinePath === undefined ? undefined : loadYaml(pipelinePath, session);
  const doc = loaded && validateDocument(loaded, 'Pipeline', session.bag);
  const folders = loaded && doc ? libraryFolders(doc, loaded.source, options, session) : resolveLibraryFolders(options.builtinSteps ?? builtinStepsDir, [], options.cwd, session.bag);
  const library = loadStepLibrary(folders, session);
  return { ...conclude(session, options), library };
}

