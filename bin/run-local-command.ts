// `plc run <pipeline.yaml> --local`: compile, check the overrides as `plc run` does, then run the
// pipeline on this machine (local/run-local.ts). Exit 0 only when the execution succeeded.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAssignments } from './assignments.js';
import type { CliIo } from './cli-io.js';
import { isPipelineFile } from './compile.js';
import { ExitCode, usageError } from './exit.js';
import type { DiagnosticFormat } from './report.js';

export interface LocalArgs {
  pipeline: string;
  parameter: string[];
  format: DiagnosticFormat;
  's3-root'?: string;
  only: string[];
  from?: string;
  cache: boolean;
  python: string;
  stub: string[];
  mount: string[];
}

export async function runLocalCommand(args: LocalArgs, io: CliIo): Promise<number> {
  // Paths on the command line are the run's, relative to its working folder.
  const at = (path: string) => resolve(io.cwd, path);
  const isFolder = (path: string): boolean => existsSync(at(path)) && statSync(at(path)).isDirectory();
  if (!isPipelineFile(args.pipeline, io.cwd)) return usageError(io, `--local runs a pipeline file, not a deployed pipeline: ${args.pipeline} is no *.yaml file`);
  const parsed = parseAssignments(args.parameter);
  if ('malformed' in parsed) return usageError(io, `-P ${parsed.malformed}: write Name=Value`);
  const stubs = parseAssignments(args.stub);
  if ('malformed' in stubs) return usageError(io, `--stub ${stubs.malformed}: write NODE=outputs.json`);
  const mounts = parseAssignments(args.mount);
  if ('malformed' in mounts) return usageError(io, `--mount ${mounts.malformed}: write s3://bucket/prefix=DIR`);
  const badMount = mounts.assignments.find(({ name }) => !/^s3:\/\/[^/]+/.test(name));
  if (badMount) return usageError(io, `--mount ${badMount.name}=${badMount.value}: the prefix must be an s3://bucket/… URI`);
  const notFolder = mounts.assignments.find(({ value }) => !isFolder(value));
  if (notFolder) return usageError(io, `--mount ${notFolder.name}=${notFolder.value}: ${notFolder.value} is not a folder`);
  const s3Root = args['s3-root'];
  if (s3Root !== undefined && existsSync(at(s3Root)) && !isFolder(s3Root)) return usageError(io, `--s3-root ${s3Root}: it exists and is not a folder`);

  const { compileReported } = await import('./compile.js');
  const compiled = await compileReported(io, args.pipeline, 'sagemaker', args.format);
  if (!compiled) return ExitCode.Findings;
  const { checkOverrides } = await import('../aws/overrides.js');
  const problems = checkOverrides(compiled.ir.parameters, parsed.assignments);
  if (problems.length > 0) return usageError(io, `${problems.join('\nplc: ')}\nplc: nothing was run`);

  const { definitionText } = await import('../compiler/backends/sagemaker/sagemaker-backend.js');
  const { runLocal, LocalUsageError } = await import('../local/run-local.js');
  const stateDir = at(join('.plc', 'local'));
  try {
    const succeeded = await runLocal({
      ir: compiled.ir,
      definition: definitionText(compiled.ir),
      ...(compiled.pipeline.doc.codePrefix !== undefined ? { codePrefix: compiled.pipeline.doc.codePrefix } : {}),
      overrides: parsed.assignments,
      stateDir,
      s3Root: args['s3-root'] !== undefined ? at(args['s3-root']) : join(stateDir, 's3'),
      mounts: mounts.assignments.map(({ name, value }) => ({ prefix: name, folder: at(value) })),
      only: args.only,
      ...(args.from !== undefined ? { from: args.from } : {}),
      cache: args.cache,
      python: args.python,
      stubs: new Map(stubs.assignments.map(({ name, value }) => [name, at(value)])),
      stream: io.stderr,
      cwd: io.cwd,
      env: io.env,
    });
    return succeeded ? ExitCode.Ok : ExitCode.Findings;
  } catch (error) {
    if (error instanceof LocalUsageError) return usageError(io, `${error.message}\nplc: nothing was run`);
    throw error;
  }
}
