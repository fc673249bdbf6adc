// `plc explain PLCnnnn`: what a diagnostic means. `plc explain <pipeline> <node>`: where every
// config value of a node comes from; with --wiring, how each of its inputs got its data.
import { suggest } from '../../compiler/diagnostics/did-you-mean.js';
import type { PlcCommand } from '../cli-io.js';
import { ExitCode, usageError } from '../exit.js';
import { reportDiagnostics } from '../report.js';

interface ExplainArgs {
  pipeline: string;
  node?: string;
  format: 'pretty' | 'json';
  json?: boolean;
  wiring?: boolean;
}

export const explainCommand: PlcCommand<ExplainArgs> = {
  builder: (yargs) =>
    yargs
      .positional('code-or-pipeline', { type: 'string', demandOption: true, description: 'A diagnostic code (PLC3004) or a pipeline file' })
      .positional('node', { type: 'string', description: 'A node id of that pipeline' })
      .example('$0 explain PLC3004', 'What PLC3004 means, with an example and its fix')
      .option('format', { type: 'string', default: 'pretty', choices: ['pretty', 'json'] as const, description: 'The explanation for people, or as JSON for tools' })
      // Deprecated spelling of --format json, kept since it costs one line; hidden from --help.
      .option('json', { type: 'boolean', hidden: true, description: 'Deprecated: --format json' })
      .option('wiring', { type: 'boolean', description: "Show how each input of the node is bound: explicit wire, or the scores of its after: neighbours' outputs" })
      .example('$0 explain examples/tabular-xgboost.pipeline.yaml train', "Where each of train's config values comes from")
      .example('$0 explain examples/xgboost-e2e.pipeline.yaml evaluate --wiring', 'Which outputs feed evaluate, and how every candidate scored') as never,
  handler: async (args, io) => {
    const target = (args as unknown as { codeOrPipeline: string }).codeOrPipeline;
    if (/^PLC\d{4}$/i.test(target)) {
      const { diagnosticTable } = await import('../../compiler/diagnostics/codes.js');
      const code = target.toUpperCase();
      if (!Object.hasOwn(diagnosticTable, code)) {
        const { suggestion } = suggest(code, Object.keys(diagnosticTable));
        return usageError(io, `there is no diagnostic ${code}${suggestion ? ` — did you mean ${suggestion}?` : ''}\nAll codes: docs/diagnostics.md.`);
      }
      const { explainCode } = await import('../../compiler/diagnostics/reference.js');
      io.stdout.write(explainCode(code as keyof typeof diagnosticTable));
      return ExitCode.Ok;
    }
    if (args.node === undefined) return usageError(io, `name a node of ${target} to explain, e.g. plc explain ${target} <node>`);
    args.pipeline = target;
    const json = args.format === 'json' || args.json === true;
    const { analyzePipeline } = await import('../../compiler/driver.js');
    const result = analyzePipeline(args.pipeline, { cwd: io.cwd });
    await reportDiagnostics(io, result.diagnostics, result.sources, 'pretty');
    const failed = result.diagnostics.some((d) => d.severity === 'error');
    const node = result.pipeline?.wired.find((n) => n.id === args.node);
    const control = result.pipeline?.controls.find((c) => c.id === args.node);
    if (!node) {
      if (result.pipeline && !Object.hasOwn(result.pipeline.doc.nodes, args.node)) {
        const ids = Object.keys(result.pipeline.doc.nodes);
        const { suggestion } = suggest(args.node, ids);
        return usageError(io, `${args.pipeline} has no node "${args.node}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}\nIts nodes: ${ids.join(', ')}`);
      }
      if (control) return usageError(io, `"${args.node}" is a ${control.kind.toLowerCase()} node; plc explain shows the config and wiring of step nodes`);
      // The node's step type or config did not resolve; the diagnostics above say why.
      return ExitCode.Findings;
    }
    if (args.wiring) {
      const { explainWiring, renderWiring } = await import('../../compiler/explain/explain-wiring.js');
      const explanation = explainWiring(node);
      io.stdout.write(json ? JSON.stringify(explanation, null, 2) + '\n' : renderWiring(explanation));
    } else {
      const { explainNode, renderExplanation } = await import('../../compiler/explain/explain-node.js');
      const explanation = explainNode(node, result.pipeline!.source);
      io.stdout.write(json ? JSON.stringify(explanation, null, 2) + '\n' : renderExplanation(explanation));
    }
    return failed ? ExitCode.Findings : ExitCode.Ok;
  },
};
