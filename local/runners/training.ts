// A Training job in script mode, as the SageMaker framework containers run one: channels under
// /opt/ml/input/data/<channel>, hyperparameters.json, resourceconfig.json and inputdataconfig.json
// under /opt/ml/input/config, the SM_* variables, the code from sagemaker_submit_directory, and
// /opt/ml/model packed into model.tar.gz at ModelArtifacts.S3ModelArtifacts.
import { cpus } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inJob, list, record, runStepScript, StepFailure, tar, text, type Runner } from '../job.js';

const decoded = (value: string): string => {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value; // a plain string such as binary:logistic
  }
};

export const runTraining: Runner = async (context) => {
  const { args } = context;
  const hyperparameters = Object.fromEntries(Object.entries(record(args['HyperParameters'])).map(([key, value]) => [key, text(value)]));
  const program = hyperparameters['sagemaker_program'];
  const submit = hyperparameters['sagemaker_submit_directory'];
  if (!program || !submit) throw new StepFailure('no sagemaker_program/sagemaker_submit_directory hyperparameters: only script-mode training runs locally');

  const channels = list(args['InputDataConfig']).map(record);
  const folders: string[] = [];
  const inputConfig: Record<string, unknown> = {};
  for (const channel of channels) {
    const name = text(channel['ChannelName']);
    const folder = inJob(context, `/opt/ml/input/data/${name}`);
    context.s3.download(text(record(record(channel['DataSource'])['S3DataSource'])['S3Uri']), folder);
    folders.push(folder);
    inputConfig[name] = { TrainingInputMode: 'File', S3DistributionType: 'FullyReplicated', RecordWrapperType: 'None' };
  }
  const codeDir = inJob(context, '/opt/ml/code');
  mkdirSync(codeDir, { recursive: true });
  const archive = context.s3.path(decoded(submit));
  if (!existsSync(archive)) throw new StepFailure(`the code archive ${decoded(submit)} is missing (looked in ${archive})`);
  await tar(['-xzf', archive, '-C', codeDir]);
  folders.push(codeDir);
  const hit = context.cached(folders);
  if (hit) return hit;

  const configDir = inJob(context, '/opt/ml/input/config');
  mkdirSync(configDir, { recursive: true });
  const resourceConfig = { current_host: 'algo-1', current_instance_type: text(record(args['ResourceConfig'])['InstanceType']), current_group_name: 'homogeneousCluster', hosts: ['algo-1'], network_interface_name: 'eth0' };
  writeFileSync(join(configDir, 'hyperparameters.json'), JSON.stringify(hyperparameters, null, 2));
  writeFileSync(join(configDir, 'resourceconfig.json'), JSON.stringify(resourceConfig, null, 2));
  writeFileSync(join(configDir, 'inputdataconfig.json'), JSON.stringify(inputConfig, null, 2));
  for (const folder of ['/opt/ml/model', '/opt/ml/output/data']) mkdirSync(inJob(context, folder), { recursive: true });

  const user = Object.fromEntries(Object.entries(hyperparameters).filter(([key]) => !key.startsWith('sagemaker_')).map(([key, value]) => [key, decoded(value)]));
  const channelNames = channels.map((channel) => text(channel['ChannelName']));
  // The variables the SageMaker training toolkit sets (sagemaker-training-toolkit's environment.py).
  const env: Record<string, string> = {
    ...Object.fromEntries(Object.entries(record(args['Environment'])).map(([key, value]) => [key, text(value)])),
    SM_MODEL_DIR: inJob(context, '/opt/ml/model'),
    SM_OUTPUT_DATA_DIR: inJob(context, '/opt/ml/output/data'),
    SM_OUTPUT_DIR: inJob(context, '/opt/ml/output'),
    SM_INPUT_DIR: inJob(context, '/opt/ml/input'),
    SM_INPUT_CONFIG_DIR: configDir,
    SM_MODULE_DIR: decoded(submit),
    SM_USER_ENTRY_POINT: decoded(program),
    SM_CHANNELS: JSON.stringify(channelNames),
    ...Object.fromEntries(channelNames.map((name) => [`SM_CHANNEL_${name.toUpperCase()}`, inJob(context, `/opt/ml/input/data/${name}`)])),
    SM_HPS: JSON.stringify(user),
    ...Object.fromEntries(Object.entries(user).map(([key, value]) => [`SM_HP_${key.toUpperCase()}`, value])),
    SM_CURRENT_HOST: 'algo-1',
    SM_HOSTS: JSON.stringify(['algo-1']),
    SM_NUM_CPUS: String(cpus().length),
    SM_NUM_GPUS: '0',
    SM_RESOURCE_CONFIG: JSON.stringify(resourceConfig),
  };
  const scriptArgs = Object.entries(user).flatMap(([key, value]) => [`--${key}`, value]);
  await runStepScript(context, 'training', join(codeDir, decoded(program)), codeDir, scriptArgs, env);

  const jobName = `${context.step.Name}-${context.executionId}`;
  const outputPath = `${text(record(args['OutputDataConfig'])['S3OutputPath']).replace(/\/+$/, '')}/${jobName}/output`;
  const target = context.s3.writablePath(outputPath);
  mkdirSync(target, { recursive: true });
  // Sorted names, fixed owner and time: the same model gives the same archive.
  const pack = (folder: string, file: string) => tar(['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '-czf', join(target, file), '-C', inJob(context, folder), '.']);
  await pack('/opt/ml/model', 'model.tar.gz');
  await pack('/opt/ml/output/data', 'output.tar.gz');
  return {
    properties: {
      TrainingJobName: jobName,
      TrainingJobStatus: 'Completed',
      ModelArtifacts: { S3ModelArtifacts: `${outputPath}/model.tar.gz` },
      OutputDataConfig: { S3OutputPath: text(record(args['OutputDataConfig'])['S3OutputPath']) },
      HyperParameters: hyperparameters,
    },
    outputs: [target],
  };
};
