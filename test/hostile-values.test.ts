// Hostile values (issue 11): patterns that backtrack, container paths with `..`, integers past
// 2^53, documents that make a pass super-linear, values the SageMaker API refuses, and endpoints
// that never answer. Each case ends in a diagnostic with the right exit code, no stack trace, and
// in bounded time.
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fakeAwsEnv, startStub } from './support/aws-servers.js';
import { compile, runPlcInProcess, runPlcBinaryAsync, writeProject, type RunResult } from './support/helpers.js';

const pipelineHeader = `kind: Pipeline
name: hostile
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
`;

/** A processing step type `Tool` running scripts/tool.py, with `extra` appended to its document. */
function toolStep(extra: string): Record<string, string> {
  return {
    'steps/tool.step.yaml': `kind: Step\nname: Tool\nsagemaker: Processing\nscript: { entryPoint: scripts/tool.py }\ncompute: { image: my-image, instanceType: ml.m5.xlarge }\n${extra}`,
    'steps/scripts/tool.py': 'print("tool")\n',
  };
}

const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs plc, asserting it ends within `seconds` with `status`, without a stack trace, reporting `code`. */
async function expectRun(args: string[], cwd: string, status: number, code: string | undefined, seconds = 5): Promise<RunResult> {
  const started = performance.now();
  const result = await runPlcInProcess(args, cwd);
  const elapsed = (performance.now() - started) / 1000;
  assert.ok(elapsed < seconds, `took ${elapsed.toFixed(1)} s`);
  assert.is(result.status, status, result.stderr);
  assert.not.match(result.stderr, stackTrace);
  if (code) assert.match(result.stderr, new RegExp(`: error ${code}: `));
  return result;
}

/**
 * Compiles in this process, asserting the codes reported and the processor time spent (which,
 * unlike the wall clock, does not grow when other work shares the machine).
 */
function expectCompile(path: string, codes: string[], cpuSeconds = 5): string[] {
  const started = process.cpuUsage();
  const result = compile(path, dirname(path));
  const { user, system } = process.cpuUsage(started);
  assert.ok((user + system) / 1e6 < cpuSeconds, `took ${((user + system) / 1e6).toFixed(1)} s of processor time`);
  assert.equal([...new Set(result.diagnostics.map((d) => d.code))], codes);
  return result.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`);
}

// 6: patterns from documents run in linear time.

test('a backtracking config pattern checks a long value in linear time', async () => {
  const dir = writeProject({
    ...toolStep('config:\n  properties:\n    label: { type: string, pattern: "^(a+)+$", description: Label. }\n'),
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool, config: { label: "${'a'.repeat(40)}!" } }\n`,
  });
  const result = await expectRun(['check', 'p.pipeline.yaml'], dir, 1, 'PLC2003');
  assert.match(result.stderr, /config field "label" of node "t" must match pattern/);
  writeFileSync(join(dir, 'p.pipeline.yaml'), `${pipelineHeader}nodes:\n  t: { step: Tool, config: { label: "${'a'.repeat(40)}" } }\n`);
  await expectRun(['check', 'p.pipeline.yaml'], dir, 0, undefined);
});

test('a config pattern RE2 cannot run is refused at the pattern', async () => {
  const dir = writeProject({
    ...toolStep('config:\n  properties:\n    label: { type: string, pattern: "^(a)\\\\1$", description: Label. }\n'),
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool, config: { label: aa } }\n`,
  });
  const result = await expectRun(['check', 'p.pipeline.yaml'], dir, 1, 'PLC0030');
  assert.match(result.stderr, /tool\.step\.yaml:8:\d+: error PLC0030: pattern of config field "label" in step type Tool cannot be matched in linear time/);
});

// 13: container paths are compared in normal form.

test('a processing path that climbs out of /opt/ml/processing with .. is reported', async () => {
  const dir = writeProject({
    ...toolStep('outputs:\n  out: { type: dataset, path: /opt/ml/processing/../../../etc }\n'),
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool }\n`,
  });
  const result = await expectRun(['check', 'p.pipeline.yaml'], dir, 1, 'PLC5007');
  assert.match(result.stderr, /output "out" of step type Tool is at \/opt\/ml\/processing\/\.\.\/\.\.\/\.\.\/etc/);
});

