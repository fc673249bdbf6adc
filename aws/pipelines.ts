// The deployed pipeline: read it (DescribePipeline) and create or update it in one call each, so a
// refused request leaves the pipeline exactly as it was.
import { AddTagsCommand, CreatePipelineCommand, DescribePipelineCommand, UpdatePipelineCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AwsFailure, call, isNotFound } from './aws-call.js';
import type { PipelineRequest } from './deploy-plan.js';

export interface DeployedPipeline {
  arn: string;
  /** The definition as SageMaker stores it: a JSON string (moto hands back an object for S3-located ones). */
  definition: unknown;
  role?: string;
  description?: string;
}

/** The pipeline of that name (or ARN); a missing one fails like any call (diagnosed as PLC7017). */
export async function describePipeline(client: SageMakerClient, name: string): Promise<DeployedPipeline> {
  const found = await call('sagemaker:DescribePipeline', () => client.send(new DescribePipelineCommand({ PipelineName: name })));
  return {
    arn: found.PipelineArn ?? name,
    definition: found.PipelineDefinition,
    ...(found.RoleArn ? { role: found.RoleArn } : {}),
    ...(found.PipelineDescription ? { description: found.PipelineDescription } : {}),
  };
}

/** The pipeline, or undefined when there is none. */
export async function findPipeline(client: SageMakerClient, name: string): Promise<DeployedPipeline | undefined> {
  try {
    return await describePipeline(client, name);
  } catch (failure) {
    if (failure instanceof AwsFailure && isNotFound(failure.cause)) return undefined;
    throw failure;
  }
}

export interface Upserted {
  arn: string;
  action: 'created' | 'updated';
}

export async function upsertPipeline(client: SageMakerClient, request: PipelineRequest): Promise<Upserted> {
  const existing = await findPipeline(client, request.PipelineName);
  if (!existing) {
    const created = await call('sagemaker:CreatePipeline', () => client.send(new CreatePipelineCommand(request)));
    return { arn: created.PipelineArn ?? request.PipelineName, action: 'created' };
  }
  // UpdatePipeline takes no tags; AddTags sets the wanted ones afterwards (see docs/deploy.md).
  const { Tags: tags, ...update } = request;
  const updated = await call('sagemaker:UpdatePipeline', () => client.send(new UpdatePipelineCommand(update)));
  const arn = updated.PipelineArn ?? existing.arn;
  if (tags?.length) await call('sagemaker:AddTags', () => client.send(new AddTagsCommand({ ResourceArn: arn, Tags: tags })));
  return { arn, action: 'updated' };
}
