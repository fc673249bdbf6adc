// plc deploy, diff, run and status against a real local moto server (started and stopped here),
// plus a stub endpoint for the answers moto never gives: access denied, throttling, a refused
// request. moto stores definitions without checking them and cannot list execution steps
// (its SageMaker backend, moto/sagemaker/models.py in github.com/getmoto/moto), so nothing here
// relies on either.
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DescribePipelineCommand, ListPipelineParametersForExecutionCommand, ListTagsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fakeAwsEnv, freePort, motoPresent, startMoto, startStub, type Moto } from './support/aws-servers.js';
import { available, repo, runPlcBinaryAsync, tempDir, type RunResult } from './support/helpers.js';

const bucket = 'plc-deploy-test';
const example = readFileSync(join(repo, 'examples/tabular-xgboost.pipeline.yaml'), 'utf8').replace('s3://my-ml-bucket/plc', `s3://${bucket}/plc`);

/** A pipeline file in a fresh folder; `edit` changes the example's text. */
function pipelineFile(edit: (text: string) => string = (text) => text): string {
  const file = join(tempDir(), 'fraud.pipeline.yaml');
  writeFileSync(file, edit(example));
  return file;
}

const plc = (args: string[], env: NodeJS.ProcessEnv = fakeAwsEnv()): Promise<RunResult> => runPlcBinaryAsync(args, { env });
const noStackTrace = (result: RunResult) => assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');

const withMoto = suite<{ moto?: Moto; file: string }>('against moto', { file: '' });
const haveMoto = motoPresent();

withMoto.before(async (context) => {
  if (!available(haveMoto, 'moto_server', 'python3 -m pip install "moto[server]"')) return;
  context.moto = await startMoto();
  const s3 = new S3Client({ endpoint: context.moto.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  context.file = pipelineFile();
});

withMoto.after(async (context) => {
  await context.moto?.stop();
});

const clients = (endpoint: string) => {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  return { s3: new S3Client({ ...config, forcePathStyle: true }), sagemaker: new SageMakerClient(config) };
};

/** What deploy sends for a built definition: the same JSON, compact (plc build pretty-prints it for people). */
const sent = (built: string): string => JSON.stringify(JSON.parse(built));

async function storedDefinition(endpoint: string, name = 'tabular-xgboost'): Promise<unknown> {
  return (await clients(endpoint).sagemaker.send(new DescribePipelineCommand({ PipelineName: name }))).PipelineDefinition;
}

withMoto('deploy stores the definition plc build writes (compact JSON), and every code object the definition references', async ({ moto, file }) => {
  if (!moto) return;
  const built = await plc(['build', file, '--emit-code', join(tempDir(), 'code')]);
  assert.is(built.status, 0, built.stderr);
  const deployed = await plc(['deploy', file, '--endpoint-url', moto.endpoint]);
  assert.is(deployed.status, 0, deployed.stderr);
  assert.is(deployed.stdout, 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/tabular-xgboost\n');
  assert.match(deployed.stderr, /created pipeline tabular-xgboost; code objects: 4 uploaded, 0 already there/);
  assert.is(await storedDefinition(moto.endpoint), sent(built.stdout));

  const { s3 } = clients(moto.endpoint);
  const referenced = [...new Set(built.stdout.match(new RegExp(`s3://${bucket}/[^"\\\\]+`, 'g')) ?? [])];
  assert.ok(referenced.length >= 2, 'the definition references code objects');
  const emitCode = (key: string) => readFileSync(join(built.stderr.match(/in (\S+) \(/)?.[1] ?? '', key));
  for (const uri of referenced) {
    const key = uri.slice(`s3://${bucket}/`.length);
    // A processing step's code input is a folder (a prefix); a training step's is one archive.
    const keys = key.endsWith('/') ? ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key }))).Contents ?? []).map((o) => o.Key!) : [key];
    assert.ok(keys.length > 0, `${uri} exists`);
    for (const objectKey of keys) {
      const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }))).Body!.transformToByteArray();
      assert.ok(Buffer.from(body).equals(emitCode(objectKey.slice('plc/'.length))), `${objectKey} has the built content`);
    }
  }
});

