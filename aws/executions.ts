// Pipeline executions: start one, read its state and its steps, list the recent ones.
import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  ListPipelineExecutionStepsCommand,
  ListPipelinesCommand,
  StartPipelineExecutionCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { call } from './aws-call.js';
import type { Override } from './overrides.js';

/** `parallelism` overrides the pipeline's ParallelismConfiguration for this execution. */
export async function startExecution(client: SageMakerClient, pipeline: string, overrides: readonly Override[], parallelism?: number): Promise<string> {
  const started = await call('sagemaker:StartPipelineExecution', () =>
    client.send(new StartPipelineExecutionCommand({
      PipelineName: pipeline,
      PipelineParameters: overrides.map(({ name, value }) => ({ Name: name, Value: value })),
      ...(parallelism !== undefined ? { ParallelismConfiguration: { MaxParallelExecutionSteps: parallelism } } : {}),
    })),
  );
  return started.PipelineExecutionArn!;
}

export interface ExecutionState {
  status: string;
  failureReason?: string;
}

export async function describeExecution(client: SageMakerClient, arn: string): Promise<ExecutionState> {
  const found = await call('sagemaker:DescribePipelineExecution', () => client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })));
  return { status: found.PipelineExecutionStatus ?? 'Unknown', ...(found.FailureReason ? { failureReason: found.FailureReason } : {}) };
}

export interface StepState {
  name: string;
  status: string;
  failureReason?: string;
}

/** The execution's steps, first started first. */
export async function executionSteps(client: SageMakerClient, arn: string): Promise<StepState[]> {
  const steps: StepState[] = [];
  let token: string | undefined;
  do {
    const page = await call('sagemaker:ListPipelineExecutionSteps', () => client.send(new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: arn, SortOrder: 'Ascending', NextToken: token })));
    for (const step of page.PipelineExecutionSteps ?? []) {
      steps.push({ name: step.StepName ?? '?', status: step.StepStatus ?? 'Unknown', ...(step.FailureReason ? { failureReason: step.FailureReason } : {}) });
    }
    token = page.NextToken;
  } while (token);
  return steps;
}

export interface ExecutionSummary {
  arn: string;
  id: string;
  status: string;
  started?: Date;
  failureReason?: string;
}

/** The pipeline's most recent executions, newest first. */
export async function recentExecutions(client: SageMakerClient, pipeline: string, limit: number): Promise<ExecutionSummary[]> {
  const page = await call('sagemaker:ListPipelineExecutions', () => client.send(new ListPipelineExecutionsCommand({ PipelineName: pipeline, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: limit })));
  const summaries = (page.PipelineExecutionSummaries ?? []).map((e) => ({
    arn: e.PipelineExecutionArn ?? '?',
    id: (e.PipelineExecutionArn ?? '?').split('/').at(-1)!,
    status: e.PipelineExecutionStatus ?? 'Unknown',
    ...(e.StartTime ? { started: e.StartTime } : {}),
    ...(e.PipelineExecutionFailureReason ? { failureReason: e.PipelineExecutionFailureReason } : {}),
  }));
  // Sorted here too: not every endpoint honours SortBy (moto lists in creation order).
  return summaries.sort((a, b) => (b.started?.getTime() ?? 0) - (a.started?.getTime() ?? 0)).slice(0, limit);
}

/** Names of the account's pipelines in the region, most recently created first. */
export async function pipelineNames(client: SageMakerClient, limit: number): Promise<string[]> {
  const page = await call('sagemaker:ListPipelines', () => client.send(new ListPipelinesCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: limit })));
  return (page.PipelineSummaries ?? []).flatMap((p) => (p.PipelineName ? [p.PipelineName] : []));
}
