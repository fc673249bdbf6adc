// Transform: a batch transform job over a data set with a SageMaker model (CreateTransformJob).
// Its inputs are the model's name and the data set; its one output the predictions' prefix.
import { compact, renderExpr } from '../../backends/sagemaker/expressions.js';
import { literal, type Expr } from '../../ir/expr.js';
import type { EncryptionIR, Resources, StepBaseIR } from '../../ir/pipeline.js';
import { encryptionOf, tagsOf } from '../../lower/job-settings.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { checkPortRoles } from '../ports.js';
import { renderTags } from '../settings.js';
import { transformTemplate } from './scaffold.js';

/** A batch transform job over a data set with a SageMaker model. */
export interface TransformStepIR extends StepBaseIR {
  kind: 'Transform';
  modelName: Expr;
  input: Expr;
  output: Expr;
  resources: Pick<Resources, 'instanceType' | 'instanceCount'>;
  contentType?: Expr;
  splitType?: string;
  accept?: Expr;
  assembleWith?: string;
  batchStrategy?: string;
  maxPayloadMB?: Expr;
  encryption?: EncryptionIR;
  tags: [string, Expr][];
}

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
    const settings = node.step.doc.transform ?? {};
    const modelName = context.inputOfType(node, 'model-name');
    const input = context.inputOfType(node, 'dataset');
    const [port] = Object.keys(node.step.doc.outputs ?? {});
    const instanceType = context.instanceType(node);
    const instanceCount = node.step.doc.compute?.instanceCount === undefined ? literal(1) : context.typed(node, node.step.doc.compute.instanceCount, ['compute', 'instanceCount'], 'integer');
    const optional = (key: 'contentType' | 'accept' | 'maxPayloadMB', type: 'string' | 'integer') =>
      settings[key] === undefined ? {} : { [key]: context.typed(node, settings[key], ['transform', key], type) };
    if (!modelName || !input || port === undefined || !instanceType || !instanceCount) return undefined;
    const encryption = encryptionOf(node);
    return {
      kind: 'Transform', ...base,
      modelName: modelName.location,
      input: input.location,
      output: context.outputLocation(node, port),
      resources: { instanceType, instanceCount },
      ...optional('contentType', 'string'),
      ...optional('accept', 'string'),
      ...optional('maxPayloadMB', 'integer'),
      ...(settings.splitType ? { splitType: settings.splitType } : {}),
      ...(settings.assembleWith ? { assembleWith: settings.assembleWith } : {}),
      ...(settings.batchStrategy ? { batchStrategy: settings.batchStrategy } : {}),
      ...(encryption ? { encryption } : {}),
      tags: tagsOf(node),
    } as TransformStepIR;
  },
  /** CreateTransformJob minus TransformJobName. */
  arguments(step) {
    const optional = (expr: Expr | undefined) => (expr ? renderExpr(expr) : undefined);
    return compact({
      ModelName: renderExpr(step.modelName),
      TransformInput: compact({
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: renderExpr(step.input) } },
        ContentType: optional(step.contentType),
        SplitType: step.splitType,
      }),
      TransformOutput: compact({ S3OutputPath: renderExpr(step.output), Accept: optional(step.accept), AssembleWith: step.assembleWith, KmsKeyId: optional(step.encryption?.outputKey) }),
      TransformResources: compact({ InstanceCount: renderExpr(step.resources.instanceCount), InstanceType: renderExpr(step.resources.instanceType), VolumeKmsKeyId: optional(step.encryption?.volumeKey) }),
      BatchStrategy: step.batchStrategy,
      MaxPayloadInMB: optional(step.maxPayloadMB),
      Tags: renderTags(step.tags),
    });
  },
};
