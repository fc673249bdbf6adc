// The step type `plc new step --kind emr` writes (compiler/kinds/scaffold.ts).
import type { StepTemplate } from '../scaffold.js';

// EMR steps have no ports: order them with after:.
const body = (): string => `config:
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

export const emrTemplate: StepTemplate = { option: 'emr', what: 'step on an Amazon EMR cluster', body };
