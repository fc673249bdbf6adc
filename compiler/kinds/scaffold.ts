// What `plc new step --kind <option>` writes for a kind: each kind's template (StepKind.scaffold,
// in its folder's scaffold.ts) gives the step document's body, and the parts they share are here,
// with the script contracts that the step documents and bin/scaffold/script-templates.ts (the
// scripts and their tests) must agree on. Each template passes plc check as written and builds
// once a pipeline sets its required config and inputs.

export interface StepNames { name: string; kebab: string; snake: string }

/** A kind's template for `plc new step`. */
export interface StepTemplate {
  /** The --kind value that picks it (the kind's folder name). */
  readonly option: string;
  /** What a step of the kind is, for the description the document asks to fill in. */
  readonly what: string;
  /** The script (and its test) the step type runs, when it runs one. */
  readonly runs?: 'processing' | 'training';
  /** The document after its header (kind, name, sagemaker, role, description): ports, config, compute and the kind's section. */
  body(names: StepNames): string;
}

interface Port { port: string; path: string }

/** What a script reads and writes; the step templates declare the same ports and bindings. */
export interface ScriptContract { input: Port; output: Port }

export const processingContract = {
  input: { port: 'data', path: '/opt/ml/processing/input/data' },
  output: { port: 'processed_data', path: '/opt/ml/processing/output/data' },
  logLevel: 'LOG_LEVEL',
} as const satisfies ScriptContract & { logLevel: string };

export const trainingContract = {
  input: { port: 'training_data', path: '/opt/ml/input/data/training_data' },
  output: { port: 'model', path: '/opt/ml/model' },
  hyperparameters: { epochs: 10, learning_rate: 0.1 },
  // A tuning job reads its objective from the log: the script prints `<metricLine>: <value>`.
  metricLine: 'validation-loss',
} as const satisfies ScriptContract & { hyperparameters: Record<string, number>; metricLine: string };

export const scriptEntryPoint = (names: StepNames): string => `scripts/${names.snake}.py`;

/** Every container kind here runs the scikit-learn image; a standard-library script runs in it. */
export const image = '  image: { framework: sklearn, version: 1.2-1 }\n';

/** Config fields for a job's resources, and the compute block bound to them (without an image line for a kind that supplies its own). */
export function resources(job: string, fields: readonly ('instanceType' | 'instanceCount' | 'volumeSizeGB' | 'maxRuntimeSeconds')[], options: { image: boolean } = { image: true }) {
  const config = {
    instanceType: `{ type: string, default: ml.m5.xlarge, description: ${job} instance type. }`,
    instanceCount: `{ type: integer, default: 1, minimum: 1, description: Number of ${job.toLowerCase()} instances. }`,
    volumeSizeGB: '{ type: integer, default: 30, minimum: 1, description: Storage per instance in GB. }',
    maxRuntimeSeconds: `{ type: integer, default: 86400, minimum: 1, description: Stop each ${job.toLowerCase()} job after this many seconds. }`,
  };
  return {
    config: fields.map((f) => `    ${f}: ${config[f]}\n`).join(''),
    compute: `compute:\n${options.image ? image : ''}${fields.map((f) => `  ${f}: \${config.${f}}\n`).join('')}`,
  };
}
