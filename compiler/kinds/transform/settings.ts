// The transform: section of a Transform step type, lowered and checked against CreateTransformJob:
// the values its enums take (a ${config.*} binding is checked once it is known), the payload
// limits, the batch strategy that needs split records, and the JSONPath filters.
import type { Transform as TransformSettings } from '../../../schema/types.generated.js';
import { constantOf, type Expr } from '../../ir/expr.js';
import type { LoweringContext } from '../../lower/context.js';
import { suggest } from '../../diagnostics/did-you-mean.js';
import { mapLimits } from '../../sagemaker/map-limits.js';
import type { DataPath } from '../../source/source-file.js';
import type { WiredNode } from '../../stages.js';
import { jsonPathProblem } from './json-path.js';
import type { TransformStepIR } from './ir.js';

type Lowered = Pick<TransformStepIR, 'contentType' | 'splitType' | 'accept' | 'assembleWith' | 'batchStrategy' | 'maxPayloadMB' | 'maxConcurrentTransforms' | 'environment' | 'dataProcessing'>;

/** The values of CreateTransformJob's enum members (botocore: SplitType, AssemblyType, BatchStrategy, JoinSource). */
const enums = {
  splitType: ['None', 'Line', 'RecordIO', 'TFRecord'],
  assembleWith: ['None', 'Line'],
  batchStrategy: ['MultiRecord', 'SingleRecord'],
  joinSource: ['Input', 'None'],
} as const;

/** CreateTransformJob's documented payload limit (MaxPayloadInMB, alone and times MaxConcurrentTransforms). */
const payloadLimitMB = 100;

const environmentLimits = mapLimits('TransformEnvironmentMap');

/** Undefined when a setting cannot be lowered (the reason is reported). */
export function lowerTransformSettings(node: WiredNode, context: LoweringContext): Lowered | undefined {
  const settings: TransformSettings = node.step.doc.transform ?? {};
  let ok = true;
  const typed = (raw: unknown, path: DataPath, type: 'string' | 'integer'): Expr | undefined => {
    if (raw === undefined) return undefined;
    const expr = context.typed(node, raw, ['transform', ...path], type);
    if (!expr) ok = false;
    return expr;
  };
  const choice = (raw: unknown, path: DataPath, setting: keyof typeof enums): Expr | undefined => {
    const expr = typed(raw, path, 'string');
    const value = constantOf(expr);
    const allowed: readonly string[] = enums[setting];
    if (typeof value !== 'string' || allowed.includes(value)) return expr;
    context.bag.report('PLC5125', context.bindingLocation(node, raw, ['transform', ...path]), { setting: path.join('.'), node: node.id, value, allowed: [...allowed] }, suggest(value, allowed));
    ok = false;
    return undefined;
  };
  const filter = (raw: unknown, key: 'inputFilter' | 'outputFilter'): Expr | undefined => {
    const path = ['dataProcessing', key];
    const expr = typed(raw, path, 'string');
    const text = constantOf(expr);
    const problem = typeof text === 'string' ? jsonPathProblem(text) : undefined;
    if (!problem) return expr;
    context.bag.report('PLC5124', context.bindingLocation(node, raw, ['transform', ...path]), { filter: key, text: String(text), node: node.id, detail: problem });
    ok = false;
    return undefined;
  };

  const contentType = typed(settings.contentType, ['contentType'], 'string');
  const accept = typed(settings.accept, ['accept'], 'string');
  const assembleWith = choice(settings.assembleWith, ['assembleWith'], 'assembleWith');
  const splitType = choice(settings.splitType, ['splitType'], 'splitType');
  const batchStrategy = choice(settings.batchStrategy, ['batchStrategy'], 'batchStrategy');
  const maxPayloadMB = typed(settings.maxPayloadMB, ['maxPayloadMB'], 'integer');
  const maxConcurrentTransforms = typed(settings.maxConcurrentTransforms, ['maxConcurrentTransforms'], 'integer');
  const environment = context.entries(node, settings.environment ?? {}, ['transform', 'environment']);
  context.checkStringMap(node, environment, environmentLimits, 'environment variable', ['transform', 'environment']);
  const processing = settings.dataProcessing;
  const dataProcessing = processing && {
    ...optional('inputFilter', filter(processing.inputFilter, 'inputFilter')),
    ...optional('outputFilter', filter(processing.outputFilter, 'outputFilter')),
    ...optional('joinSource', choice(processing.joinSource, ['dataProcessing', 'joinSource'], 'joinSource')),
  };

  // What the build knows of the limits: literal values (a parameter is SageMaker's to refuse).
  const payload = constantOf(maxPayloadMB);
  const concurrent = constantOf(maxConcurrentTransforms);
  const payloadAt = () => context.bindingLocation(node, settings.maxPayloadMB, ['transform', 'maxPayloadMB']);
  if (typeof payload === 'number' && payload > payloadLimitMB) {
    context.bag.report('PLC5122', payloadAt(), { node: node.id, detail: `maxPayloadMB is ${payload}, above the ${payloadLimitMB} MB limit` });
    ok = false;
  } else if (typeof payload === 'number' && typeof concurrent === 'number' && concurrent * payload > payloadLimitMB) {
    context.bag.report('PLC5122', payloadAt(), { node: node.id, detail: `maxConcurrentTransforms ${concurrent} × maxPayloadMB ${payload} is ${concurrent * payload} MB, above the ${payloadLimitMB} MB limit` });
    ok = false;
  }
  const split = constantOf(splitType);
  const strategy = constantOf(batchStrategy);
  if (typeof strategy === 'string' && (settings.splitType === undefined || split === 'None')) {
    context.bag.report('PLC5123', context.bindingLocation(node, settings.batchStrategy, ['transform', 'batchStrategy']), { node: node.id, strategy, split: String(split ?? 'unset') });
    ok = false;
  }
  if (!ok) return undefined;
  return {
    ...optional('contentType', contentType),
    ...optional('splitType', splitType),
    ...optional('accept', accept),
    ...optional('assembleWith', assembleWith),
    ...optional('batchStrategy', batchStrategy),
    ...optional('maxPayloadMB', maxPayloadMB),
    ...optional('maxConcurrentTransforms', maxConcurrentTransforms),
    environment,
    ...(dataProcessing && Object.keys(dataProcessing).length > 0 ? { dataProcessing } : {}),
  };
}

const optional = <K extends string>(key: K, value: Expr | undefined): Partial<Record<K, Expr>> => (value === undefined ? {} : ({ [key]: value } as Record<K, Expr>));
