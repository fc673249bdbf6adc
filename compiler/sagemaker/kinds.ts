// Facts about the SageMaker step kinds that several passes share: which kinds run a container of
// the step type's own, which run training jobs, and which return output parameters.
import type { StepDocument } from '../../schema/types.generated.js';

export type SageMakerKind = StepDocument['sagemaker'];

/** Kinds that run (or serve) an image of the step type's, so need `compute:`. */
export const containerKinds: readonly SageMakerKind[] = ['Processing', 'Training', 'Tuning', 'Model', 'Transform', 'RegisterModel'];

/**
 * Kinds whose jobs are training jobs: a Tuning step runs many, all from one TrainingJobDefinition,
 * so its ports, images, instance types and limits are a Training step's.
 */
export const isTrainingJobKind = (kind: SageMakerKind): boolean => kind === 'Training' || kind === 'Tuning';

/** Kinds whose outputs are OutputParameters: values the Lambda function or the callback's answer returns. */
export const isOutputParameterKind = (kind: SageMakerKind): boolean => kind === 'Lambda' || kind === 'Callback';
