// Every AWS call goes through `call`, which names the operation in any failure; failures are
// diagnosed once, in diagnose-failure.ts, whichever module made the call.

export class AwsFailure extends Error {
  /** What the command had already changed when the call failed (deploy's uploads), in words. */
  changed?: string;

  constructor(
    /** The API operation, e.g. `sagemaker:CreatePipeline`. */
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${operation} failed`);
  }
}

export async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new AwsFailure(operation, error);
  }
}

/** The SDK's error name and HTTP status, for the failures that are answers from the service. */
export function serviceError(error: unknown): { name: string; status: number; message: string; attempts?: number } | undefined {
  if (!(error instanceof Error) || !('$metadata' in error)) return undefined;
  // The SDK attaches $metadata to network errors too; only an HTTP status makes it an answer.
  const metadata = (error as { $metadata: { httpStatusCode?: number; attempts?: number } }).$metadata;
  if (metadata.httpStatusCode === undefined) return undefined;
  return { name: error.name, message: error.message, status: metadata.httpStatusCode, ...(metadata.attempts !== undefined ? { attempts: metadata.attempts } : {}) };
}

/**
 * Whether the failure is the service saying the thing does not exist. SageMaker answers
 * ResourceNotFound for an unknown pipeline; moto answers a ValidationException that says so.
 */
export function isNotFound(error: unknown): boolean {
  const answer = serviceError(error);
  if (answer === undefined) return false;
  if (answer.name === 'ValidationException') return /could not find|does not exist/i.test(answer.message);
  return answer.name === 'ResourceNotFound' || answer.name === 'NotFound' || answer.name === 'NoSuchKey' || answer.status === 404;
}
