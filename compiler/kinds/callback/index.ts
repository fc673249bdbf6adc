// Callback: sends the arguments to an SQS queue and waits for SendPipelineExecutionStepSuccess;
// its outputs are the output parameters the answering code returns.
import { invocationKind } from '../invocation.js';
import { callbackTemplate } from './scaffold.js';

export const callbackKind = invocationKind('Callback', 'callback', { key: 'sqsQueueUrl', member: 'SqsQueueUrl' }, callbackTemplate);
