// Transform: a batch transform job over a data set with a SageMaker model (CreateTransformJob).
// Its inputs are the model's name and the data set; its one output the predictions' prefix.
import { compact, renderEntries, renderExpr } from '../../backends/sagemaker/expressions.js';
import { literal, type Expr } from '../../ir/expr.js';
import { encryptionOf, tagsOf } from '../../lower/job-settings.js';
import { inputUri } from '../../lower/s3-paths.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { checkPortRoles } from '../ports.js';
import { renderTags } from '../settings.js';
import type { TransformStepIR } from './ir.js';
import { lowerTransformSettings } from './settings.js';
import { transformTemplate } from './scaffold.js';

export type { TransformStepIR } from './ir.js';

const roles = { inputs: { 'model-name': [1, 1], dataset: [1, 1] }, outputs: { predictions: [1, 1] } } as const;

export const transformKind: StepKind<TransformStepIR> = {
  name: 'Transform',
  scaffold: transformTemplate,
  sections: ['transform', 'compute', 'inputs', 'outputs'],
  requires: ['compute'],
  jobSettings: ['encryption', 'tags'],
  portOptions: { inputs: {}, outputs: {} },
  instanceTypes: { jobs: 'Transform', allowed: apiLimits.instanceTypes.Transform },
  outputs: { placeable: true },
  properties: apiLimits.stepProperties.Transform,
  check: (step, bag) => checkPortRoles(step, roles, bag),
  outputLocation: (step) => property(step, 'TransformOutput.S3OutputPath'),
  lower(node, base, context) {
    const modelName = context.inputOfType(node, 'model-name');
    const input = context.inputOfType(node, 'dataset');
    const [port] = Object.keys(node.step.doc.outputs ?? {});
    const instanceType = context.instanceType(node);
    const instanceCount = node.step.doc.compute?.instanceCount === undefined ? literal(1) : context.typed(node, node.step.doc.compute.instanceCount, ['compute', 'instanceCount'], 'integer');
    const settings = lowerTransformSettings(node, context);
    if (!modelName || !input || port === undefined || !instanceType || !instanceCount || !settings) return undefined;
    const encryption = encryptionOf(node);
    return {
      kind: 'Transform', ...base,
      modelName: modelName.location,
      // A file: wire is the one object's key: an S3Prefix that is the whole key reads that file.
      input: inputUri(input),
      output: context.outputLocation(node, port),
      resources: { instanceType, instanceCount },
      ...settings,
      ...(encryption ? { encryption } : {}),
      tags: tagsOf(node),
    };
  },
  /** CreateTransformJob minus TransformJobName, in the order the SDK writes it (Session._get_transform_request). */
  arguments(step) {
    const optional = (expr: Expr | undefined) => (expr ? renderExpr(expr) : undefined);
    const processing = step.dataProcessing;
    return compact({
      ModelName: renderExpr(step.modelName),
      TransformInput: compact({
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: renderExpr(step.input) } },
        ContentType: optional(step.contentType),
        SplitType: optional(step.splitType),
      }),
      TransformOutput: compact({ S3OutputPath: renderExpr(step.output), Accept: optional(step.accept), AssembleWith: optional(step.assembleWith), KmsKeyId: optional(step.encryption?.outputKey) }),
      TransformResources: compact({ InstanceCount: renderExpr(step.resources.instanceCount), InstanceType: renderExpr(step.resources.instanceType), VolumeKmsKeyId: optional(step.encryption?.volumeKey) }),
      BatchStrategy: optional(step.batchStrategy),
      MaxConcurrentTransforms: optional(step.maxConcurrentTransforms),
      MaxPayloadInMB: optional(step.maxPayloadMB),
      Environment: step.environment.length > 0 ? renderEntries(step.environment) : undefined,
      Tags: renderTags(step.tags),
      DataProcessing: processing && compact({ InputFilter: optional(processing.inputFilter), OutputFilter: optional(processing.outputFilter), JoinSource: optional(processing.joinSource) }),
    });
  },
};