test('a processing path that reaches plc\'s code input through .. is reported', async () => {
  const dir = writeProject({
    ...toolStep('inputs:\n  data: { type: dataset, path: /opt/ml/processing/input/data/../code }\n'),
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool, inputs: { data: s3://bucket/in } }\n`,
  });
  await expectRun(['check', 'p.pipeline.yaml'], dir, 1, 'PLC5003');
});

test('two processing paths that differ only by . segments collide', async () => {
  const dir = writeProject({
    ...toolStep('outputs:\n  a: { type: dataset, path: /opt/ml/processing/output/x }\n  b: { type: dataset, path: /opt/ml/processing/output/./x/ }\n'),
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool }\n`,
  });
  await expectRun(['check', 'p.pipeline.yaml'], dir, 1, 'PLC5008');
});


// 7: every pass is linear in the document.

test('20k environment variables are checked in seconds, stopping at the API limit', async () => {
  const env = Array.from({ length: 20000 }, (_, i) => `    V${i}: v${i}\n`).join('');
  const dir = writeProject({
    ...toolStep(''),
    'steps/tool.step.yaml': `kind: Step\nname: Tool\nsagemaker: Processing\nscript:\n  entryPoint: scripts/tool.py\n  env:\n${env}compute: { image: my-image, instanceType: ml.m5.xlarge }\n`,
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool }\n`,
  });
  expectCompile(join(dir, 'p.pipeline.yaml'), ['PLC5016']);
});

test('a 50k-value enum is checked in seconds, and the message lists a few values', async () => {
  const values = Array.from({ length: 50000 }, (_, i) => `e${i}`).join(', ');
  const dir = writeProject({
    ...toolStep(`config:\n  properties:\n    pick: { type: string, enum: [${values}], description: Pick. }\n`),
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool, config: { pick: nope } }\n`,
  });
  const [message] = expectCompile(join(dir, 'p.pipeline.yaml'), ['PLC2003']);
  assert.match(message!, /must be one of "e0", .*, … \(49984 more\), not "nope"$/);
});

test('a repeated key among 20k is still reported', async () => {
  const keys = Array.from({ length: 20000 }, (_, i) => `    V${i}: v${i}\n`).join('');
  const dir = writeProject({
    ...toolStep(''),
    'steps/tool.step.yaml': `kind: Step\nname: Tool\nsagemaker: Processing\nscript:\n  entryPoint: scripts/tool.py\n  env:\n${keys}    V7: again\ncompute: { image: my-image, instanceType: ml.m5.xlarge }\n`,
    'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool }\n`,
  });
  // The step library with the repeated key is not loaded, so its step type is unknown (PLC1001).
  const messages = expectCompile(join(dir, 'p.pipeline.yaml'), ['PLC1001', 'PLC0002']);
  assert.ok(messages.some((message) => /tool\.step\.yaml:20007:5 duplicate key "V7"$/.test(message)), messages.join('\n'));
});

// 8: integers are read exactly.

for (const [what, value] of [['an instance count of 10^23', '99999999999999999999999'], ['2^53 + 1', '9007199254740993'], ['-2^64', '-18446744073709551616']] as const) {
  test(`${what} is reported where it is written, not rounded`, async () => {
    const dir = writeProject({
      ...toolStep('config:\n  properties:\n    count: { type: integer, description: Count. }\n'),
      'p.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool, config: { count: ${value} } }\n`,
    });
    const result = await expectRun(['build', 'p.pipeline.yaml'], dir, 1, 'PLC0031');
    assert.match(result.stderr, new RegExp(`p\\.pipeline\\.yaml:10:\\d+: error PLC0031: integer ${value} cannot be held exactly`));
  });
}

test('an Integer parameter default of 2^64 is reported', async () => {
  const dir = writeProject({ ...toolStep(''), 'p.pipeline.yaml': `${pipelineHeader}parameters:\n  Seed: { type: Integer, default: 18446744073709551616 }\nnodes:\n  t: { step: Tool }\n` });
  await expectRun(['build', 'p.pipeline.yaml'], dir, 1, 'PLC0031');
});

test('an Integer parameter default written as a float past 2^53 is reported once', async () => {
  const dir = writeProject({ ...toolStep(''), 'p.pipeline.yaml': `${pipelineHeader}parameters:\n  Seed: { type: Integer, default: -3.4e63 }\nnodes:\n  t: { step: Tool }\n` });
  const result = await expectRun(['build', 'p.pipeline.yaml'], dir, 1, 'PLC0031');
  assert.is(result.stderr.match(/error PLC0031: integer -3\.4e63 cannot be held exactly/g)?.length, 1, result.stderr);
});

