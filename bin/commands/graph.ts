// `plc graph`: the pipeline as a diagram, a shortcut for `plc build --backend graph` that picks the
// format for stdout.
import { extname } from 'node:path';
import type { PlcCommand } from '../cli-io.js';
import { usageError } from '../exit.js';
import { buildCommand, type BuildArgs } from './build.js';

interface GraphArgs {
  pipeline: string;
  format?: 'mermaid' | 'dot' | 'svg' | 'html';
  output?: string;
}

const extensions = { mermaid: '.mmd', dot: '.dot', svg: '.svg', html: '.html' } as const;

export const graphCommand: PlcCommand<GraphArgs> = {
  builder: (yargs) =>
    yargs
      .positional('pipeline', { type: 'string', demandOption: true, description: 'The pipeline file' })
      .option('format', { type: 'string', choices: Object.keys(extensions), description: 'Mermaid (for Markdown, GitHub renders it), DOT (for Graphviz), SVG, or HTML (one self-contained page); default mermaid, or what -o FILE.mmd / .dot / .svg / .html names' })
      .option('output', { alias: 'o', type: 'string', description: 'Write here instead of stdout; FILE.mmd, .dot, .svg or .html picks the format, DIR/ writes all four' })
      .example('$0 graph examples/xgboost-e2e.pipeline.yaml', 'Print the pipeline as a Mermaid flowchart')
      .example('$0 graph pipeline.yaml -o pipeline.html', 'A page to open in a browser, drawn without external tools')
      .example('$0 graph pipeline.yaml --format dot | dot -Tpng > pipeline.png', 'Render with an installed Graphviz') as never,
  handler: async (args, io) => {
    const named = args.output === undefined ? undefined : (Object.keys(extensions) as (keyof typeof extensions)[]).find((format) => extname(args.output!) === extensions[format]);
    if (args.format !== undefined && named !== undefined && named !== args.format) return usageError(io, `--format ${args.format}, but -o ${args.output} names a ${named} file`);
    const format = args.format ?? named ?? 'mermaid';
    const build: BuildArgs = { pipeline: args.pipeline, backend: 'graph', format: 'pretty', stdoutExtension: extensions[format], ...(args.output !== undefined ? { output: args.output } : {}) };
    return buildCommand.handler(build as never, io);
  },
};
