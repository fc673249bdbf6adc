// Lowers a Lambda step: the function to invoke, its event and the output parameters it returns.
import type { LambdaStepIR } from '../ir/pipeline.js';
import type { KindLowering } from './context.js';
import { lowerInvocation, lowerTarget } from './invocation.js';

export const lowerLambda: KindLowering = (node, base, bindings): LambdaStepIR | undefined => {
  const section = node.step.doc.lambda;
  if (!section) return undefined; // reported by the step checks (PLC0103)
  const functionArn = lowerTarget(node, section.functionArn, ['lambda', 'functionArn'], bindings);
  const invocation = lowerInvocation(node, 'lambda', section.arguments ?? {}, bindings);
  return functionArn && invocation ? { kind: 'Lambda', ...base, functionArn, ...invocation } : undefined;
};
