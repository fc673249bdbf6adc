// The step type `plc new step --kind lambda` writes (compiler/kinds/scaffold.ts).
import { invocationBody } from '../invocation-scaffold.js';
import type { StepTemplate } from '../scaffold.js';

export const lambdaTemplate: StepTemplate = {
  option: 'lambda',
  what: 'Lambda function invocation',
  body: () => invocationBody('lambda', { key: 'functionArn', field: 'functionArn', description: 'ARN (or name) of the Lambda function to invoke.' }, 'the function'),
};
