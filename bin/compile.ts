// Compiles a pipeline the way every command that needs its output does: the project's
// plc.config.yaml applies, diagnostics go to stderr, and the result is usable only without errors.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackendName } from '../compiler/backends/registry.js';
import type { CompileResult } from '../compiler/driver.js';
import type { CliIo } from './cli-io.js';
import { reportDiagnostics, type DiagnosticFormat } from './report.js';

export type Compiled = CompileResult & Required<Pick<CompileResult, 'files' | 'ir' | 'pipeline'>> & {
  /** Every file the compile read, as absolute paths: no output may replace one. */
  read: string[];
};

/** The compiled pipeline, or undefined after reporting why there is none. */
export async function compileReported(io: CliIo, pipelinePath: string, backendName: BackendName, format: DiagnosticFormat): Promise<Compiled | undefined> {
  const { compilePipeline } = await import('../compiler/driver.js');
  const { withPythonParser } = await import('../compiler/check/python/parser.js');
  const { backendLoaders } = await import('../compiler/backends/registry.js');
  const { loadProjectConfig } = await import('../compiler/config/project-config.js');
  const { cwd } = io;
  const config = loadProjectConfig(cwd);
  const backend = await backendLoaders[backendName]();
  const result = await withPythonParser((parsePython) => compilePipeline(pipelinePath, { cwd, backend, parsePython, ruleLevels: config.rules, ignores: config.ignores }));
  await reportDiagnostics(io, [...config.diagnostics, ...result.diagnostics], new Map([...config.sources, ...result.sources]), format);
  if (!result.files || !result.ir || !result.pipeline || config.diagnostics.length > 0) return undefined;
  const read = [...config.sources.keys(), ...result.sources.keys(), ...result.ir.code.flatMap((object) => object.sources)].map((path) => resolve(cwd, path));
  return { ...result, read } as Compiled;
}

/** Whether a command argument names a pipeline file rather than a deployed pipeline. */
export const isPipelineFile = (argument: string, cwd: string): boolean => /\.ya?ml$/.test(argument) || (existsSync(resolve(cwd, argument)) && statSync(resolve(cwd, argument)).isFile());
