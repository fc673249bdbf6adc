// SDK clients for the commands that talk to AWS. Only the modules under aws/ import the SDK, and
// the commands import those modules when they run, so `plc build` and `plc check` never load it.
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { S3Client } from '@aws-sdk/client-s3';

/** Where and as whom to call AWS; anything left out comes from the standard AWS chain. */
export interface AwsTarget {
  region?: string;
  profile?: string;
  endpointUrl?: string;
}

/**
 * Attempts per call, first try included. The SDK's standard retry mode retries throttling,
 * transient network faults and 5xx answers with exponential backoff and jitter.
 */
export const maxAttempts = 5;

function config(target: AwsTarget, attempts: number) {
  // plc supports Node 20 (package.json engines) with the SDK version its lock file pins; the SDK's
  // notice about its own future releases is nothing a plc user can act on, and it would land in
  // the middle of plc's output.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  return {
    maxAttempts: attempts,
    retryMode: 'standard',
    ...(target.region !== undefined ? { region: target.region } : {}),
    ...(target.profile !== undefined ? { profile: target.profile } : {}),
    ...(target.endpointUrl !== undefined ? { endpoint: target.endpointUrl } : {}),
  };
}

/** `attempts` below the default is for polling loops, which retry by polling again. */
export const sageMakerClient = (target: AwsTarget, attempts = maxAttempts): SageMakerClient => new SageMakerClient(config(target, attempts));

// A custom endpoint (moto, MinIO, a VPC endpoint by IP) rarely serves virtual-hosted bucket names.
export const s3Client = (target: AwsTarget): S3Client => new S3Client({ ...config(target, maxAttempts), forcePathStyle: target.endpointUrl !== undefined });
