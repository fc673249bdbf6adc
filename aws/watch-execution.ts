// Follows an execution until it ends, reporting each state it sees. Steps come from
// ListPipelineExecutionSteps where the endpoint implements it; moto does not, and then only the
// execution's own status is followed.
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AwsFailure, serviceError } from './aws-call.js';
import { describeExecution, executionSteps, type ExecutionState, type StepState } from './executions.js';

export interface Snapshot extends ExecutionState {
  /** Undefined when the endpoint cannot list steps. */
  steps?: StepState[];
}

export const finalStatuses: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Stopped']);

export interface WatchOptions {
  pollMs: number;
  onSnapshot: (snapshot: Snapshot) => void;
  /** Called once when the endpoint cannot list steps. */
  onStepsUnavailable: (reason: string) => void;
}

export async function watchExecution(client: SageMakerClient, arn: string, options: WatchOptions): Promise<Snapshot> {
  let canListSteps = true;
  for (;;) {
    const state = await describeExecution(client, arn);
    let steps: StepState[] | undefined;
    if (canListSteps) {
      try {
        steps = await executionSteps(client, arn);
      } catch (failure) {
        const reason = unsupported(failure);
        if (reason === undefined) throw failure;
        canListSteps = false;
        options.onStepsUnavailable(reason);
      }
    }
    const snapshot = { ...state, ...(steps ? { steps } : {}) };
    options.onSnapshot(snapshot);
    if (finalStatuses.has(state.status)) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/** Why the endpoint cannot list steps, when that is what the failure says (moto answers 500). */
function unsupported(failure: unknown): string | undefined {
  const answer = failure instanceof AwsFailure ? serviceError(failure.cause) : undefined;
  if (answer === undefined) return undefined;
  if (answer.status === 500 || answer.status === 501 || /NotImplemented|UnknownOperation|InvalidAction/.test(answer.name)) return `${answer.name} (HTTP ${answer.status})`;
  return undefined;
}
