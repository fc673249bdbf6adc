// QualityCheck: a Model Monitor baselining job (the model-monitor analyzer image) that computes
// statistics and constraints of a data set (DataQuality) or of a model's predictions against
// ground truth (ModelQuality), and checks them against a supplied or registered baseline. Its
// Arguments and environment are those of the SDK's QualityCheckStep (sagemaker-python-sdk
// src/sagemaker/workflow/quality_check_step.py, src/sagemaker/model_monitor/model_monitoring.py).
import type { Check } from '../../../schema/types.generated.js';
import { asString, constantOf, literal, type Expr } from '../../ir/expr.js';
import type { LoweringContext } from '../../lower/context.js';
import type { WiredNode } from '../../stages.js';
import { checkKind, type CheckTypeFacts } from '../check-step.js';
import type { ProcessingJobIR } from '../processing/ir.js';
import { modelMonitorImage } from './image.js';
import { qualityCheckTemplate } from './scaffold.js';

const inputRoot = '/opt/ml/processing/input';
const outputs = { statistics: [0, 2], constraints: [0, 2], artifacts: [0, 1] } as const;
const qualitySettings = ['suppliedBaselineStatistics', 'datasetFormat', 'publishCloudwatchMetrics', 'postAnalyticsProcessorScript'] as const;

const types: Record<string, CheckTypeFacts> = {
  DataQuality: { checkType: 'DATA_QUALITY', data: 'dataset', settings: [...qualitySettings, 'recordPreprocessorScript'], required: ['datasetFormat'], roles: { inputs: { dataset: [1, 1] }, outputs } },
  ModelQuality: {
    checkType: 'MODEL_QUALITY',
    // Predictions with their ground truth, as a batch transform or an inference step writes them.
    data: 'predictions',
    settings: [...qualitySettings, 'problemType', 'inferenceAttribute', 'probabilityAttribute', 'groundTruthAttribute', 'probabilityThresholdAttribute'],
    required: ['datasetFormat', 'problemType'],
    roles: { inputs: { predictions: [1, 1] }, outputs },
  },
};

/** dataset_format as the SDK writes it: Python's json.dumps of DatasetFormat.csv/json/parquet, with their defaults. */
function datasetFormat(format: NonNullable<Check['datasetFormat']>): string {
  if ('csv' in format) return `{"csv": {"header": ${format.csv.header ?? true}, "output_columns_position": "${format.csv.outputColumnsPosition ?? 'START'}"}}`;
  if ('json' in format) return `{"json": {"lines": ${format.json.lines ?? true}}}`;
  return '{"parquet": {}}';
}

/** A script the analyzer runs, given by S3 URI: an input of its own, and its container path in the environment. */
function scriptInput(node: WiredNode, check: Check, setting: 'recordPreprocessorScript' | 'postAnalyticsProcessorScript', name: string, context: LoweringContext): { input: ProcessingJobIR['inputs'][number]; path: string } | undefined {
  const source = context.typed(node, check[setting], ['check', setting], 'string');
  const uri = constantOf(source);
  if (!source) return undefined;
  // The environment names the file, which only a URI known at build time tells (the SDK takes its basename too).
  if (typeof uri !== 'string' || !/^s3:\/\/[^/]+\/.*[^/]$/.test(uri)) {
    context.bag.report('PLC5095', node.step.source.locate(['check', setting]), { step: node.step.doc.name, setting: `check.${setting}`, detail: 'an S3 URI of the script file written out, since the job\'s environment names the file' });
    return undefined;
  }
  const localPath = `${inputRoot}/${name}`;
  return { input: { name, localPath, source }, path: `${localPath}/${uri.slice(uri.lastIndexOf('/') + 1)}` };
}

export const qualityCheckKind = checkKind({
  name: 'QualityCheck',
  types,
  properties: ['CalculatedBaselineStatistics', 'CalculatedBaselineConstraints', 'BaselineUsedForDriftCheckStatistics', 'BaselineUsedForDriftCheckConstraints'],
  image: modelMonitorImage,
  scaffold: qualityCheckTemplate,
  resultOutput: 'quality_check_output',
  lowerJob(node, check, facts, data, context) {
    if (!check.datasetFormat) return undefined; // required: reported with the step type
    const datasetPath = `${inputRoot}/baseline_dataset_input`;
    const inputs: ProcessingJobIR['inputs'] = [{ name: 'baseline_dataset_input', localPath: datasetPath, source: data }];
    const environment: [string, Expr][] = [
      ['output_path', literal('/opt/ml/processing/output')],
      ['publish_cloudwatch_metrics', literal(check.publishCloudwatchMetrics ? 'Enabled' : 'Disabled')],
      ['dataset_format', literal(datasetFormat(check.datasetFormat))],
    ];
    let complete = true;
    for (const [setting, name, variable] of [
      ['postAnalyticsProcessorScript', 'post_analytics_processor_script_input', 'post_analytics_processor_script'],
      ['recordPreprocessorScript', 'record_preprocessor_script_input', 'record_preprocessor_script'],
    ] as const) {
      if (check[setting] === undefined || !facts.settings.includes(setting) || context.leftOut(node, check[setting])) continue;
      const script = scriptInput(node, check, setting, name, context);
      if (!script) complete = false;
      else {
        inputs.push(script.input);
        environment.push([variable, literal(script.path)]);
      }
    }
    environment.push(['dataset_source', literal(datasetPath)]);
    if (facts.checkType === 'MODEL_QUALITY') {
      environment.push(['analysis_type', literal('MODEL_QUALITY')], ['problem_type', literal(check.problemType!)]);
      for (const [setting, variable] of [
        ['inferenceAttribute', 'inference_attribute'],
        ['probabilityAttribute', 'probability_attribute'],
        ['groundTruthAttribute', 'ground_truth_attribute'],
        ['probabilityThresholdAttribute', 'probability_threshold_attribute'],
      ] as const) {
        if (check[setting] === undefined || context.leftOut(node, check[setting])) continue;
        const value = context.scalar(node, check[setting], ['check', setting]);
        if (value) environment.push([variable, asString(value)]);
        else complete = false;
      }
    }
    return complete ? { inputs, environment } : undefined;
  },
});
