// The step type `plc new step --kind callback` writes (compiler/kinds/scaffold.ts).
import { invocationBody } from '../invocation-scaffold.js';
import type { StepTemplate } from '../scaffold.js';

export const callbackTemplate: StepTemplate = {
  option: 'callback',
  what: 'message to an SQS queue, answered by your code',
  body: () => invocationBody('callback', { key: 'sqsQueueUrl', field: 'queueUrl', description: 'URL of the SQS queue the message goes to.' }, 'your code (SendPipelineExecutionStepSuccess)'),
};
