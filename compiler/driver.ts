// The compiler driver: runs the passes in order — load → validate → link → expand → bind → wire → check
// → lower → emit. Each pass reports into one diagnostic bag and keeps going where it can, so one
// run reports every problem; nothing is emitted once an error is found.
import { dirname, resolve } from 'node:path';
import { builtinStepsDir } from '../schema/paths.js';
import type { Backend, EmittedFile } from './backends/backend.js';
import { definitionJson, definitionOf, sagemakerBackend } from './backends/sagemaker/sagemaker-backend.js';
import { bindPipeline } from './bind/bind-pipeline.js';
import { expandPipeline } from './expand/expand-variants.js';
import { checkCatalog } from './check/catalog/check-catalog.js';
import { checkBranchDependencies, checkCycles, checkOrphans } from './check/graph.js';
import { branchOwners, checkAfterControl } from './control/branches.js';
import { compileControls } from './control/control-nodes.js';
import { checkLayoutDeclarations, checkLayouts } from './check/layout.js';
import { checkNaming } from './check/naming.js';
import { checkRequestShapes } from './check/request-shapes.js';
import type { ParsePython } from './check/python/parser.js';
import { checkScriptContract } from './check/script-contract.js';
import { checkStepContract } from './check/step-contract.js';
import { checkUnboundConfigFields } from './check/step-config/unbound-config-field.js';
import { checkUndeclaredConfigReferences } from './check/step-config/undeclared-config-reference.js';
import { DiagnosticBag, type Diagnostic } from './diagnostics/diagnostic.js';
import { apiLimits } from './sagemaker/api-limits.js';
import type { PathIgnores, RuleLevels } from './config/project-config.js';
import type { PipelineIR } from './ir/pipeline.js';
import { loadYaml, type Session } from './load/load-yaml.js';
import { collectCode } from './lower/code-bundle.js';
import { lowerPipeline } from './lower/lower-pipeline.js';
import { linkPipeline } from './link/link-pipeline.js';
import { loadStepLibrary } from './link/step-library.js';
import type { SourceFile } from './source/source-file.js';
import type { SourceText } from './source/text-source.js';
import { validateDocument } from './validate/validate-document.js';
import { wirePipeline } from './wire/wire-pipeline.js';
import type { WiredPipeline } from './stages.js';

export interface CompileOptions {
  /** Folder that relative paths and displayed paths are taken from. */
  cwd: string;
  /** What to emit (see backends/registry.ts); the SageMaker definition by default. */
  backend?: Backend;
  /** Where built-in step types are read from (tests point this elsewhere). */
  builtinSteps?: string;
  /** The Python parser (loaded asynchronously, see loadPythonParser); without it scripts are not checked against their contracts. */
  parsePython?: ParsePython;
  /** Severity per code from plc.config.yaml (see loadProjectConfig). */
  ruleLevels?: RuleLevels;
  /** Ignores by path from plc.config.yaml; they record what they hide (see PathIgnores). */
  ignores?: PathIgnores;
}

export interface AnalysisResult {
  diagnostics: Diagnostic[];
  /** Diagnostics hidden by # plc-ignore-next-line comments and by plc.config.yaml ignores. */
  suppressed: number;
  /** Every file read, for renderers that quote source lines. */
  sources: ReadonlyMap<string, SourceText>;
  /** The pipeline after wiring, when it got that far (for plc explain). */
  pipeline?: WiredPipeline;
  /** Present only when there is no error. */
  ir?: PipelineIR;
}

export interface CompileResult extends AnalysisResult {
  /** The backend's files; present only when there is no error. */
  files?: EmittedFile[];
}

import { conclude, libraryFolders } from './inspect-library.js';

export { inspectLibrary, type LibraryResult } from './inspect-library.js';

/** A step type file on its own: its schema, its kind's rules and its code. */
export function checkStepFile(stepPath: string, options: CompileOptions): AnalysisResult {
  const session: Session = { cwd: options.cwd, bag: new DiagnosticBag(), sources: new Map() };
  const loaded = loadYaml(stepPath, session);
  const doc = loaded && validateDocument(loaded, 'Step', session.bag);
  if (loaded && doc) {
    const step = { doc, source: loaded.source, builtin: false };
    checkStepContract(step, session.bag);
    checkLayoutDeclarations(step, session.bag);
    checkNaming(step, session.bag);
    checkUnboundConfigFields(step, session.bag);
    checkUndeclaredConfigReferences(step, session.bag);
    if (doc.script) collectCode(step, session.bag);
    if (options.parsePython) checkScriptContract(step, options.parsePython, options.cwd, session.sources, session.bag);
  }
  return conclude(session, options);
}

