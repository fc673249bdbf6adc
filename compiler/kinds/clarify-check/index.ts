// ClarifyCheck: a SageMaker Clarify processing job that measures bias in a data set before training
// (DataBias), in a model's predictions (ModelBias), or explains them with SHAP (ModelExplainability),
// and checks the result against a supplied or registered baseline. Clarify reads its analysis
// configuration from a file: plc writes the step type's check.analysis (with the report the SDK
// adds) as analysis_config.json, content-addressed under codePrefix as code is, and the job reads it
// as its `analysis_config` input; the SDK's ClarifyCheckStep uploads the same file when it builds
// the definition (sagemaker-python-sdk src/sagemaker/workflow/clarify_check_step.py).
import { createHash } from 'node:crypto';
import type { Json } from '../../backends/sagemaker/expressions.js';
import { isExpr, literal, type Value } from '../../ir/expr.js';
import { s3Path } from '../../lower/s3-paths.js';
import type { DataPath } from '../../source/source-file.js';
import { checkKind, type CheckTypeFacts } from '../check-step.js';
import { clarifyImage } from './image.js';
import { clarifyCheckTemplate } from './scaffold.js';

const clarifySettings = ['analysis'] as const;
const outputs = { constraints: [0, 2], artifacts: [0, 1] } as const;

const types: Record<string, CheckTypeFacts> = {
  DataBias: { checkType: 'DATA_BIAS', data: 'dataset', analysisMethod: 'pre_training_bias', settings: clarifySettings, required: ['analysis'], roles: { inputs: { dataset: [1, 1] }, outputs } },
  ModelBias: { checkType: 'MODEL_BIAS', data: 'dataset', analysisMethod: 'post_training_bias', servesModel: true, settings: clarifySettings, required: ['analysis'], roles: { inputs: { dataset: [1, 1], 'model-name': [1, 1] }, outputs } },
  ModelExplainability: { checkType: 'MODEL_EXPLAINABILITY', data: 'dataset', analysisMethod: 'shap', servesModel: true, settings: clarifySettings, required: ['analysis'], roles: { inputs: { dataset: [1, 1], 'model-name': [1, 1] }, outputs } },
};

/** The value as JSON when every part of it is known at build time; the first part that is not, otherwise. */
function constantJson(value: Value, path: DataPath): { json: Json } | { at: DataPath } {
  if (isExpr(value)) return value.kind === 'literal' ? { json: value.value } : { at: path };
  const entries: [string | number, Value][] = value.kind === 'list' ? value.items.map((item, i) => [i, item]) : value.entries;
  const out: [string | number, Json][] = [];
  for (const [key, item] of entries) {
    const part = constantJson(item, [...path, key]);
    if ('at' in part) return part;
    out.push([key, part.json]);
  }
  return { json: value.kind === 'list' ? out.map(([, json]) => json) : Object.fromEntries(out) };
}

export const clarifyCheckKind = checkKind({
  name: 'ClarifyCheck',
  types,
  properties: ['CalculatedBaselineConstraints', 'BaselineUsedForDriftCheckConstraints'],
  image: clarifyImage,
  scaffold: clarifyCheckTemplate,
  resultOutput: 'analysis_result',
  lowerJob(node, check, facts, data, context) {
    const model = facts.roles.inputs['model-name'] ? context.inputOfType(node, 'model-name') : undefined;
    const bound = check.analysis && context.bind(node, check.analysis, ['check', 'analysis']);
    if (!bound || (facts.roles.inputs['model-name'] && !model)) return undefined;
    const analysis = constantJson(bound, ['check', 'analysis']);
    if ('at' in analysis) {
      context.bag.report('PLC5095', node.step.source.locate(analysis.at), { step: node.step.doc.name, setting: analysis.at.join('.'), detail: 'a value known at build time (a literal or a ${config.*} value, no pipeline parameter), since the analysis configuration is a file plc writes' });
      return undefined;
    }
    const prefix = context.pipeline.doc.codePrefix;
    if (prefix === undefined) {
      context.bag.report('PLC5096', context.pipeline.source.locate(['nodes', node.id, 'step']), { step: node.step.doc.name, file: 'analysis_config.json' });
      return undefined;
    }
    const config = analysis.json as { methods: { [key: string]: Json } };
    // The SDK always asks Clarify for its report (ClarifyCheckStep._generate_processing_job_parameters).
    const bytes = Buffer.from(JSON.stringify({ ...config, methods: { ...config.methods, report: config.methods['report'] ?? { name: 'report', title: 'Analysis Report' } } }));
    const hash = createHash('sha256').update(bytes).digest('hex');
    context.addCode(`config/${hash}/analysis_config.json`, () => bytes, [node.step.source.absolutePath]);
    return {
      inputs: [
        { name: 'analysis_config', localPath: '/opt/ml/processing/input/config', source: s3Path(literal(prefix), 'config', hash, 'analysis_config.json') },
        { name: 'dataset', localPath: '/opt/ml/processing/input/data', source: data },
      ],
      environment: [],
      ...(model ? { modelName: model.location } : {}),
    };
  },
});
