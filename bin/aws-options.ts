// What the AWS commands (deploy, diff, run, status) share: the options that choose region,
// credentials and endpoint, and the reporting of a failed AWS call as a diagnostic.
import type { Argv } from 'yargs';
import type { Location } from '../compiler/source/source-file.js';
import type { AwsTarget } from '../aws/clients.js';
import { connectTimeoutSeconds, defaultTimeoutSeconds } from '../aws/timeouts.js';
import type { FailureContext } from '../aws/diagnose-failure.js';
import type { CliIo } from './cli-io.js';
import type { Compiled } from './compile.js';
import { formatDiagnostics, type DiagnosticFormat } from './report.js';

export interface AwsArgs {
  region?: string;
  profile?: string;
  'endpoint-url'?: string;
  timeout?: number;
}

export function withAwsOptions<T>(yargs: Argv<T>): Argv<T & AwsArgs> {
  return yargs
    .option('region', { type: 'string', description: "AWS region (default: the pipeline's region:, then AWS_REGION or the profile's)" })
    .option('profile', { type: 'string', description: 'Named profile from the shared AWS config and credentials files (default: AWS_PROFILE)' })
    .option('endpoint-url', { type: 'string', description: 'Send every call to this endpoint (a local moto server, a VPC endpoint; default: AWS_ENDPOINT_URL)' })
    .option('timeout', { type: 'number', description: `Seconds each AWS call may take, retries included (default: ${defaultTimeoutSeconds}; connecting: at most ${connectTimeoutSeconds} per attempt)` })
    .check((args) => {
      const timeout = (args as AwsArgs).timeout;
      return timeout === undefined || (Number.isFinite(timeout) && timeout > 0) || `--timeout must be a number of seconds above 0, not ${String(timeout)}`;
    })
    .group(['region', 'profile', 'endpoint-url', 'timeout'], 'AWS:') as Argv<T & AwsArgs>;
}

/** The AWS target from the options, with the pipeline's own region as the fallback. */
export function awsTarget(io: CliIo, args: AwsArgs, pipelineRegion?: string): AwsTarget {
  const region = args.region ?? pipelineRegion;
  // The SDK reads AWS_ENDPOINT_URL by itself, but plc must know the endpoint too: S3 then takes
  // path-style bucket names, and errors name the endpoint that failed.
  const endpointUrl = args['endpoint-url'] ?? (io.env['AWS_ENDPOINT_URL'] || undefined);
  return {
    ...(region !== undefined ? { region } : {}),
    ...(args.profile !== undefined ? { profile: args.profile } : {}),
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    timeoutSeconds: args.timeout ?? defaultTimeoutSeconds,
  };
}

/** The role the pipeline runs as: --role, else the pipeline's defaults.role when it is a plain ARN (a ${…} one is only known at run time). */
export function pipelineRole(option: string | undefined, compiled: Compiled): string | undefined {
  const role = compiled.pipeline.doc.defaults?.['role'];
  return option ?? (typeof role === 'string' && !role.includes('${') ? role : undefined);
}

/** Where a failure is reported when there is no pipeline file: the deployed pipeline, by name. */
export const resourceLocation = (name: string): Location => ({ file: `sagemaker:pipeline/${name}`, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });

/** Reports against the pipeline file: its name: line, or the node of a step the service names. */
export function compiledContext(io: CliIo, target: AwsTarget, compiled: Compiled): FailureContext {
  const { source, doc } = compiled.pipeline;
  const steps = new Map(Object.entries(doc.nodes).map(([id, node]) => [node.name ?? id, source.locate(['nodes', id], 'key')]));
  return { ...where(io, target), at: source.locate(['name']), steps, pipeline: doc.name };
}

export const namedContext = (io: CliIo, target: AwsTarget, name: string): FailureContext => ({ ...where(io, target), at: resourceLocation(name), pipeline: name });

const where = (io: CliIo, target: AwsTarget) => ({
  endpoint: target.endpointUrl ?? `SageMaker in ${target.region ?? 'the default region'}`,
  region: target.region ?? io.env['AWS_REGION'] ?? 'the default region',
  env: io.env,
  timeoutSeconds: target.timeoutSeconds ?? defaultTimeoutSeconds,
  ...(target.profile !== undefined ? { profile: target.profile } : {}),
});

/**
 * Prints the diagnostic for a failed AWS call and returns true; returns false for anything
 * else, which the caller rethrows as the internal error it is.
 */
export async function reportAwsFailure(io: CliIo, failure: unknown, context: FailureContext, format: DiagnosticFormat, sources: Compiled['sources'] = new Map()): Promise<boolean> {
  const { diagnoseFailure } = await import('../aws/diagnose-failure.js');
  const diagnostic = diagnoseFailure(failure, context);
  if (!diagnostic) return false;
  io.stderr.write(await formatDiagnostics(io, io.stderr, [diagnostic], sources, format));
  return true;
}
