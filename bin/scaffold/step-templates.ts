// The step documents `plc new step` writes, one template per SageMaker kind: ports with the roles
// the kind gives them (compiler/check/step-contract.ts), a small config whose fields have defaults
// and descriptions, compute where the kind runs a container, and the kind's own section. Each
// passes plc check as written and builds once a pipeline sets its required config and inputs.
// Pure: it returns paths (relative to the step folder) and contents; the command writes them.
import type { StepDocument } from '../../schema/types.generated.js';
import type { ProjectFile } from './project-files.js';
import { processingContract, scriptEntryPoint, scriptFiles, trainingContract, type StepNames } from './script-templates.js';

/** Each --kind and the SageMaker kind (the step document's `sagemaker:`) it creates. */
export const stepKinds = {
  processing: 'Processing',
  training: 'Training',
  transform: 'Transform',
  model: 'Model',
  'register-model': 'RegisterModel',
  tuning: 'Tuning',
  lambda: 'Lambda',
  callback: 'Callback',
  emr: 'EMR',
  'quality-check': 'QualityCheck',
  'clarify-check': 'ClarifyCheck',
} as const satisfies Record<string, StepDocument['sagemaker']>;

export type StepKindOption = keyof typeof stepKinds;

/** Every container kind here runs the scikit-learn image; a standard-library script runs in it. */
const image = '  image: { framework: sklearn, version: 1.2-1 }\n';

/** Config fields for a job's resources, and the compute block bound to them. */
function resources(job: string, fields: readonly ('instanceType' | 'instanceCount' | 'volumeSizeGB' | 'maxRuntimeSeconds')[]) {
  const config = {
    instanceType: `{ type: string, default: ml.m5.xlarge, description: ${job} instance type. }`,
    instanceCount: `{ type: integer, default: 1, minimum: 1, description: Number of ${job.toLowerCase()} instances. }`,
    volumeSizeGB: '{ type: integer, default: 30, minimum: 1, description: Storage per instance in GB. }',
    maxRuntimeSeconds: `{ type: integer, default: 86400, minimum: 1, description: Stop each ${job.toLowerCase()} job after this many seconds. }`,
  };
  return {
    config: fields.map((f) => `    ${f}: ${config[f]}\n`).join(''),
    compute: `compute:\n${image}${fields.map((f) => `  ${f}: \${config.${f}}\n`).join('')}`,
  };
}

const processingResources = resources('Processing', ['instanceType', 'instanceCount', 'volumeSizeGB']);
const trainingResources = resources('Training', ['instanceType', 'instanceCount', 'volumeSizeGB', 'maxRuntimeSeconds']);

function processing(names: StepNames): string {
  const { input, output, logLevel } = processingContract;
  return `inputs:
  ${input.port}:
    type: dataset
    path: ${input.path}
    description: The files to process.
outputs:
  ${output.port}:
    type: dataset
    path: ${output.path}
    description: The processed files.
config:
  properties:
    logLevel: { type: string, default: INFO, enum: [DEBUG, INFO, WARNING, ERROR], description: Log level of the script. }
${processingResources.config}script:
  entryPoint: ${scriptEntryPoint(names)}
  env:
    ${logLevel}: \${config.logLevel}
${processingResources.compute}`;
}

/** Ports, config and script of a training job, which a Tuning step runs many of. */
function trainingJob(names: StepNames, config: string): string {
  const { input, output } = trainingContract;
  return `inputs:
  ${input.port}:
    type: dataset
    path: ${input.path}
    description: The training data (the ${input.port} channel).
outputs:
  ${output.port}:
    type: model
    path: ${output.path}
    description: The trained model (model.tar.gz).
config:
  properties:
    epochs: { type: integer, default: ${trainingContract.hyperparameters.epochs}, minimum: 1, description: Passes over the training data. }
${config}${trainingResources.config}script:
  entryPoint: ${scriptEntryPoint(names)}
${trainingResources.compute}`;
}

function training(names: StepNames): string {
  return `${trainingJob(names, `    learningRate: { type: number, default: ${trainingContract.hyperparameters.learning_rate}, exclusiveMinimum: 0, description: Step size of each update. }\n`)}training:
  inputMode: File
  hyperparameters:
    epochs: \${config.epochs}
    learning_rate: \${config.learningRate}
`;
}