withMoto('deploying again uploads nothing; a change shows in plc diff (2, then 0) and takes the update path', async ({ moto, file }) => {
  if (!moto) return;
  const again = await plc(['deploy', file, '--endpoint-url', moto.endpoint]);
  assert.is(again.status, 0, again.stderr);
  assert.match(again.stderr, /updated pipeline tabular-xgboost; code objects: 0 uploaded, 4 already there/);
  const same = await plc(['diff', file, '--endpoint-url', moto.endpoint]);
  assert.is(same.status, 0, same.stderr);
  assert.is(same.stdout, 'tabular-xgboost: no changes\n');

  const changed = pipelineFile((text) => text.replace('numRound: 200', 'numRound: 300'));
  const diff = await plc(['diff', changed, '--endpoint-url', moto.endpoint]);
  assert.is(diff.status, 2, diff.stderr);
  assert.match(diff.stdout, /^~ step train\n {4}Arguments\.HyperParameters\.num_round: "200" → "300"$/m);
  const json = await plc(['diff', changed, '--endpoint-url', moto.endpoint, '--format', 'json']);
  assert.is(json.status, 2);
  assert.equal(JSON.parse(json.stdout).changes, [{ kind: 'step', name: 'train', change: 'changed', fields: [{ path: 'Arguments.HyperParameters.num_round', before: '200', after: '300' }] }]);

  const update = await plc(['deploy', changed, '--endpoint-url', moto.endpoint, '--tag', 'team=fraud']);
  assert.is(update.status, 0, update.stderr);
  assert.match(update.stderr, /updated pipeline/);
  assert.not.match(update.stderr, /note:/);
  // UpdatePipeline takes no tags: deploy sets them with AddTags.
  const tagged = await clients(moto.endpoint).sagemaker.send(new ListTagsCommand({ ResourceArn: update.stdout.trim() }));
  assert.equal(tagged.Tags, [{ Key: 'team', Value: 'fraud' }]);
  assert.is(await storedDefinition(moto.endpoint), sent((await plc(['build', changed])).stdout));
  assert.is((await plc(['diff', changed, '--endpoint-url', moto.endpoint])).status, 0);
});

withMoto('a deploy that fails half way leaves the deployed pipeline as it was', async ({ moto }) => {
  if (!moto) return;
  const before = await storedDefinition(moto.endpoint);
  const broken = pipelineFile((text) => text.replace(`s3://${bucket}/plc`, 's3://no-such-bucket/plc').replace('numRound: 200', 'numRound: 400'));
  const result = await plc(['deploy', broken, '--endpoint-url', moto.endpoint]);
  assert.is(result.status, 1);
  assert.match(result.stderr, /error PLC7018: S3 bucket no-such-bucket does not exist/);
  noStackTrace(result);
  assert.is(await storedDefinition(moto.endpoint), before);
});

withMoto('plc run starts an execution with the overrides; --wait ends with its result and a note about steps', async ({ moto, file }) => {
  if (!moto) return;
  const started = await plc(['run', file, '-P', 'MaxDepth=8', '-P', 'TrainingInstanceType=ml.m5.2xlarge', '--endpoint-url', moto.endpoint]);
  assert.is(started.status, 0, started.stderr);
  const arn = started.stdout.trim();
  assert.match(arn, /^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/tabular-xgboost\/execution\/\w+$/);
  const stored = await clients(moto.endpoint).sagemaker.send(new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: arn }));
  assert.equal(stored.PipelineParameters, [{ Name: 'MaxDepth', Value: '8' }, { Name: 'TrainingInstanceType', Value: 'ml.m5.2xlarge' }]);

  const waited = await plc(['run', 'tabular-xgboost', '--wait', '--endpoint-url', moto.endpoint]);
  assert.is(waited.status, 0, waited.stderr);
  assert.match(waited.stderr, /note: this endpoint cannot list the execution's steps/);
  assert.match(waited.stderr, /execution \w+: Succeeded\n/);
});

withMoto('plc status lists the recent executions', async ({ moto, file }) => {
  if (!moto) return;
  const result = await plc(['status', file, '--endpoint-url', moto.endpoint, '--format', 'json']);
  assert.is(result.status, 0, result.stderr);
  const [row] = JSON.parse(result.stdout).pipelines;
  assert.is(row.pipeline, 'tabular-xgboost');
  assert.is(row.executions.length, 2);
  assert.ok(row.executions.every((e: { status: string }) => e.status === 'Succeeded'));
  const all = await plc(['status', '--endpoint-url', moto.endpoint]);
  assert.match(all.stdout, /^tabular-xgboost +\w+ +Succeeded /m);
});

