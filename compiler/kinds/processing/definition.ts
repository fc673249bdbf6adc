// CreateProcessingJob minus its name, and the property files beside the Arguments.
import { compact, renderEntries, renderExpr, type JsonObject } from '../../backends/sagemaker/expressions.js';
import type { ProcessingStepIR } from './ir.js';

export function processingArguments(step: ProcessingStepIR): JsonObject {
  const { resources } = step;
  return compact({
    ProcessingResources: {
      ClusterConfig: {
        InstanceCount: renderExpr(resources.instanceCount),
        InstanceType: renderExpr(resources.instanceType),
        VolumeSizeInGB: renderExpr(resources.volumeSizeGB),
      },
    },
    AppSpecification: compact({
      ImageUri: renderExpr(step.image),
      ContainerEntrypoint: step.entrypoint?.map(renderExpr),
      ContainerArguments: step.arguments.length > 0 ? step.arguments.map(renderExpr) : undefined,
    }),
    RoleArn: renderExpr(step.role),
    ProcessingInputs: step.inputs.length > 0
      ? step.inputs.map((input) => ({
          InputName: input.name,
          AppManaged: false,
          S3Input: {
            S3Uri: renderExpr(input.source),
            LocalPath: input.localPath,
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
            S3DataDistributionType: 'FullyReplicated',
            S3CompressionType: 'None',
          },
        }))
      : undefined,
    ProcessingOutputConfig: step.outputs.length > 0
      ? {
          Outputs: step.outputs.map((output) => ({
            OutputName: output.name,
            AppManaged: false,
            S3Output: { S3Uri: renderExpr(output.destination), LocalPath: output.localPath, S3UploadMode: 'EndOfJob' },
          })),
        }
      : undefined,
    StoppingCondition: resources.maxRuntimeSeconds ? { MaxRuntimeInSeconds: renderExpr(resources.maxRuntimeSeconds) } : undefined,
    Environment: step.environment.length > 0 ? renderEntries(step.environment) : undefined,
  });
}

export const processingMembers = (step: ProcessingStepIR): JsonObject => compact({
  PropertyFiles: step.propertyFiles.length > 0 ? step.propertyFiles.map((f) => ({ PropertyFileName: f.name, OutputName: f.output, FilePath: f.path })) : undefined,
});
