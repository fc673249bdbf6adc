// `plc diff`: what deploying the pipeline file would change in the deployed pipeline, grouped by
// step and field. Exit codes as diff(1) gives them (DiffExit): 0 none, 2 changes, 1 error.
import type { PlcCommand } from '../cli-io.js';
import { awsTarget, compiledContext, pipelineRole, reportAwsFailure, withAwsOptions, type AwsArgs } from '../aws-options.js';
import { DiffExit } from '../exit.js';

interface DiffArgs extends AwsArgs {
  pipeline: string;
  role?: string;
  format: 'pretty' | 'json';
}

export const diffCommand: PlcCommand<DiffArgs> = {
  builder: (yargs) =>
    withAwsOptions(
      yargs
        .positional('pipeline', { type: 'string', demandOption: true, description: 'The pipeline file' })
        .option('role', { type: 'string', description: "Compare the role too: the one plc deploy would set (default: the pipeline's defaults.role)" })
        .option('format', { type: 'string', default: 'pretty', choices: ['pretty', 'json'] as const, description: 'The diff (stdout) and diagnostics (stderr) for people or as JSON' }),
    )
      .example('$0 diff pipeline.yaml', 'Show what a deploy would change')
      .example('$0 diff pipeline.yaml --format json', 'The changes as JSON, for tools')
      .example('$0 diff pipeline.yaml > /dev/null; test $? -ne 1', 'In CI: fail only when the comparison itself fails') as never,
  handler: async (args, io) => {
    const { compileReported } = await import('../compile.js');
    const compiled = await compileReported(io, args.pipeline, 'sagemaker', args.format);
    if (!compiled) return DiffExit.Error;
    const { doc } = compiled.pipeline;
    const target = awsTarget(io, args, doc.region);
    const { sageMakerClient } = await import('../../aws/clients.js');
    const { findPipeline } = await import('../../aws/pipelines.js');
    const { diffDefinitions, diffSettings } = await import('../../aws/definition-diff.js');
    const { parseDefinition } = await import('../../aws/definition.js');
    const { definitionText } = await import('../../compiler/backends/sagemaker/sagemaker-backend.js');
    const { renderDiffJson, renderDiffText } = await import('../diff-view.js');
    try {
      const deployed = await findPipeline(sageMakerClient(target), doc.name);
      const role = pipelineRole(args.role, compiled);
      const changes = deployed
        ? [
            ...diffSettings({ PipelineDescription: deployed.description, ...(role !== undefined ? { RoleArn: deployed.role } : {}) }, { PipelineDescription: compiled.ir.description, ...(role !== undefined ? { RoleArn: role } : {}) }),
            ...diffDefinitions(parseDefinition(deployed.definition), JSON.parse(definitionText(compiled.ir))),
          ]
        : [];
      const render = args.format === 'json' ? renderDiffJson : renderDiffText;
      io.stdout.write(render(doc.name, deployed !== undefined, changes));
      return deployed && changes.length === 0 ? DiffExit.Same : DiffExit.Changes;
    } catch (failure) {
      if (!(await reportAwsFailure(io, failure, compiledContext(io, target, compiled), args.format, compiled.sources))) throw failure;
      return DiffExit.Error;
    }
  },
};
