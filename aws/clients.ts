// SDK clients for the commands that talk to AWS. Only the modules under aws/ import the SDK, and
// the commands import those modules when they run, so `plc build` and `plc check` never load it.
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { S3Client } from '@aws-sdk/client-s3';
import { connectTimeoutSeconds, defaultTimeoutSeconds } from './timeouts.js';

/** Where and as whom to call AWS; anything left out comes from the standard AWS chain. */
export interface AwsTarget {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** Seconds each call may take, retries included (default: defaultTimeoutSeconds). */
  timeoutSeconds?: number;
}

/**
 * Attempts per call, first try included. The SDK's standard retry mode retries throttling,
 * transient network faults and 5xx answers with exponential backoff and jitter.
 */
export const maxAttempts = 5;

/**
 * The SDK's logger, silenced: its one warning plc can trigger ("Multiple credential sources
 * detected" when --profile meets AWS_ACCESS_KEY_ID) spans several lines of plc's output, and the
 * profile named on the command line is the one the user asked for.
 */
const quietLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function config(target: AwsTarget, attempts: number) {
  const timeout = target.timeoutSeconds ?? defaultTimeoutSeconds;
  return {
    maxAttempts: attempts,
    retryMode: 'standard',
    logger: quietLogger,
    // Per attempt: a connection that does not open, or an answer that does not come.
    requestHandler: { connectionTimeout: Math.min(connectTimeoutSeconds, timeout) * 1000, requestTimeout: timeout * 1000 },
    ...(target.region !== undefined ? { region: target.region } : {}),
    ...(target.profile !== undefined ? { profile: target.profile } : {}),
    ...(target.endpointUrl !== undefined ? { endpoint: target.endpointUrl } : {}),
  };
}

/**
 * Bounds every call of `client`, its retries and their backoff included, by the target's timeout:
 * the SDK's own timeouts hold per attempt, and five attempts would wait five times as long.
 */
function withDeadline<C extends SageMakerClient | S3Client>(client: C, target: AwsTarget): C {
  const milliseconds = (target.timeoutSeconds ?? defaultTimeoutSeconds) * 1000;
  const send = client.send.bind(client) as (command: unknown, options?: object) => Promise<unknown>;
  (client as { send: unknown }).send = (command: unknown, options: object = {}) => send(command, { abortSignal: AbortSignal.timeout(milliseconds), ...options });
  return client;
}

/** `attempts` below the default is for polling loops, which retry by polling again. */
export const sageMakerClient = (target: AwsTarget, attempts = maxAttempts): SageMakerClient => withDeadline(new SageMakerClient(config(target, attempts)), target);

// A custom endpoint (moto, MinIO, a VPC endpoint by IP) rarely serves virtual-hosted bucket names.
export const s3Client = (target: AwsTarget): S3Client => withDeadline(new S3Client({ ...config(target, maxAttempts), forcePathStyle: target.endpointUrl !== undefined }), target);
