// `plc status`: the recent executions of a pipeline and their state; without a pipeline, the
// region's pipelines with their latest execution.
import type { ExecutionSummary } from '../../aws/executions.js';
import type { PlcCommand } from '../cli-io.js';
import { awsTarget, namedContext, reportAwsFailure, withAwsOptions, type AwsArgs } from '../aws-options.js';
import { isPipelineFile } from '../compile.js';
import { ExitCode, usageError } from '../exit.js';

interface StatusArgs extends AwsArgs {
  pipeline?: string;
  limit: number;
  format: 'pretty' | 'json';
}

export const statusCommand: PlcCommand<StatusArgs> = {
  builder: (yargs) =>
    withAwsOptions(
      yargs
        .positional('pipeline', { type: 'string', description: 'The pipeline file (*.yaml) or the deployed pipeline name; all pipelines when left out' })
        .option('limit', { type: 'number', default: 10, description: 'How many executions (or pipelines) to show' })
        .option('format', { type: 'string', default: 'pretty', choices: ['pretty', 'json'] as const, description: 'A table for people, or JSON for tools' }),
    )
      .example('$0 status pipeline.yaml', 'The last 10 executions of the pipeline in this file')
      .example('$0 status fraud-xgboost --limit 3 --format json', 'The last 3, as JSON')
      .example('$0 status --region eu-west-1', "Every pipeline's latest execution in the region") as never,
  handler: async (args, io) => {
    if (!(Number.isInteger(args.limit) && args.limit >= 1)) return usageError(io, '--limit takes a whole number of 1 or more');
    let name = args.pipeline;
    let region: string | undefined;
    if (name !== undefined && isPipelineFile(name, io.cwd)) {
      const { compileReported } = await import('../compile.js');
      const compiled = await compileReported(io, name, 'sagemaker', args.format);
      if (!compiled) return ExitCode.Findings;
      ({ name, region } = compiled.pipeline.doc);
    }
    const target = awsTarget(io, args, region);
    const { sageMakerClient } = await import('../../aws/clients.js');
    const { pipelineNames, recentExecutions } = await import('../../aws/executions.js');
    const client = sageMakerClient(target);
    try {
      const rows: { pipeline: string; executions: ExecutionSummary[] }[] = [];
      if (name !== undefined) rows.push({ pipeline: name, executions: await recentExecutions(client, name, args.limit) });
      else for (const pipeline of await pipelineNames(client, args.limit)) rows.push({ pipeline, executions: await recentExecutions(client, pipeline, 1) });
      io.stdout.write(args.format === 'json' ? JSON.stringify({ version: 1, pipelines: rows }, null, 2) + '\n' : table(rows));
      return ExitCode.Ok;
    } catch (failure) {
      if (!(await reportAwsFailure(io, failure, namedContext(io, target, name ?? '*'), args.format))) throw failure;
      return ExitCode.Findings;
    }
  },
};

function table(rows: { pipeline: string; executions: ExecutionSummary[] }[]): string {
  if (rows.length === 0) return 'no pipelines\n';
  const lines = [['PIPELINE', 'EXECUTION', 'STATUS', 'STARTED', 'FAILURE']];
  for (const { pipeline, executions } of rows) {
    if (executions.length === 0) lines.push([pipeline, '-', 'never run', '', '']);
    for (const e of executions) lines.push([pipeline, e.id, e.status, e.started?.toISOString() ?? '', e.failureReason ?? '']);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
