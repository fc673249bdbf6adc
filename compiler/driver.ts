// The compiler driver: runs the passes in order — load → validate → link → expand → bind → wire → check
// → lower → emit. Each pass reports into one diagnostic bag and keeps going where it can, so one
// run reports every problem; nothing is emitted once an error is found.
import { dirname } from 'node:path';
import { builtinStepsDir } from '../schema/paths.js';
import type { EmittedFile } from './backends/backend.js';
import { backends } from './backends/registry.js';
import { bindPipeline } from './bind/bind-pipeline.js';
import { expandPipeline } from './expand/expand-variants.js';
import { checkCycles } from './check/graph.js';
import { checkStepContract } from './check/step-contract.js';
import { DiagnosticBag, type Diagnostic } from './diagnostics/diagnostic.js';
import type { PipelineIR } from './ir/pipeline.js';
import { loadYaml, type Session } from './load/load-yaml.js';
import { lowerPipeline } from './lower/lower-pipeline.js';
import { linkPipeline } from './link/link-pipeline.js';
import { loadStepLibrary, resolveLibraryFolders } from './link/step-library.js';
import type { SourceFile } from './source/source-file.js';
import { validateDocument } from './validate/validate-document.js';
import { wirePipeline } from './wire/wire-pipeline.js';

export interface CompileOptions {
  /** Folder that relative paths and displayed paths are taken from. */
  cwd: string;
  backend?: keyof typeof backends;
  /** Where built-in step types are read from (tests point this elsewhere). */
  builtinSteps?: string;
}

export interface CompileResult {
  diagnostics: Diagnostic[];
  /** Every file read, for renderers that quote source lines. */
  sources: ReadonlyMap<string, SourceFile>;
  /** Present only when there is no error. */
  ir?: PipelineIR;
  files?: EmittedFile[];
}

export function compilePipeline(pipelinePath: string, options: CompileOptions): CompileResult {
  const session: Session = { cwd: options.cwd, bag: new DiagnosticBag(), sources: new Map() };
  const finish = (extra: Partial<CompileResult> = {}): CompileResult => ({ diagnostics: session.bag.sorted(), sources: session.sources, ...extra });

  const loaded = loadYaml(pipelinePath, session);
  const doc = loaded && validateDocument(loaded, 'Pipeline', session.bag);
  if (!loaded || !doc) return finish();
  const { source } = loaded;

  const root = dirname(source.absolutePath);
  const folders = resolveLibraryFolders(options.builtinSteps ?? builtinStepsDir, (doc.steps ?? []).map((path, i) => ({ path, namedAt: source.locate(['steps', i]) })), root, session.bag);
  const library = loadStepLibrary(folders, session);
  const linked = linkPipeline(doc, source, library, session.bag);
  const expanded = expandPipeline(linked, session.bag);
  for (const step of new Set(expanded.expanded.map((n) => n.step))) checkStepContract(step, session.bag);
  const bound = bindPipeline(expanded, session.bag);
  const wired = wirePipeline(bound, session.bag);
  checkCycles(wired, session.bag);
  // Lowering still runs after errors: it checks images, code and outputs of the nodes that bound.
  const ir = lowerPipeline(wired, session.bag);
  if (session.bag.hasErrors) return finish();
  const backend = backends[options.backend ?? 'sagemaker'];
  return finish({ ir, files: backend.emit(ir) });
}
