// `plc run`: start an execution of a deployed pipeline, with parameter overrides checked against
// the pipeline's parameters first; `--wait` follows it to the end and exits by its result.
import type { FailureContext } from '../../aws/diagnose-failure.js';
import { parseAssignments } from '../assignments.js';
import type { PlcCommand } from '../cli-io.js';
import { awsTarget, compiledContext, namedContext, reportAwsFailure, withAwsOptions, type AwsArgs } from '../aws-options.js';
import { isPipelineFile, type Compiled } from '../compile.js';
import { ExitCode, usageError } from '../exit.js';
import { diagnosticFormats, type DiagnosticFormat } from '../report.js';
import type { LocalArgs } from '../run-local-command.js';

interface RunArgs extends AwsArgs, LocalArgs {
  pipeline: string;
  parameter: string[];
  wait: boolean;
  'poll-interval': number;
  parallelism?: number;
  format: DiagnosticFormat;
  local: boolean;
}

export const runCommand: PlcCommand<RunArgs> = {
  builder: (yargs) =>
    withAwsOptions(
      yargs
        .positional('pipeline', { type: 'string', demandOption: true, description: 'The pipeline file (*.yaml) or the deployed pipeline name' })
        .option('parameter', { alias: 'P', type: 'string', array: true, default: [], description: 'Override a parameter: Name=Value (repeatable); checked against its declared type and enum (-p names a pipeline in other commands)' })
        .option('wait', { type: 'boolean', default: false, description: 'Follow the execution to the end; exit 0 only when it succeeded' })
        .option('poll-interval', { type: 'number', default: 10, description: 'Seconds between status checks with --wait' })
        .option('parallelism', { type: 'number', description: 'Run at most this many steps at once in this execution (over the pipeline\'s parallelism:)' })
        .option('format', { type: 'string', default: 'pretty', choices: diagnosticFormats, description: 'How to print diagnostics (to stderr)' })
        .option('local', { type: 'boolean', default: false, description: 'Run the pipeline on this machine instead: S3 is a folder, each job runs its script as its container would (docs/local-run.md)' })
        .option('s3-root', { type: 'string', description: 'With --local: the folder that stands for S3 (s3://bucket/key is DIR/bucket/key); default .plc/local/s3' })
        .option('mount', { type: 'string', array: true, default: [], description: 'With --local: read an S3 prefix from a folder, s3://bucket/prefix=DIR (repeatable; read-only)' })
        .option('only', { type: 'string', array: true, default: [], description: 'With --local: run only these steps; the others keep the outputs of the last local run' })
        .option('from', { type: 'string', description: 'With --local: run this step and everything after it; the others keep the outputs of the last local run' })
        .option('cache', { type: 'boolean', default: true, description: 'With --local: reuse a step whose code, arguments and inputs are unchanged (--no-cache runs every step)' })
        .option('python', { type: 'string', default: '/usr/bin/python3', description: 'With --local: the Python that runs the step scripts' })
        .option('stub', { type: 'string', array: true, default: [], description: 'With --local: NODE=outputs.json, the properties of a step not run locally (Lambda, Callback, EMR, checks, programs that are not Python step scripts), or of any step to leave out' }),
    )
      .example('$0 run pipeline.yaml', 'Start an execution with the default parameters; prints its ARN')
      .example('$0 run pipeline.yaml -P MaxDepth=8 -P InputUri=s3://bucket/data --wait', 'Override parameters and wait for the result')
      .example('$0 run fraud-xgboost --region eu-west-1', 'Run a deployed pipeline by name')
      .example('$0 run pipeline.yaml --local --mount s3://my-ml-bucket/data=./data', 'Run the pipeline on this machine, reading s3://my-ml-bucket/data from ./data') as never,
  handler: async (args, io) => {
    if (args.local) {
      // Nothing is silently ignored: these steer an execution in SageMaker, which --local does not start.
      const remote = (['wait', 'poll-interval', 'parallelism', 'region', 'profile', 'endpoint-url', 'timeout'] as const).filter((name) => io.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)));
      if (remote.length > 0) return usageError(io, `${remote.map((name) => `--${name}`).join(', ')} steer${remote.length === 1 ? 's' : ''} an execution in SageMaker and do${remote.length === 1 ? 'es' : ''} not apply with --local`);
      const { runLocalCommand } = await import('../run-local-command.js');
      return runLocalCommand(args, io);
    }
    const interval = args['poll-interval'];
    if (!(Number.isFinite(interval) && interval > 0)) return usageError(io, '--poll-interval takes a number of seconds above 0');
    const { parallelism } = args;
    if (parallelism !== undefined && !(Number.isInteger(parallelism) && parallelism >= 1)) return usageError(io, '--parallelism takes a whole number of steps, 1 or more');
    const parsed = parseAssignments(args.parameter);
    if ('malformed' in parsed) return usageError(io, `-P ${parsed.malformed}: write Name=Value`);
    const overrides = parsed.assignments;
    const { checkOverrides } = await import('../../aws/overrides.js');
    const refuse = (problems: string[]) => usageError(io, `${problems.join('\nplc: ')}\nplc: nothing was started`);

    const isFile = isPipelineFile(args.pipeline, io.cwd);
    let name = args.pipeline;
    let target = awsTarget(io, args);
    let context: FailureContext;
    let sources: Compiled['sources'] = new Map();
    if (isFile) {
      const { compileReported } = await import('../compile.js');
      const compiled = await compileReported(io, args.pipeline, 'sagemaker', args.format);
      if (!compiled) return ExitCode.Findings;
      // Before any call: a mistake here costs nothing yet.
      const problems = checkOverrides(compiled.ir.parameters, overrides);
      if (problems.length > 0) return refuse(problems);
      name = compiled.ir.name;
      target = awsTarget(io, args, compiled.pipeline.doc.region);
      context = compiledContext(io, target, compiled);
      sources = compiled.sources;
    } else {
      context = namedContext(io, target, name);
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
      io.stdout.write(`${arn}\n`);
      if (!args.wait) return ExitCode.Ok;
      const { watchExecution } = await import('../../aws/watch-execution.js');
      const { executionView } = await import('../execution-view.js');
      const view = executionView(io.stderr, arn.split('/').at(-1)!);
      // Polls retry throttling and server faults like every other call: one failed poll must not
      // end the watch of an execution that is still running.
      const final = await watchExecution(client, arn, { pollMs: interval * 1000, ...view });
      return final.status === 'Succeeded' ? ExitCode.Ok : ExitCode.Findings;
    } catch (failure) {
      if (!(await reportAwsFailure(io, failure, context, args.format, sources))) throw failure;
      return ExitCode.Findings;
    }
  },
};