function tuning(names: StepNames): string {
  const metric = trainingContract.metricLine;
  return `${trainingJob(names, `    learningRateMin: { type: number, default: 0.001, exclusiveMinimum: 0, description: Smallest learning rate tried. }
    learningRateMax: { type: number, default: 0.5, exclusiveMinimum: 0, description: Largest learning rate tried. }
    maxJobs: { type: integer, default: 10, minimum: 1, description: Training jobs the tuning job runs in all. }
    maxParallelJobs: { type: integer, default: 2, minimum: 1, description: Training jobs running at once. }
`)}training:
  inputMode: File
  hyperparameters:                                   # fixed for every training job
    epochs: \${config.epochs}
tuning:
  strategy: Bayesian
  objective: { type: Minimize, metric: "validation:loss" }
  metrics:
    # The script prints "${metric}: <value>"; SageMaker keeps the last match in the log.
    "validation:loss": '${metric}: ([0-9.eE+-]+)'
  maxJobs: \${config.maxJobs}
  maxParallelJobs: \${config.maxParallelJobs}
  ranges:                                            # tuned, so not among the fixed ones
    learning_rate: { type: Continuous, min: "\${config.learningRateMin}", max: "\${config.learningRateMax}", scaling: Logarithmic }
`;
}

const model = (): string => `inputs:
  model:
    type: model
    description: The model.tar.gz to serve, from a training or tuning step.
outputs:
  model_name:
    type: model-name
    description: The SageMaker model's name, for a Transform step.
compute:
  # The inference image: a framework image resolved per region, or an explicit image URI.
${image}`;

const transform = (): string => {
  const { config, compute } = resources('Transform', ['instanceType', 'instanceCount']);
  return `inputs:
  model_name:
    type: model-name
    description: The model to score with, from a Model step (or a model's name).
  data:
    type: dataset
    description: The records to score (an S3 prefix).
outputs:
  predictions:
    type: predictions
    description: One <input file>.out per input file.
config:
  properties:
    contentType: { type: string, default: text/csv, description: MIME type of the input records. }
    accept: { type: string, default: text/csv, description: MIME type of the predictions. }
${config}${compute}transform:
  contentType: \${config.contentType}
  splitType: Line
  accept: \${config.accept}
  assembleWith: Line
`;
};

const registerModel = (): string => `inputs:
  model:
    type: model
    description: The model.tar.gz to register, from a training or tuning step.
  metrics:
    type: metrics
    required: false
    description: Evaluation metrics shown with the model version (a JSON file).
outputs:
  model_package:
    type: model-package
    description: The model package's ARN.
config:
  required: [modelPackageGroup]
  properties:
    modelPackageGroup: { type: string, minLength: 1, description: Model package group (name or ARN) the version is registered in. }
    approvalStatus: { type: string, default: PendingManualApproval, enum: [Approved, Rejected, PendingManualApproval], description: Approval status of the new version. }
compute:
  # The inference image the model package names.
${image}registration:
  modelPackageGroup: \${config.modelPackageGroup}
  approvalStatus: \${config.approvalStatus}
  contentTypes: [text/csv]
  responseTypes: [text/csv]
  inferenceInstanceTypes: [ml.m5.large]
  transformInstanceTypes: [ml.m5.xlarge]
`;

/** Lambda and Callback steps alike: wired inputs become arguments, outputs output parameters. */
function invocation(section: 'lambda' | 'callback', target: { key: string; field: string; description: string }, answers: string): string {
  return `inputs:
  data:
    type: any
    required: false
    description: A wired value (another step's output, a parameter, an S3 location), passed under "data".
outputs:
  result:
    type: any
    outputType: String
    description: The "result" output parameter ${answers} returns.
config:
  required: [${target.field}]
  properties:
    ${target.field}: { type: string, description: ${target.description} }
    dryRun: { type: boolean, default: false, description: Passed in the ${section === 'lambda' ? 'event' : 'message'} as dry_run. }
${section}:
  ${target.key}: \${config.${target.field}}
  arguments:
    dry_run: \${config.dryRun}
`;
}

const lambda = (): string => invocation('lambda', { key: 'functionArn', field: 'functionArn', description: 'ARN (or name) of the Lambda function to invoke.' }, 'the function');

const callback = (): string => invocation('callback', { key: 'sqsQueueUrl', field: 'queueUrl', description: 'URL of the SQS queue the message goes to.' }, 'your code (SendPipelineExecutionStepSuccess)');

// EMR steps have no ports: order them with after:.
const emr = (): string => `config:
  required: [clusterId, scriptUri]
  properties:
    clusterId: { type: string, minLength: 1, description: ID of the running EMR cluster (j-…) the step is added to. }
    scriptUri: { type: string, pattern: "^s3://", description: S3 URI of the Spark script to run. }
    deployMode: { type: string, default: cluster, enum: [cluster, client], description: Where the Spark driver runs. }
emr:
  clusterId: \${config.clusterId}
  jar: command-runner.jar
  args: [spark-submit, --deploy-mode, "\${config.deployMode}", "\${config.scriptUri}"]
`;

