// `plc build`: compile a pipeline and write the backend's output (and, on request, the code
// objects a deploy uploads). Nothing is written when there is an error; code objects are written
// before the definition, so a definition on disk never points at code that is not there. Where
// each emitted file goes is output-placement.ts's rule.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { backendNames, type BackendName } from '../../compiler/backends/registry.js';
import { isRegularFile } from '../atomic-write.js';
import type { CliIo, PlcCommand } from '../cli-io.js';
import { ExitCode, usageError } from '../exit.js';
import { placeFiles } from '../output-placement.js';
import { refuseInputs, writeOutputs } from '../write-outputs.js';
import { diagnosticFormats, type DiagnosticFormat } from '../report.js';

export interface BuildArgs {
  pipeline: string;
  output?: string;
  backend: BackendName;
  'emit-code'?: string;
  format: DiagnosticFormat;
  check?: boolean;
  /** Which emitted file goes to stdout, by extension (plc graph --format dot). */
  stdoutExtension?: string;
}

export const buildCommand: PlcCommand<BuildArgs> = {
  builder: (yargs) =>
    yargs
      .positional('pipeline', { type: 'string', demandOption: true, description: 'The pipeline file' })
      .option('output', { alias: 'o', type: 'string', description: 'Write the output here (- for stdout, the default); DIR/ takes every file the backend emits, FILE.ext the one with that extension' })
      .option('backend', { type: 'string', default: 'sagemaker', choices: backendNames, description: 'What to emit: the definition JSON, a CloudFormation template, or the graph as Mermaid and DOT' })
      .option('emit-code', { type: 'string', description: 'Also write the content-addressed code objects into this folder, keyed as under codePrefix' })
      .option('format', { type: 'string', default: 'pretty', choices: diagnosticFormats, description: 'How to print diagnostics (to stderr)' })
      .option('check', { type: 'boolean', description: 'Write nothing; exit 1 with a short diff when an output under -o is stale (like prettier --check)' })
      .example('$0 build examples/tabular-xgboost.pipeline.yaml', 'Print the definition JSON')
      .example('$0 build pipeline.yaml -o build/definition.json --emit-code build/code', 'Write the definition and the code objects to upload under codePrefix')
      .example('$0 build pipeline.yaml --backend cloudformation -o build/pipeline.template.json', 'An AWS::SageMaker::Pipeline template')
      .example('$0 build pipeline.yaml --backend graph -o build/graph/', 'The graph as <name>.mmd (Mermaid) and <name>.dot (Graphviz)')
      .example('$0 build pipeline.yaml --format json', 'Diagnostics as JSON for tools')
      .example('$0 build pipeline.yaml -o build/definition.json --check', 'In CI: fail when the committed definition is not what the sources build') as never,
  handler: async (args, io) => {
    const { compileReported } = await import('../compile.js');
    const result = await compileReported(io, args.pipeline, args.backend, args.format);
    if (!result) return ExitCode.Findings;
    const { cwd } = io;
    const placements = placeFiles(result.files, args.output, args.stdoutExtension);
    if (!Array.isArray(placements)) return usageError(io, placements.problem);
    const folder = args['emit-code'];
    const code = folder === undefined ? [] : result.ir.code.map((object) => ({ path: join(folder, ...object.key.split('/')), bytes: object.bytes }));
    if (args.check) return checkOutputs(io, placements, code);
    const targets = [...code.map(({ path }) => ({ option: '--emit-code', path })), ...placements.flatMap(({ path }) => (path === undefined ? [] : [{ option: '-o', path }]))];
    if (refuseInputs(io, targets, result.read)) return ExitCode.Usage;
    // Checked before the first write, so a clash never leaves half the outputs behind.
    if (folder !== undefined) {
      const emit = resolve(cwd, folder);
      const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}${sep}`);
      const clash = placements.find(({ path }) => path !== undefined && (within(resolve(cwd, path), emit) || within(emit, resolve(cwd, path))));
      if (clash) return usageError(io, `-o ${clash.path} and --emit-code ${folder} overlap: name a file outside the code folder`);
    }
    const stale = code.filter(({ path, bytes }) => !sameOnDisk(resolve(cwd, path), bytes));
    if (!writeOutputs(io, stale.map(({ path, bytes }) => ({ path, contents: bytes })))) return ExitCode.Usage;
    if (folder !== undefined) io.stderr.write(`plc: ${code.length} code object(s) in ${folder} (${stale.length} written)\n`);
    for (const { path, contents } of placements) if (path === undefined) io.stdout.write(contents);
    if (!writeOutputs(io, placements.flatMap(({ path, contents }) => (path === undefined ? [] : [{ path, contents }])))) return ExitCode.Usage;
    return ExitCode.Ok;
  },
};

/** `--check`: compare what would be written (outputs and --emit-code objects) with what is on disk; write nothing. */
async function checkOutputs(io: CliIo, placements: { path?: string; contents: string }[], code: { path: string; bytes: Uint8Array }[]): Promise<number> {
  const { shortDiff } = await import('../stale-diff.js');
  const { cwd } = io;
  const files = placements.filter((p): p is { path: string; contents: string } => p.path !== undefined);
  if (files.length === 0) return usageError(io, '--check compares the files -o names; give -o FILE or -o DIR/');
  // Reading a device or FIFO would never end (or steal what is written into it).
  const irregular = [...files, ...code].find(({ path }) => existsSync(resolve(cwd, path)) && !isRegularFile(resolve(cwd, path)));
  if (irregular) return usageError(io, `--check compares files: ${irregular.path} is not a regular file`);
  const stale = files.filter(({ path, contents }) => {
    const target = resolve(cwd, path);
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (committed === contents) return false;
    io.stderr.write(shortDiff(path, committed, contents));
    return true;
  });
  // Code objects are named by their content's hash, so one is stale only when missing or altered.
  const staleCode = code.filter(({ path, bytes }) => {
    const target = resolve(cwd, path);
    if (sameOnDisk(target, bytes)) return false;
    io.stderr.write(`plc: ${path}: ${existsSync(target) ? 'differs from' : 'missing, unlike'} the code object the definition names\n`);
    return true;
  });
  if (stale.length === 0 && staleCode.length === 0) {
    io.stderr.write(`plc: ${files.length} output(s)${code.length > 0 ? ` and ${code.length} code object(s)` : ''} up to date\n`);
    return ExitCode.Ok;
  }
  io.stderr.write(`plc: ${stale.length} of ${files.length} output(s)${code.length > 0 ? ` and ${staleCode.length} of ${code.length} code object(s)` : ''} stale; run the same plc build without --check to update\n`);
  return ExitCode.Findings;
}

/** Whether the file holds exactly these bytes (code objects are skipped or checked by this). */
function sameOnDisk(path: string, bytes: Uint8Array): boolean {
  return isRegularFile(path) && readFileSync(path).equals(bytes);
}
