// `plc run`: start an execution of a deployed pipeline, with parameter overrides checked against
// the pipeline's parameters first; `--wait` follows it to the end and exits by its result.
import type { CommandModule } from 'yargs';
import type { FailureContext } from '../../aws/diagnose-failure.js';
import { parseAssignments } from '../assignments.js';
import { awsTarget, compiledContext, namedContext, reportAwsFailure, withAwsOptions, type AwsArgs } from '../aws-options.js';
import { isPipelineFile, type Compiled } from '../compile.js';
import { ExitCode, usageError } from '../exit.js';
import { diagnosticFormats, type DiagnosticFormat } from '../report.js';

interface RunArgs extends AwsArgs {
  pipeline: string;
  parameter: string[];
  wait: boolean;
  'poll-interval': number;
  parallelism?: number;
  format: DiagnosticFormat;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <pipeline>',
  describe: 'Start an execution of a deployed pipeline (by file or name), optionally wait for its result',
  builder: (yargs) =>
    withAwsOptions(
      yargs
        .positional('pipeline', { type: 'string', demandOption: true, description: 'The pipeline file (*.yaml) or the deployed pipeline name' })
        .option('parameter', { alias: 'p', type: 'string', array: true, default: [], description: 'Override a parameter: Name=Value (repeatable); checked against its declared type and enum' })
        .option('wait', { type: 'boolean', default: false, description: 'Follow the execution to the end; exit 0 only when it succeeded' })
        .option('poll-interval', { type: 'number', default: 10, description: 'Seconds between status checks with --wait' })
        .option('parallelism', { type: 'number', description: 'Run at most this many steps at once in this execution (over the pipeline\'s parallelism:)' })
        .option('format', { type: 'string', default: 'pretty', choices: diagnosticFormats, description: 'How to print diagnostics (to stderr)' }),
    )
      .example('$0 run pipeline.yaml', 'Start an execution with the default parameters; prints its ARN')
      .example('$0 run pipeline.yaml -p MaxDepth=8 -p InputUri=s3://bucket/data --wait', 'Override parameters and wait for the result')
      .example('$0 run fraud-xgboost --region eu-west-1', 'Run a deployed pipeline by name') as never,
  handler: async (args) => {
    const interval = args['poll-interval'];
    if (!(Number.isFinite(interval) && interval > 0)) return usageError('--poll-interval takes a number of seconds above 0');
    const { parallelism } = args;
    if (parallelism !== undefined && !(Number.isInteger(parallelism) && parallelism >= 1)) return usageError('--parallelism takes a whole number of steps, 1 or more');
    const parsed = parseAssignments(args.parameter);
    if ('malformed' in parsed) return usageError(`-p ${parsed.malformed}: write Name=Value`);
    const overrides = parsed.assignments;
    const { checkOverrides } = await import('../../aws/overrides.js');
    const refuse = (problems: string[]) => usageError(`${problems.join('\nplc: ')}\nplc: nothing was started`);

    const isFile = isPipelineFile(args.pipeline);
    let name = args.pipeline;
    let target = awsTarget(args);
    let context: FailureContext;
    let sources: Compiled['sources'] = new Map();
    if (isFile) {
      const { compileReported } = await import('../compile.js');
      const compiled = await compileReported(args.pipeline, 'sagemaker', args.format);
      if (!compiled) return void (process.exitCode = ExitCode.Findings);
      // Before any call: a mistake here costs nothing yet.
      const problems = checkOverrides(compiled.ir.parameters, overrides);
      if (problems.length > 0) return refuse(problems);
      name = compiled.ir.name;
      target = awsTarget(args, compiled.pipeline.doc.region);
      context = compiledContext(target, compiled);
      sources = compiled.sources;
    } else {
      context = namedContext(target, name);
    }

    const { sageMakerClient } = await import('../../aws/clients.js');
    const { startExecution } = await import('../../aws/executions.js');
    const client = sageMakerClient(target);
    try {
      if (!isFile) {
        // Only the deployed definition knows the parameters of a pipeline given by name.
        const { describePipeline } = await import('../../aws/pipelines.js');
        const { declaredParameters, parseDefinition } = await import('../../aws/definition.js');
        const deployed = await describePipeline(client, name);
        const problems = checkOverrides(declaredParameters(parseDefinition(deployed.definition)), overrides);
        if (problems.length > 0) return refuse(problems);
      }
      const arn = await startExecution(client, name, overrides, parallelism);
      process.stdout.write(`${arn}\n`);
      if (!args.wait) return void (process.exitCode = ExitCode.Ok);
      const { watchExecution } = await import('../../aws/watch-execution.js');
      const { executionView } = await import('../execution-view.js');
      const view = executionView(process.stderr, arn.split('/').at(-1)!);
      // Polls retry throttling and server faults like every other call: one failed poll must not
      // end the watch of an execution that is still running.
      const final = await watchExecution(client, arn, { pollMs: interval * 1000, ...view });
      process.exitCode = final.status === 'Succeeded' ? ExitCode.Ok : ExitCode.Findings;
    } catch (failure) {
      if (!(await reportAwsFailure(failure, context, args.format, sources))) throw failure;
      process.exitCode = ExitCode.Findings;
    }
  },
};