/** What both check kinds take: the baseline flags as config, and compute without an image (they run the region's). */
function checkParts(): { config: string; compute: string; flags: string } {
  const { config, compute } = resources('Check job', ['instanceType', 'instanceCount', 'volumeSizeGB']);
  return {
    config: `    skipCheck: { type: boolean, default: false, description: Run the job but compare nothing (for the first run). }
    registerNewBaseline: { type: boolean, default: false, description: Make this run's baseline the one used for drift checks. }
    modelPackageGroup: { type: string, minLength: 1, description: Model package group whose latest approved version supplies the baseline. }
${config}`,
    compute: compute.replace(image, ''),
    flags: '  skipCheck: ${config.skipCheck}\n  registerNewBaseline: ${config.registerNewBaseline}\n  modelPackageGroup: ${config.modelPackageGroup}\n',
  };
}

/** Output ports named after the check step's properties (the baselines consumers read). */
const baselines = (what: 'statistics and constraints' | 'constraints'): string => (what === 'constraints' ? ['constraints'] : ['statistics', 'constraints'])
  .flatMap((file) => [
    `  calculated_baseline_${file}:\n    type: ${file}\n    description: The ${file} this run calculated, for a RegisterModel's metrics.\n`,
    `  baseline_used_for_drift_check_${file}:\n    type: ${file}\n    description: The ${file} the check compared against, for a RegisterModel's drift-check baselines.\n`,
  ]).join('');

// A data quality check (the region's Model Monitor analyzer); type ModelQuality checks predictions.
const qualityCheck = (): string => {
  const { config, compute, flags } = checkParts();
  return `inputs:
  data:
    type: dataset
    description: The CSV data set (with a header row) the baseline is computed from.
outputs:
${baselines('statistics and constraints')}config:
  properties:
${config}${compute}check:
  type: DataQuality
${flags}  datasetFormat: { csv: { header: true } }
`;
};

// A data bias check (SageMaker Clarify); ModelBias and ModelExplainability also take a model-name input.
const clarifyCheck = (): string => {
  const { config, compute, flags } = checkParts();
  return `inputs:
  data:
    type: dataset
    description: The CSV data set (with a header row) holding the label and the facet.
outputs:
${baselines('constraints')}config:
  required: [labelField, facet]
  properties:
    labelField: { type: string, minLength: 1, description: Name of the label column. }
    facet: { type: string, minLength: 1, description: Name of the sensitive column bias is measured for. }
${config}${compute}check:
  type: DataBias
${flags}  # The Clarify analysis configuration (analysis_config.json), as Clarify's documentation spells it.
  analysis:
    dataset_type: text/csv
    label: \${config.labelField}
    label_values_or_threshold: [1]
    facet:
      - name_or_index: \${config.facet}
    methods: { pre_training_bias: { methods: all } }
`;
};

const bodies: Record<StepKindOption, { body: (names: StepNames) => string; runs?: 'processing' | 'training'; what: string }> = {
  processing: { body: processing, runs: 'processing', what: 'processing job' },
  training: { body: training, runs: 'training', what: 'training job' },
  transform: { body: transform, what: 'batch transform job' },
  model: { body: model, what: 'SageMaker model' },
  'register-model': { body: registerModel, what: 'model package (a registered model version)' },
  tuning: { body: tuning, runs: 'training', what: 'hyperparameter tuning job' },
  lambda: { body: lambda, what: 'Lambda function invocation' },
  callback: { body: callback, what: 'message to an SQS queue, answered by your code' },
  emr: { body: emr, what: 'step on an Amazon EMR cluster' },
  'quality-check': { body: qualityCheck, what: 'Model Monitor data quality check' },
  'clarify-check': { body: clarifyCheck, what: 'SageMaker Clarify data bias check' },
};

/**
 * The step document and, for the kinds that run a script, the script and its test.
 * `schema` is the step schema's path relative to the step folder, for the editor's modeline.
 */
export function stepFiles(names: StepNames, kind: StepKindOption, schema: string): ProjectFile[] {
  const { body, runs, what } = bodies[kind];
  const document = `# yaml-language-server: $schema=${schema}
kind: Step
name: ${names.name}
sagemaker: ${stepKinds[kind]}
role: internal
description: "TODO: say what ${names.name} does (a ${what})."
${body(names)}`;
  return [{ path: `${names.kebab}.step.yaml`, contents: document }, ...(runs ? scriptFiles(names, runs) : [])];
}
