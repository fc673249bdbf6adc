// Turns a failed AWS call into a diagnostic from the 7xxx band: what went wrong in words, the
// step it concerns when the service names one, and never a credential.
import { STATUS_CODES } from 'node:http';
import { createDiagnostic, type Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { Location } from '../compiler/source/source-file.js';
import { AwsFailure, isNotFound, serviceError } from './aws-call.js';
import { maxAttempts } from './clients.js';

export interface FailureContext {
  /** Where the request points: the custom endpoint, or the region's. */
  endpoint: string;
  /** Where to report: the pipeline as a whole. */
  at: Location;
  /** Each SageMaker step name of the pipeline, at its node, for messages that name a step. */
  steps?: ReadonlyMap<string, Location>;
  /** The pipeline the calls are about, and the region they went to, for "not deployed". */
  pipeline: string;
  region: string;
  /** The --profile the calls ran as, named when it gives no credentials. */
  profile?: string;
  /** The --timeout the calls ran under, for "timed out after N s". */
  timeoutSeconds: number;
  /** The run's environment: its secret key and session token are masked in messages. */
  env: NodeJS.ProcessEnv;
}

const throttling = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'SlowDown', 'RequestLimitExceeded', 'RequestThrottled', 'ProvisionedThroughputExceededException']);
const denied = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'UnauthorizedOperation', 'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'InvalidAccessKeyId']);
const unreachable = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A diagnostic for the failure, or undefined when it is not an AWS failure at all (a bug in plc,
 * which the caller reports as an internal error).
 */
export function diagnoseFailure(failure: unknown, context: FailureContext): Diagnostic | undefined {
  if (!(failure instanceof AwsFailure)) return undefined;
  const diagnostic = diagnoseCause(failure, context);
  if (diagnostic === undefined || failure.changed === undefined) return diagnostic;
  const hint = (diagnostic.hint ?? '').replace(/[;,.]?\s*[Nn]othing was changed\.?/, '.');
  return { ...diagnostic, hint: `${hint} ${failure.changed}`.trim() };
}

function diagnoseCause({ operation, cause }: AwsFailure, context: FailureContext): Diagnostic | undefined {
  const answer = bodilessAnswer(serviceError(cause));
  const detail = redact(answer?.message ?? (cause instanceof Error ? cause.message : String(cause)), context.env);
  if (answer) {
    if (throttling.has(answer.name)) return createDiagnostic('PLC7012', context.at, { operation, attempts: answer.attempts ?? maxAttempts });
    if (denied.has(answer.name) || answer.status === 403) return createDiagnostic('PLC7011', context.at, { operation, detail: detail || answer.name, action: operation.split(' ')[0] });
    if (answer.name === 'NoSuchBucket') return createDiagnostic('PLC7018', context.at, { bucket: bucketOf(operation) });
    if (operation.startsWith('sagemaker:') && isNotFound(cause)) return createDiagnostic('PLC7017', context.at, { name: context.pipeline, region: context.region });
    if (answer.name === 'ValidationException') return createDiagnostic('PLC7013', stepNamedIn(detail, context) ?? context.at, { operation, detail });
    return createDiagnostic('PLC7020', context.at, { operation, detail: `${answer.name}: ${detail}` });
  }
  if (cause instanceof Error) {
    if (cause.name === 'CredentialsProviderError') {
      const profile = context.profile === undefined ? '' : `profile "${context.profile}" is not in the shared AWS config or credentials file, or gives no credentials (${detail})`;
      return createDiagnostic('PLC7010', context.at, { operation, detail: profile || detail });
    }
    if (/region is missing/i.test(cause.message)) return createDiagnostic('PLC7015', context.at, { operation });
    // AbortError: the call's deadline (aws/clients.ts); TimeoutError: one attempt's.
    if (cause.name === 'AbortError' || cause.name === 'TimeoutError') return createDiagnostic('PLC7014', context.at, { endpoint: context.endpoint, operation, detail: `timed out after ${context.timeoutSeconds} s` });
    const code = networkCode(cause);
    if (code !== undefined) return createDiagnostic('PLC7014', context.at, { endpoint: context.endpoint, operation, detail: code });
  }
  return undefined;
}

/**
 * S3 answers HEAD requests with a status and no body, which the SDK turns into "Unknown:
 * UnknownError". Such an answer is named by its HTTP status; a 503 from S3 is SlowDown, its
 * throttling answer.
 */
function bodilessAnswer(answer: ReturnType<typeof serviceError>): ReturnType<typeof serviceError> {
  if (answer === undefined || !(answer.name === 'Unknown' || answer.message === 'UnknownError' || answer.message === '')) return answer;
  const status = `HTTP ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`.trim();
  return { ...answer, name: answer.status === 503 ? 'SlowDown' : status, message: `${status} (the answer has no body)` };
}

/** Node reports a refused connection to a host with several addresses as an AggregateError. */
function networkCode(error: Error): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && unreachable.has(code)) return code;
  const inner = error instanceof AggregateError ? error.errors : [];
  return inner.map((e: unknown) => (e instanceof Error ? networkCode(e) : undefined)).find((c) => c !== undefined);
}

/** `s3:PutObject s3://bucket/key` → `bucket`. */
const bucketOf = (operation: string): string => /s3:\/\/([^/]+)/.exec(operation)?.[1] ?? operation;

/** The node of the longest step name the message quotes or names as a word. */
function stepNamedIn(message: string, context: FailureContext): Location | undefined {
  const names = [...(context.steps?.keys() ?? [])].sort((a, b) => b.length - a.length);
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = names.find((name) => new RegExp(`(^|[^A-Za-z0-9_-])${escape(name)}($|[^A-Za-z0-9_-])`).test(message));
  return named === undefined ? undefined : context.steps!.get(named);
}

/**
 * Service messages do not carry secrets, but a proxy or a misconfigured endpoint can echo a
 * request back; the secret key and session token from the environment are masked wherever they appear.
 */
export function redact(text: string, env: NodeJS.ProcessEnv): string {
  let out = text;
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    const secret = env[name];
    if (secret !== undefined && secret.length >= 8) out = out.split(secret).join('****');
  }
  return out.replace(/(aws_secret_access_key|aws_session_token|X-Amz-Security-Token|Signature)(\s*[=:]\s*)[^\s&,"]+/gi, '$1$2****');
}
