// Lambda: invokes a Lambda function with the arguments as its event; its outputs are the output
// parameters the function returns.
import { invocationKind } from '../invocation.js';
import { lambdaTemplate } from './scaffold.js';

export const lambdaKind = invocationKind('Lambda', 'lambda', { key: 'functionArn', member: 'FunctionArn' }, lambdaTemplate);