test('the largest exact integer builds as written', async () => {
  const dir = writeProject({ ...toolStep(''), 'p.pipeline.yaml': `${pipelineHeader}parameters:\n  Seed: { type: Integer, default: 9007199254740991 }\nnodes:\n  t: { step: Tool }\n` });
  const result = await expectRun(['build', 'p.pipeline.yaml'], dir, 0, undefined);
  assert.match(result.stdout, /"DefaultValue": 9007199254740991\b/);
});

// 5: AWS calls are bounded in time, and every failure is told in words.

/** A server on 127.0.0.1 that accepts connections and never answers. */
async function silentServer(): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A one-node pipeline to deploy: small, so that the time measured is the AWS calls'. */
const example = () => join(writeProject({ ...toolStep(''), 'fraud.pipeline.yaml': `${pipelineHeader}nodes:\n  t: { step: Tool }\n` }), 'fraud.pipeline.yaml');

/** Like expectRun, asynchronously, so that the test's own servers answer meanwhile. */
async function expectAws(args: string[], code: string, seconds = 5, env = fakeAwsEnv()): Promise<RunResult> {
  const started = performance.now();
  const result = await runPlcBinaryAsync(args, { env });
  const elapsed = (performance.now() - started) / 1000;
  assert.ok(elapsed < seconds, `took ${elapsed.toFixed(1)} s`);
  assert.is(result.status, 1, result.stderr);
  assert.not.match(result.stderr, stackTrace);
  assert.match(result.stderr, new RegExp(`: error ${code}: `));
  return result;
}

for (const command of ['status', 'diff', 'run', 'deploy']) {
  test(`plc ${command} against an endpoint that never answers times out (--timeout 1)`, async () => {
    const server = await silentServer();
    try {
      const args = command === 'status' ? ['status', 'fraud'] : [command, example()];
      const result = await expectAws([...args, '--endpoint-url', server.endpoint, '--timeout', '1'], 'PLC7014');
      assert.match(result.stderr, /: timed out after 1 s/);
    } finally {
      await server.close();
    }
  });
}

test('--timeout takes a positive number of seconds', async () => {
  const result = await runPlcInProcess(['status', 'fraud', '--timeout', '0']);
  assert.is(result.status, 2);
  assert.match(result.stderr, /^plc: --timeout must be a number of seconds above 0, not 0\n/);
});

test('a deploy that times out after uploading code says what it uploaded', async () => {
  // S3 calls (no X-Amz-Target) are answered; SageMaker calls never are.
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    if (req.headers['x-amz-target'] !== undefined) return;
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'HEAD' ? 404 : 200);
      res.end();
    });
  });
  server.on('connection', (socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const result = await expectAws(['deploy', example(), '--endpoint-url', `http://127.0.0.1:${port}`, '--timeout', '1'], 'PLC7014');
    assert.match(result.stderr, /sagemaker:DescribePipeline: timed out after 1 s/);
    assert.match(result.stderr, /hint: .*1 code object was uploaded before the failure/);
    assert.not.match(result.stderr, /nothing was changed/i);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('S3 HEAD answers without a body: 503 is throttling, 403 is denied with its status', async () => {
  const slow = await startStub((request) => (request.operation.startsWith('HEAD') ? { status: 503 } : { status: 200 }));
  try {
    const result = await expectAws(['deploy', example(), '--endpoint-url', slow.endpoint], 'PLC7012', 10);
    assert.match(result.stderr, /s3:HeadObject s3:\/\/\S+ was throttled/);
    assert.not.match(result.stderr, /Unknown/);
  } finally {
    await slow.close();
  }
  const forbidden = await startStub((request) => (request.operation.startsWith('HEAD') ? { status: 403 } : { status: 200 }));
  try {
    const result = await expectAws(['deploy', example(), '--endpoint-url', forbidden.endpoint], 'PLC7011');
    assert.match(result.stderr, /s3:HeadObject s3:\/\/\S+ was denied: HTTP 403/);
    assert.not.match(result.stderr, /Unknown/);
  } finally {
    await forbidden.close();
  }
});

test('--profile nope names the profile, without the SDK\'s warning about several credential sources', async () => {
  const result = await expectAws(['status', 'fraud', '--profile', 'nope', '--region', 'us-east-1'], 'PLC7010');
  assert.match(result.stderr, /profile "?nope"?/);
  assert.not.match(result.stderr, /Multiple credential sources/);
});

test.run();