/**
 * The catalog-wide rules over the libraries of the given step files: each folder holding one is
 * read with the built-in library, and its step types' inputs are matched against every output.
 * Problems of the files themselves are checkStepFile's, so loading reports into a scratch bag.
 */
export function checkStepCatalogs(stepPaths: readonly string[], options: CompileOptions): AnalysisResult {
  const session: Session = { cwd: options.cwd, bag: new DiagnosticBag(), sources: new Map() };
  const builtin = resolve(options.builtinSteps ?? builtinStepsDir);
  const checked = new Set(stepPaths.map((path) => resolve(options.cwd, path)));
  for (const folder of [...new Set([...checked].map((path) => dirname(path)))].sort()) {
    const scratch: Session = { cwd: options.cwd, bag: new DiagnosticBag(), sources: session.sources };
    const folders = folder === builtin ? [{ path: builtin, builtin: true }] : [{ path: builtin, builtin: true }, { path: folder, builtin: false }];
    checkCatalog(loadStepLibrary(folders, scratch), (step) => checked.has(step.source.absolutePath) && dirname(step.source.absolutePath) === folder, session.bag);
  }
  return conclude(session, options);
}

/** Every pass up to the IR; no backend runs. */
export function analyzePipeline(pipelinePath: string, options: CompileOptions): AnalysisResult {
  const session: Session = { cwd: options.cwd, bag: new DiagnosticBag(), sources: new Map() };
  const finish = (extra: Partial<AnalysisResult> = {}): AnalysisResult => ({ ...conclude(session, options), ...extra });

  const loaded = loadYaml(pipelinePath, session);
  const doc = loaded && validateDocument(loaded, 'Pipeline', session.bag);
  if (!loaded || !doc) return finish();
  const { source } = loaded;

  const library = loadStepLibrary(libraryFolders(doc, source, options, session), session);
  const linked = linkPipeline(doc, source, library, session.bag);
  const expanded = expandPipeline(linked, session.bag);
  for (const step of new Set(expanded.expanded.map((n) => n.step))) checkStepContract(step, session.bag);
  for (const step of new Set(linked.nodes.map((n) => n.step))) checkNaming(step, session.bag);
  for (const step of new Set(linked.nodes.map((n) => n.step))) checkLayoutDeclarations(step, session.bag);
  if (options.parsePython) {
    for (const step of new Set(linked.nodes.map((n) => n.step))) checkScriptContract(step, options.parsePython, options.cwd, session.sources, session.bag);
  }
  const bound = bindPipeline(expanded, session.bag);
  const wired = wirePipeline(bound, session.bag);
  const links = { controls: compileControls(wired, session.bag), owners: branchOwners(wired, session.bag) };
  checkAfterControl(wired, session.bag);
  checkLayouts(wired, session.bag);
  checkCycles(wired, links, session.bag);
  // Lowering still runs after errors: it checks images, code and outputs of the nodes that bound.
  const ir = lowerPipeline(wired, links, session.bag);
  if (!session.bag.hasErrors) {
    checkOrphans(wired, links, session.bag);
    checkBranchDependencies(wired, links, session.bag);
    const { Steps } = definitionOf(ir) as unknown as { Steps: Parameters<typeof checkRequestShapes>[0] };
    checkRequestShapes(Steps, wired.bound, (node) => source.locate(['nodes', node.id], 'key'), session.bag);
    // In the bag like every finding, so rule levels, # plc-ignore-next-line and ignores apply to it.
    checkDefinitionSize(definitionJson(ir), source, session.bag);
  }
  const result = conclude(session, options);
  // A suppressed error does not stop the build; what is left decides.
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  return { ...result, pipeline: wired, ...(failed ? {} : { ir }) };
}

export function compilePipeline(pipelinePath: string, options: CompileOptions): CompileResult {
  const analysis = analyzePipeline(pipelinePath, options);
  if (!analysis.ir) return analysis;
  // The size limits were checked on the definition as deploy sends it, whatever the backend wraps it in (or draws instead).
  return { ...analysis, files: (options.backend ?? sagemakerBackend).emit(analysis.ir) };
}

/** The SDK sends definitions under 100 KB inline; CreatePipeline takes at most 1,048,576 characters. */
const inlineDefinitionBytes = 100 * 1024;

function checkDefinitionSize(definition: string, source: SourceFile, bag: DiagnosticBag): void {
  const at = source.locate(['name']);
  const max = apiLimits.pipelineDefinition.max;
  const bytes = Buffer.byteLength(definition);
  if (definition.length > max) bag.report('PLC5018', at, { size: definition.length, max });
  else if (bytes > inlineDefinitionBytes) bag.report('PLC5019', at, { size: bytes, limit: inlineDefinitionBytes });
}
