// Pipelines of any size for `npm run bench`: the flagship example's ten processing, training and
// registration nodes (examples/xgboost-e2e.pipeline.yaml, without its condition) repeated in
// independent blocks, so every pass sees the flagship's mix of steps, wiring and after: edges.
const header = `kind: Pipeline
name: generated
region: us-east-1
codePrefix: s3://my-ml-bucket/plc
parameters:
  TrainingDataUri: { type: String, default: s3://my-ml-bucket/fraud/train }
  CalibrationDataUri: { type: String, default: s3://my-ml-bucket/fraud/calibration }
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://my-ml-bucket/pipelines/\${pipeline.name}/\${execution.PipelineExecutionId}
  labelField: is_fraud
nodes:
`;

const block = (i: number): string => `  load-training-${i}:
    step: DataLoading
    jobType: training
    inputs: { data_source: "\${params.TrainingDataUri}" }
  prep-training-${i}:
    step: TabularPreprocessing
    jobType: training
    after: [load-training-${i}]
    config: { trainRatio: 0.8 }
  load-calibration-${i}:
    step: DataLoading
    jobType: calibration
    inputs: { data_source: "\${params.CalibrationDataUri}" }
  prep-calibration-${i}:
    step: TabularPreprocessing
    jobType: calibration
    after: [load-calibration-${i}]
  train-${i}:
    step: XGBoostTraining
    after: [prep-training-${i}]
    config: { numRound: 300, maxDepth: 6, eta: 0.1 }
  evaluate-${i}:
    step: XGBoostModelEval
    jobType: calibration
    after: [train-${i}, prep-calibration-${i}]
  calibrate-${i}:
    step: ModelCalibration
    jobType: calibration
    after: [evaluate-${i}]
  package-${i}:
    step: Package
    after: [train-${i}, calibrate-${i}]
  payload-${i}:
    step: Payload
    after: [train-${i}]
  register-${i}:
    step: ModelRegistration
    after: [package-${i}, evaluate-${i}, payload-${i}]
    config: { modelPackageGroup: fraud-xgboost-${i} }
`;

export const nodesPerBlock = 10;

/** A pipeline of `nodes` nodes (a multiple of ten). */
export function generatePipeline(nodes: number): string {
  if (nodes % nodesPerBlock !== 0) throw new Error(`generatePipeline: ${nodes} is not a multiple of ${nodesPerBlock}`);
  return header + Array.from({ length: nodes / nodesPerBlock }, (_, i) => block(i)).join('');
}
