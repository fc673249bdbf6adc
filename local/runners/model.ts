// Model and RegisterModel steps: nothing to compute, so they are recorded in the local registry
// after checking that the artifacts they name exist, as SageMaker checks them.
import { existsSync } from 'node:fs';
import type { Json } from '../definition.js';
import { list, record, StepFailure, text, type JobContext, type Runner } from '../job.js';

function requireObject(context: JobContext, uri: string, what: string): void {
  if (!uri) return;
  if (!existsSync(context.s3.path(uri))) throw new StepFailure(`${what} ${uri} does not exist (looked in ${context.s3.path(uri)})`);
}

function containers(args: Record<string, Json>): Record<string, Json>[] {
  const primary = args['PrimaryContainer'];
  return primary ? [record(primary)] : list(args['Containers']).map(record);
}

export const runModel: Runner = async (context) => {
  for (const container of containers(context.args)) requireObject(context, text(container['ModelDataUrl']), 'ModelDataUrl');
  const name = `${context.step.Name}-${context.executionId}`;
  context.registry.addModel(name, { ...context.args, ModelName: name });
  return { properties: { ModelName: name, ModelArn: `arn:aws:sagemaker:local:000000000000:model/${name}` } };
};

export const runRegisterModel: Runner = async (context) => {
  const { args } = context;
  const inference = record(args['InferenceSpecification']);
  for (const container of list(inference['Containers']).map(record)) requireObject(context, text(container['ModelDataUrl']), 'ModelDataUrl');
  const metrics = record(args['ModelMetrics']);
  for (const [group, values] of Object.entries(metrics)) {
    for (const [name, value] of Object.entries(record(values))) requireObject(context, text(record(value)['S3Uri']), `ModelMetrics.${group}.${name}`);
  }
  requireObject(context, text(args['SamplePayloadUrl']), 'SamplePayloadUrl');
  const group = text(args['ModelPackageGroupName']);
  if (!group) throw new StepFailure('no ModelPackageGroupName');
  const arn = context.registry.addModelPackage(group, { step: context.step.Name, executionId: context.executionId, ...args });
  return { properties: { ModelPackageArn: arn, ModelApprovalStatus: text(args['ModelApprovalStatus']) || 'PendingManualApproval' } };
};
