// Lowers a Callback step: the SQS queue its message goes to, the message, and the output
// parameters the answering code returns with SendPipelineExecutionStepSuccess.
import type { CallbackStepIR } from '../ir/pipeline.js';
import type { KindLowering } from './context.js';
import { lowerInvocation, lowerTarget } from './invocation.js';

export const lowerCallback: KindLowering = (node, base, bindings): CallbackStepIR | undefined => {
  const section = node.step.doc.callback;
  if (!section) return undefined; // reported by the step checks (PLC0103)
  const queueUrl = lowerTarget(node, section.sqsQueueUrl, ['callback', 'sqsQueueUrl'], bindings);
  const invocation = lowerInvocation(node, 'callback', section.arguments ?? {}, bindings);
  return queueUrl && invocation ? { kind: 'Callback', ...base, queueUrl, ...invocation } : undefined;
};
