// Local AWS endpoints for the deploy tests: a real moto server (started and stopped by the test,
// Checked by the tests' own SDK clients too; see aws/clients.ts for why the notice is off.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
// never left running) and a tiny stub that answers each request from a script, for the answers
// moto cannot be made to give (access denied, throttling, a refused request).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';

/** Credentials that are obviously fake, and nothing from the user's own AWS setup. */
export function fakeAwsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { PATH, HOME, CI, SYSTEMROOT } = process.env;
  return {
    ...(PATH !== undefined ? { PATH } : {}),
    ...(HOME !== undefined ? { HOME } : {}),
    ...(CI !== undefined ? { CI } : {}),
    ...(SYSTEMROOT !== undefined ? { SYSTEMROOT } : {}),
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/plc-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/plc-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

export const motoPresent = (): boolean => spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).status === 0;

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Moto {
  endpoint: string;
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever happens to the test run, no moto server outlives it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  running.add(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }).then(() => void running.delete(child));
  for (let tries = 0; tries < 150; tries++) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return { endpoint, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('moto_server did not start within 15 s');
}

export interface StubAnswer {
  status: number;
  /** SageMaker (JSON protocol) error type, sent as x-amzn-ErrorType and __type. */
  error?: string;
  body?: unknown;
}

export interface StubRequest {
  /** `SageMaker.CreatePipeline` for SageMaker; `PUT /bucket/key` style for S3. */
  operation: string;
  body: string;
}

export interface Stub {
  endpoint: string;
  requests: StubRequest[];
  close: () => Promise<void>;
}

/** Answers each request with `answer(request)`; S3 calls (no X-Amz-Target) get plain answers. */
export async function startStub(answer: (request: StubRequest) => StubAnswer): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server: Server = createHttpServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      const request = { operation: typeof target === 'string' ? target.replace(/^SageMaker\./, '') : `${req.method} ${req.url}`, body };
      requests.push(request);
      const reply = answer(request);
      const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
      if (reply.error) headers['x-amzn-errortype'] = reply.error;
      res.writeHead(reply.status, headers);
      res.end(reply.error ? JSON.stringify({ __type: reply.error, message: (reply.body as { message?: string } | undefined)?.message ?? reply.error }) : JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the commands of a rule example or a golden case talk to, and the environment that points them there. */
export interface AwsWorld {
  env: NodeJS.ProcessEnv;
  /** Where the environment points (AWS_ENDPOINT_URL); its port changes from run to run. */
  endpoint?: string;
  stop: () => Promise<void>;
}

/** The words of an example's ```sh info string (or a command case's "needs") that this module serves. */
const awsWords = /^(moto|bucket=.+|stub=\w+|unreachable|no-credentials|no-region)$/;

export const needsAws = (needs: readonly string[]): boolean => needs.some((word) => awsWords.test(word));

/** What the stub says for an error type; AccessDenied names the call, as IAM does. */
const stubMessages: Record<string, (operation: string) => string> = {
  AccessDeniedException: (operation) => `User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sagemaker:${operation}`,
  ThrottlingException: () => 'Rate exceeded',
  ValidationException: () => 'Step train: InstanceType ml.p5.48xlarge is not available in this account',
  ResourceLimitExceeded: () => "The account-level service limit 'Maximum number of pipelines' is 500 Pipelines, with current utilization of 500 Pipelines",
};

let sharedMoto: Promise<Moto> | undefined;

/** Stops the moto server the worlds shared, if one was started. */
export async function stopAwsWorlds(): Promise<void> {
  const moto = sharedMoto;
  sharedMoto = undefined;
  await (await moto)?.stop();
}

/**
 * A server for the needs on 127.0.0.1 and the environment that sends plc's calls there through
 * AWS_ENDPOINT_URL (as a user would point the SDK elsewhere), with obviously fake credentials:
 * - `moto`: a moto server, empty (one is shared by the run: see stopAwsWorlds); each
 *   `bucket=<name>` is created in it first.
 * - `stub=<ErrorType>`: every SageMaker call but DescribePipeline (not found, so a deploy goes on
 *   to create) answers that error; S3 finds no object and takes every upload.
 * - `unreachable`: a port nothing listens on.
 * - `no-credentials`, `no-region`: those left out of the environment.
 * Undefined when `moto` is needed and missing (NOT RUN printed; an error when CI=true).
 */
export async function startAwsWorld(needs: readonly string[], base: NodeJS.ProcessEnv): Promise<AwsWorld | undefined> {
  const unknown = needs.filter((word) => !awsWords.test(word));
  if (unknown.length > 0) throw new Error(`unknown needs: ${unknown.join(', ')}`);
  let endpoint = `http://127.0.0.1:${await freePort()}`;
  let stop = async () => {};
  const stubbed = needs.find((word) => word.startsWith('stub='))?.slice('stub='.length);
  if (needs.includes('moto')) {
    if (!motoPresent()) {
      const message = 'moto_server is missing: install it with `python3 -m pip install "moto[server]"`';
      if (process.env['CI']) throw new Error(message);
      console.warn(`\n  NOT RUN — ${message}\n`);
      return undefined;
    }
    // One moto for every world of the run, emptied for each: starting one takes seconds.
    sharedMoto ??= startMoto();
    endpoint = (await sharedMoto).endpoint;
    const reset = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    if (!reset.ok) throw new Error(`moto did not reset: ${reset.status}`);
    for (const bucket of needs.filter((word) => word.startsWith('bucket=')).map((word) => word.slice('bucket='.length))) {
      const created = await fetch(`${endpoint}/${bucket}`, { method: 'PUT' });
      if (!created.ok) throw new Error(`moto did not create bucket ${bucket}: ${created.status}`);
    }
  } else if (stubbed !== undefined) {
    const message = stubMessages[stubbed];
    if (!message) throw new Error(`no stub answer for ${stubbed}; known: ${Object.keys(stubMessages).join(', ')}`);
    const stub = await startStub((request) => {
      if (request.operation === 'DescribePipeline') return { status: 400, error: 'ResourceNotFound', body: { message: 'Pipeline does not exist' } };
      if (!/^[A-Z]+ \//.test(request.operation)) return { status: 400, error: stubbed, body: { message: message(request.operation) } };
      return { status: request.operation.startsWith('HEAD') ? 404 : 200 };
    });
    endpoint = stub.endpoint;
    stop = stub.close;
  }
  const env = fakeAwsEnv({ ...base, AWS_ENDPOINT_URL: endpoint });
  if (needs.includes('no-credentials')) {
    delete env['AWS_ACCESS_KEY_ID'];
    delete env['AWS_SECRET_ACCESS_KEY'];
  }
  if (needs.includes('no-region')) delete env['AWS_REGION'];
  return { env, endpoint, stop };
}
