// The kinds that run no container of the step type's, each lowered by its own module.
import type { SageMakerKind } from '../sagemaker/kinds.js';
import { lowerCallback } from './callback.js';
import type { KindLowering } from './context.js';
import { lowerEmr } from './emr.js';
import { lowerLambda } from './lambda.js';

export const containerlessLowerings: ReadonlyMap<SageMakerKind, KindLowering> = new Map<SageMakerKind, KindLowering>([
  ['Lambda', lowerLambda],
  ['Callback', lowerCallback],
  ['EMR', lowerEmr],
]);