withMoto('a definition over 100 KB goes through S3 and round-trips', async ({ moto }) => {
  if (!moto) return;
  const parameters = Array.from({ length: 30 }, (_, i) => `  Big${i}: { type: String, default: "${'x'.repeat(4000)}" }`).join('\n');
  const file = pipelineFile((text) => text.replace('name: tabular-xgboost', 'name: big-pipeline').replace('parameters:\n', `parameters:\n${parameters}\n`));
  const dry = await plc(['deploy', file, '--dry-run']);
  assert.is(dry.status, 0, dry.stderr);
  const plan = JSON.parse(dry.stdout);
  assert.is(plan.request.PipelineDefinition, undefined);
  assert.match(plan.request.PipelineDefinitionS3Location.ObjectKey, /^plc\/definitions\/[0-9a-f]{64}\.json$/);
  const deployed = await plc(['deploy', file, '--endpoint-url', moto.endpoint]);
  assert.is(deployed.status, 0, deployed.stderr);
  const object = await clients(moto.endpoint).s3.send(new GetObjectCommand({ Bucket: bucket, Key: plan.request.PipelineDefinitionS3Location.ObjectKey }));
  assert.is(await object.Body!.transformToString(), sent((await plc(['build', file])).stdout));
  // moto hands an S3-located definition back as an object, not a string; diff compares data.
  assert.is((await plc(['diff', file, '--endpoint-url', moto.endpoint])).status, 0);
});

withMoto('with the server stopped: a readable error, exit 1, no stack trace', async (context) => {
  if (!context.moto) return;
  await context.moto.stop();
  const result = await plc(['deploy', context.file, '--endpoint-url', context.moto.endpoint]);
  assert.is(result.status, 1);
  assert.match(result.stderr, /error PLC7014: cannot reach http:\/\/127\.0\.0\.1:\d+ for s3:HeadObject s3:\/\/plc-deploy-test\/plc\/code\/\S+: ECONNREFUSED/);
  noStackTrace(result);
  const diff = await plc(['diff', context.file, '--endpoint-url', context.moto.endpoint]);
  assert.is(diff.status, 1, 'diff exits 1 on errors');
});

withMoto.run();

const offline = suite('before any call, and refused calls');

offline('bad overrides are refused before any call (the endpoint is dead)', async () => {
  const dead = `http://127.0.0.1:${await freePort()}`;
  const file = pipelineFile();
  const typo = await plc(['run', file, '-P', 'MaxDepht=3', '--endpoint-url', dead]);
  assert.is(typo.status, 2);
  assert.match(typo.stderr, /-P MaxDepht: the pipeline declares no parameter MaxDepht — did you mean MaxDepth\?/);
  assert.match(typo.stderr, /nothing was started/);
  const wrong = await plc(['run', file, '-P', 'MaxDepth=six', '-P', 'TrainingInstanceType=ml.t2.medium', '-P', 'oops', '--endpoint-url', dead]);
  assert.is(wrong.status, 2);
  assert.match(wrong.stderr, /-P oops: write Name=Value/);
  const typed = await plc(['run', file, '-P', 'MaxDepth=six', '-P', 'TrainingInstanceType=ml.t2.medium', '--endpoint-url', dead]);
  assert.match(typed.stderr, /-P MaxDepth=six: MaxDepth is an Integer parameter/);
  assert.match(typed.stderr, /-P TrainingInstanceType=ml.t2.medium: TrainingInstanceType is one of ml.m5.xlarge, ml.m5.2xlarge, ml.c5.2xlarge/);
  assert.not.match(typed.stderr, /PLC7014/, 'no call was attempted');
});

offline('nonsense --poll-interval and --limit are usage errors; a folder named like a pipeline is not a pipeline file', async () => {
  const dead = `http://127.0.0.1:${await freePort()}`;
  const poll = await plc(['run', pipelineFile(), '--wait', '--poll-interval', 'abc', '--endpoint-url', dead]);
  assert.is(poll.status, 2);
  assert.match(poll.stderr, /--poll-interval takes a number of seconds above 0/);
  const limit = await plc(['status', 'fraud', '--limit', '0', '--endpoint-url', dead]);
  assert.is(limit.status, 2);
  assert.match(limit.stderr, /--limit takes a whole number of 1 or more/);
  const dir = tempDir();
  mkdirSync(join(dir, 'fraud-xgboost'));
  const named = await runPlcBinaryAsync(['status', 'fraud-xgboost', '--endpoint-url', dead], { env: fakeAwsEnv(), cwd: dir });
  assert.not.match(named.stderr, /PLC0003/, 'the folder is not read as a pipeline file');
  assert.match(named.stderr, /PLC7014/, 'the name goes to the (dead) endpoint');
});

offline('--dry-run prints the request and calls nothing', async () => {
  const dead = `http://127.0.0.1:${await freePort()}`;
  const result = await plc(['deploy', pipelineFile(), '--dry-run', '--tag', 'team=fraud', '--endpoint-url', dead]);
  assert.is(result.status, 0, result.stderr);
  const plan = JSON.parse(result.stdout);
  assert.is(plan.request.RoleArn, 'arn:aws:iam::111122223333:role/SageMakerExecution');
  assert.equal(plan.request.Tags, [{ Key: 'team', Value: 'fraud' }]);
  assert.is(plan.request.PipelineDefinition, sent((await plc(['build', pipelineFile()])).stdout));
  assert.is(plan.code.length, 4);
});

