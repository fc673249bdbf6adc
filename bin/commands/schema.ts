// `plc schema`: the pipeline schema for the step libraries in use, for editors.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PlcCommand } from '../cli-io.js';
import { ExitCode } from '../exit.js';
import { reportDiagnostics } from '../report.js';
import { refuseInputs, writeOutputs } from '../write-outputs.js';

interface SchemaArgs {
  pipeline?: string;
  output?: string;
}

export const schemaCommand: PlcCommand<SchemaArgs> = {
  builder: (yargs) =>
    yargs
      .option('pipeline', { alias: 'p', type: 'string', description: "Include this pipeline's own step libraries, and complete its node ids and wires" })
      .option('output', { alias: 'o', type: 'string', description: 'Write the schema here (default: stdout)' })
      .example('$0 schema -p pipeline.yaml -o .plc/pipeline.schema.json', 'Then point the modeline at it: # yaml-language-server: $schema=.plc/pipeline.schema.json') as never,
  handler: async (args, io) => {
    const { inspectLibrary } = await import('../../compiler/inspect-library.js');
    const { schemaTextFor } = await import('../../compiler/editor-schema/project-schema.js');
    const { cwd } = io;
    const result = inspectLibrary({ cwd }, args.pipeline);
    await reportDiagnostics(io, result.diagnostics, result.sources, 'pretty');
    if (result.diagnostics.some((d) => d.severity === 'error')) return ExitCode.Findings;
    const output = args.output === undefined || args.output === '-' ? undefined : resolve(cwd, args.output);
    const pipelineFile = args.pipeline === undefined ? undefined : resolve(cwd, args.pipeline);
    const text = schemaTextFor(result.library, pipelineFile === undefined ? undefined : { file: pipelineFile, text: readFileSync(pipelineFile, 'utf8') }, output, cwd);
    if (output === undefined) io.stdout.write(text);
    else if (refuseInputs(io, [{ option: '-o', path: args.output! }], [...result.sources.keys()].map((path) => resolve(cwd, path))) || !writeOutputs(io, [{ path: output, contents: text }])) return ExitCode.Usage;
    return ExitCode.Ok;
  },
};
