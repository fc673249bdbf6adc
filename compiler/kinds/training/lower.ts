// A training job: the step type's image (in script mode, its code as sourcedir.tar.gz named by
// the sagemaker_* hyperparameters), channels from the wired inputs, one S3OutputPath.
import { asString, constantOf, isExpr, literal, type Expr } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';
import { archive } from '../../lower/code-bundle.js';
import type { LoweringContext } from '../../lower/context.js';
import { s3Path } from '../../lower/s3-paths.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { encryptionOf, networkOf, tagsOf } from '../../lower/job-settings.js';
import { lowerJobParts } from '../job.js';
import { lowerPortOptions } from '../ports.js';
import type { Training } from '../../../schema/types.generated.js';
import type { TrainingJobIR, TrainingStepIR } from './ir.js';
import { distributionHyperparameters } from './distribution.js';
import { channelOptions, isTrainingOutputPath } from './outputs.js';
import type { WiredNode } from '../../stages.js';

export function lowerTraining(node: WiredNode, base: StepBaseIR, context: LoweringContext): TrainingStepIR | undefined {
  const parts = lowerJobParts(node, context, { imageScope: 'training', environmentLimits: apiLimits.trainingEnvironment });
  if (!parts) return undefined;
  const { role, image, resources, environment, bundle } = parts;
  const step = node.step.doc;
  const training = step.training ?? {};
  const channels = Object.keys(step.inputs ?? {}).filter((port) => node.inputs.has(port)).map((port) => ({ name: port, source: node.inputs.get(port)!.location, options: lowerPortOptions(node, 'inputs', port, channelOptions, context) }));
  const hyperparameters = lowerHyperparameters(node, context);
  if (bundle) {
    const prefix = context.codeLocation();
    const key = `code/${bundle.hash}/sourcedir.tar.gz`;
    context.addCode(key, () => archive(bundle), bundle.files.map((file) => file.source));
    // Script mode reads these JSON-encoded, as the SageMaker SDK writes them.
    hyperparameters.push(['sagemaker_program', literal(JSON.stringify(bundle.entryPoint))]);
    if (prefix) hyperparameters.push(['sagemaker_submit_directory', literal(JSON.stringify(constantOf(s3Path(prefix, key))))]);
  }
  if (training.distribution) hyperparameters.push(...distributionHyperparameters(training.distribution, resources.instanceType));
  context.checkStringMap(node, hyperparameters, apiLimits.hyperParameters, 'hyperparameter', ['training', 'hyperparameters']);
  const spot = training.spot !== undefined ? context.typed(node, training.spot, ['training', 'spot'], 'boolean') : undefined;
  const maxWaitSeconds = training.maxWaitSeconds !== undefined ? context.typed(node, training.maxWaitSeconds, ['training', 'maxWaitSeconds'], 'integer') : undefined;
  if (spot && constantOf(spot) === true && !maxWaitSeconds) {
    context.bag.report('PLC5006', node.step.source.locate(['training', 'spot']), { step: step.name });
  }
  const maxRetryAttempts = training.maxRetryAttempts !== undefined ? context.typed(node, training.maxRetryAttempts, ['training', 'maxRetryAttempts'], 'integer') : undefined;
  const checkpoints = training.checkpoints && lowerCheckpoints(node, training.checkpoints, context);
  const network = networkOf(node);
  const encryption = encryptionOf(node);
  return {
    kind: 'Training', ...base, image, role,
    resources: { ...resources, maxRuntimeSeconds: resources.maxRuntimeSeconds ?? literal(86400) },
    ...(maxWaitSeconds ? { maxWaitSeconds } : {}),
    inputMode: training.inputMode ?? 'File',
    channels,
    outputPath: outputPath(node, context),
    hyperparameters,
    environment,
    tags: tagsOf(node),
    ...(spot ? { spot } : {}),
    ...(checkpoints ? { checkpoints } : {}),
    ...(maxRetryAttempts ? { maxRetryAttempts } : {}),
    ...(network ? { network } : {}),
    ...(encryption ? { encryption } : {}),
    metricDefinitions: Object.entries(training.metricDefinitions ?? {}),
    debugHook: training.debugHook ?? false,
    ...(training.profilerIntervalMs !== undefined ? { profilerIntervalMs: training.profilerIntervalMs } : {}),
  };
}

/** CheckpointConfig; its S3 URI below the node's output location unless the step type binds one. */
function lowerCheckpoints(node: WiredNode, checkpoints: NonNullable<Training['checkpoints']>, context: LoweringContext): TrainingJobIR['checkpoints'] {
  const s3Uri = checkpoints.s3Uri === undefined ? context.defaultLocation(node, 'checkpoints') : context.typed(node, checkpoints.s3Uri, ['training', 'checkpoints', 's3Uri'], 'string');
  if (!s3Uri) return undefined;
  return { s3Uri, ...(checkpoints.localPath !== undefined ? { localPath: checkpoints.localPath } : {}) };
}

function lowerHyperparameters(node: WiredNode, context: LoweringContext): [string, Expr][] {
  const raw = node.step.doc.training?.hyperparameters;
  if (raw === undefined) return [];
  if (typeof raw === 'object') return context.entries(node, raw, ['training', 'hyperparameters']);
  const value = context.bind(node, raw, ['training', 'hyperparameters']);
  if (!value) return [];
  if (value.kind !== 'map' || !value.entries.every(([, v]) => isExpr(v))) {
    context.bag.report('PLC0101', node.step.source.locate(['training', 'hyperparameters']), { where: '"training.hyperparameters"', expected: 'a mapping of single values' });
    return [];
  }
  return value.entries.map(([k, v]) => [k, asString(v as Expr)]);
}

/** A training job has one S3OutputPath; a node may place it through either output port. */
function outputPath(node: WiredNode, context: LoweringContext): Expr {
  const placed = Object.entries(node.step.doc.outputs ?? {})
    .filter(([port, spec]) => node.outputLocations.has(port) && spec.path !== undefined && isTrainingOutputPath(spec.path))
    .map(([port]) => [port, node.outputLocations.get(port)!] as const);
  const distinct = new Set(placed.map(([, e]) => JSON.stringify(e)));
  if (distinct.size > 1) {
    context.bag.report('PLC5005', context.pipeline.source.locate(['nodes', node.id, 'outputs']), { what: 'outputs of a training node', value: placed.map(([p]) => p).join(', '), detail: 'a training job writes all outputs under one S3OutputPath; place at most one of them' });
  }
  return placed[0]?.[1] ?? context.defaultLocation(node);
}