offline('no credentials: PLC7010, exit 1', async () => {
  const dead = `http://127.0.0.1:${await freePort()}`;
  const env = fakeAwsEnv();
  delete env['AWS_ACCESS_KEY_ID'];
  delete env['AWS_SECRET_ACCESS_KEY'];
  const result = await plc(['status', 'fraud', '--endpoint-url', dead], env);
  assert.is(result.status, 1);
  assert.match(result.stderr, /error PLC7010: no AWS credentials for sagemaker:ListPipelineExecutions/);
  noStackTrace(result);
});

offline('access denied: PLC7011 naming the action, and the secret key is never printed', async () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
  // A misbehaving proxy that echoes the secret back must not get it printed either.
  const stub = await startStub(() => ({ status: 400, error: 'AccessDeniedException', body: { message: `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sagemaker:ListPipelineExecutions (key ${secret})` } }));
  try {
    const result = await plc(['status', 'fraud', '--endpoint-url', stub.endpoint, '--debug'], fakeAwsEnv({ AWS_SECRET_ACCESS_KEY: secret }));
    assert.is(result.status, 1);
    assert.match(result.stderr, /error PLC7011: sagemaker:ListPipelineExecutions was denied: User: arn:aws:iam::123456789012:user\/ci is not authorized/);
    assert.match(result.stderr, /needs sagemaker:ListPipelineExecutions/);
    assert.not.ok(result.stdout.includes(secret) || result.stderr.includes(secret), 'the secret is not printed');
    const dry = await plc(['deploy', pipelineFile(), '--dry-run', '--debug'], fakeAwsEnv({ AWS_SECRET_ACCESS_KEY: secret }));
    assert.not.ok(dry.stdout.includes(secret) || dry.stderr.includes(secret));
  } finally {
    await stub.close();
  }
});

offline('a refused CreatePipeline points at the step the service names, and changes nothing else', async () => {
  const stub = await startStub((request) => {
    if (request.operation === 'DescribePipeline') return { status: 400, error: 'ResourceNotFound', body: { message: 'Pipeline tabular-xgboost does not exist' } };
    if (request.operation === 'CreatePipeline') return { status: 400, error: 'ValidationException', body: { message: 'Step train: InstanceType ml.m5.xlarge is not available in this account' } };
    return { status: request.operation.startsWith('HEAD') ? 404 : 200 };
  });
  try {
    const file = pipelineFile();
    const result = await plc(['deploy', file, '--endpoint-url', stub.endpoint]);
    assert.is(result.status, 1);
    assert.match(result.stderr, /fraud\.pipeline\.yaml:27:3: error PLC7013: SageMaker rejected sagemaker:CreatePipeline: Step train: InstanceType/);
    assert.not.ok(stub.requests.some((r) => r.operation === 'UpdatePipeline'));
  } finally {
    await stub.close();
  }
});

offline('throttling is retried with backoff; a call throttled every time ends in PLC7012', async () => {
  let calls = 0;
  const stub = await startStub(() => (++calls < 3 ? { status: 400, error: 'ThrottlingException', body: { message: 'Rate exceeded' } } : { status: 200, body: { PipelineExecutionSummaries: [] } }));
  try {
    const result = await plc(['status', 'fraud', '--endpoint-url', stub.endpoint]);
    assert.is(result.status, 0, result.stderr);
    assert.is(stub.requests.length, 3, 'two throttled attempts, then success');
    assert.match(result.stdout, /^fraud +- +never run/m);
  } finally {
    await stub.close();
  }
  const always = await startStub(() => ({ status: 400, error: 'ThrottlingException', body: { message: 'Rate exceeded' } }));
  try {
    const result = await plc(['status', 'fraud', '--endpoint-url', always.endpoint]);
    assert.is(result.status, 1);
    assert.match(result.stderr, /error PLC7012: sagemaker:ListPipelineExecutions was throttled and still failed after 5 attempts/);
    assert.is(always.requests.length, 5);
  } finally {
    await always.close();
  }
});

offline('every AWS command has help with examples; usage errors of plc diff exit 1, not 2', async () => {
  for (const command of ['deploy', 'diff', 'run', 'status']) {
    const help = await plc([command, '--help']);
    assert.is(help.status, 0);
    assert.match(help.stdout, /Examples:\n/, `${command} --help has examples`);
  }
  assert.is((await plc(['diff'])).status, 1);
  assert.is((await plc(['run'])).status, 2);
});

offline.run();
