// `plc init [dir]`: a ready project (bin/scaffold/project-files.ts). It never overwrites: when any
// file it would write exists, it writes nothing and says which (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { packageRoot, schemaPath } from '../../schema/paths.js';
import type { PlcCommand } from '../cli-io.js';
import { ExitCode, usageError } from '../exit.js';
import { reportDiagnostics } from '../report.js';
import { writeOutputs } from '../write-outputs.js';

interface InitArgs {
  dir: string;
  'plc-spec'?: string;
}

export const initCommand: PlcCommand<InitArgs> = {
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', description: 'The project folder (created when missing)' })
      .option('plc-spec', { type: 'string', description: 'How the project installs plc: a tarball, a folder, or a git URL (default: where this plc came from)' })
      .example('$0 init fraud-model', 'A project in ./fraud-model with fraud-model.pipeline.yaml')
      .example('$0 init && $0 check', 'A project in this folder, checked as CI will')
      .example('$0 init --plc-spec git+https://github.com/you/plc.git#v0.1.0', 'A project whose CI installs plc from git') as never,
  handler: async (args, io) => {
    const { inspectLibrary } = await import('../../compiler/driver.js');
    const { schemaTextFor } = await import('../../compiler/editor-schema/project-schema.js');
    const { pipelineName, pipelineSchema, projectFiles } = await import('../scaffold/project-files.js');
    const { givenPlcSpec, runningPlcSpec, specForProject } = await import('../scaffold/plc-spec.js');
    const { cwd } = io;
    const dir = resolve(cwd, args.dir);
    const origin = args['plc-spec'] === undefined ? runningPlcSpec(packageRoot) : givenPlcSpec(args['plc-spec'], cwd);
    if ('error' in origin) return usageError(io, origin.error);
    const plc = specForProject(origin, dir);
    const library = inspectLibrary({ cwd });
    if (library.diagnostics.some((d) => d.severity === 'error')) {
      await reportDiagnostics(io, library.diagnostics, library.sources, 'pretty');
      return ExitCode.Internal;
    }
    const files = projectFiles({
      name: pipelineName(basename(dir)),
      plcSpec: plc.spec,
      pipelineSchemaText: (file, text) => schemaTextFor(library.library, { file: join(dir, file), text }, join(dir, pipelineSchema), cwd),
      stepSchemaText: readFileSync(schemaPath('step.schema.json'), 'utf8'),
    });
    const existing = files.filter((file) => existsSync(join(dir, file.path))).map((file) => relative(cwd, join(dir, file.path)));
    if (existing.length > 0) return usageError(io, `init writes nothing, since these files exist: ${existing.join(', ')}\nChoose an empty folder: plc init <dir>`);
    if (!writeOutputs(io, files.map((file) => ({ path: join(dir, file.path), contents: file.contents })))) return ExitCode.Usage;
    const where = relative(cwd, dir) || '.';
    io.stdout.write(`Created a plc project in ${where}:\n${files.map((f) => `  ${f.path}`).join('\n')}\nNext: cd ${where} && npm install && npx --no plc check\n`);
    if (plc.localOnly) io.stderr.write(`note: package.json installs plc from ${plc.spec.slice('file:'.length)}, which only this machine has; for CI, run plc init --plc-spec with a git URL or a tarball inside the project\n`);
    return ExitCode.Ok;
  },
};
