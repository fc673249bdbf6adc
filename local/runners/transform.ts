// A Transform job: the model the ModelName names (recorded by a local Model step) is unpacked
// at /opt/ml/model and its inference script is driven over the input, split, filtered and joined
// as the job says (local/python/plc_local_transform.py). MaxPayloadInMB and
// MaxConcurrentTransforms bound requests to a serving container; one local process has neither.
// The script is the model's code/inference.py when packaged, else plc's XGBoost serving script
// for a model XGBoostTraining made.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../schema/paths.js';
import { inJob, list, record, runPython, StepFailure, tar, text, transformShimPath, type Runner } from '../job.js';

const builtInScripts = join(packageRoot, 'steps', 'scripts');

export const runTransform: Runner = async (context) => {
  const { args } = context;
  const modelName = text(args['ModelName']);
  const model = context.registry.model(modelName);
  if (!model) throw new StepFailure(`no local model ${modelName}: the Model step that creates it must run locally first`);
  const container = record(model['PrimaryContainer'] ?? list(model['Containers'])[0]);
  const modelData = text(container['ModelDataUrl']);
  const modelDir = inJob(context, '/opt/ml/model');
  mkdirSync(modelDir, { recursive: true });
  const archive = context.s3.path(modelData);
  if (!existsSync(archive)) throw new StepFailure(`ModelDataUrl ${modelData} does not exist (looked in ${archive})`);
  await tar(['-xzf', archive, '-C', modelDir]);

  const input = record(args['TransformInput']);
  const inputDir = inJob(context, '/opt/ml/transform/input');
  context.s3.download(text(record(record(input['DataSource'])['S3DataSource'])['S3Uri']), inputDir);
  const hit = context.cached([modelDir, inputDir]);
  if (hit) return hit;

  const packaged = join(modelDir, 'code', 'inference.py');
  const [script, codeDir] = existsSync(packaged) ? [packaged, join(modelDir, 'code')]
    : existsSync(join(modelDir, 'xgboost_model.bst')) ? [join(builtInScripts, 'xgboost_inference.py'), builtInScripts]
    : [undefined, undefined];
  if (!script) throw new StepFailure(`the model ${modelData} has no code/inference.py and is not an XGBoostTraining model: nothing to serve it with locally`);

  const output = record(args['TransformOutput']);
  const outputDir = inJob(context, '/opt/ml/transform/output');
  mkdirSync(outputDir, { recursive: true });
  const jobFile = join(context.jobDir, 'plc-local-transform.json');
  const processing = record(args['DataProcessing']);
  writeFileSync(jobFile, JSON.stringify({
    script, code_dir: codeDir, model_dir: modelDir, input_dir: inputDir, output_dir: outputDir,
    content_type: text(input['ContentType']) || 'text/csv', accept: text(output['Accept']) || 'text/csv',
    split_type: text(input['SplitType']) || 'None', batch_strategy: text(args['BatchStrategy']) || 'MultiRecord',
    assemble_with: text(output['AssembleWith']) || 'None',
    input_filter: text(processing['InputFilter']), output_filter: text(processing['OutputFilter']), join_source: text(processing['JoinSource']),
  }, null, 2));
  const env = Object.fromEntries(Object.entries({ ...record(container['Environment']), ...record(args['Environment']) }).map(([key, value]) => [key, text(value)]));
  await runPython(context, transformShimPath, [jobFile], env);
  const target = text(output['S3OutputPath']);
  context.s3.upload(outputDir, target);
  return {
    properties: { TransformJobName: `${context.step.Name}-${context.executionId}`, TransformJobStatus: 'Completed', ModelName: modelName, TransformOutput: { S3OutputPath: target } },
    outputs: [context.s3.path(target)],
  };
};
