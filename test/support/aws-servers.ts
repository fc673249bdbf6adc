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
