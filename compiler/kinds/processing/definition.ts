// CreateProcessingJob minus its name, and the property files beside the Arguments.
import { compact, renderEntries, renderExpr, type Json, type JsonObject } from '../../backends/sagemaker/expressions.js';
import type { Expr } from '../../ir/expr.js';
import { optionalMember, renderProcessingNetwork, renderTags } from '../settings.js';
import type { ProcessingJobIR, ProcessingStepIR } from './ir.js';

/** A data option as written for the port, or the API's default (which the SDK writes too). */
const option = (value: Expr | undefined, fallback: string): Json => (value ? renderExpr(value) : fallback);

export function processingArguments(step: ProcessingJobIR): JsonObject {
  const { resources } = step;
  return compact({
    ProcessingResources: {
      ClusterConfig: {
        InstanceCount: renderExpr(resources.instanceCount),
        InstanceType: renderExpr(resources.instanceType),
        VolumeSizeInGB: renderExpr(resources.volumeSizeGB),
        ...optionalMember('VolumeKmsKeyId', step.encryption?.volumeKey),
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
            S3DataType: option(input.options?.dataType, 'S3Prefix'),
            S3InputMode: option(input.options?.inputMode, 'File'),
            S3DataDistributionType: option(input.options?.distribution, 'FullyReplicated'),
            S3CompressionType: option(input.options?.compression, 'None'),
          },
        }))
      : undefined,
    ProcessingOutputConfig: step.outputs.length > 0
      ? {
          Outputs: step.outputs.map((output) => ({
            OutputName: output.name,
            AppManaged: false,
            S3Output: { S3Uri: renderExpr(output.destination), LocalPath: output.localPath, S3UploadMode: option(output.options?.uploadMode, 'EndOfJob') },
          })),
          ...optionalMember('KmsKeyId', step.encryption?.outputKey),
        }
      : undefined,
    StoppingCondition: resources.maxRuntimeSeconds ? { MaxRuntimeInSeconds: renderExpr(resources.maxRuntimeSeconds) } : undefined,
    Environment: step.environment.length > 0 ? renderEntries(step.environment) : undefined,
    NetworkConfig: renderProcessingNetwork(step.network),
    Tags: renderTags(step.tags),
  });
}

export const processingMembers = (step: ProcessingStepIR): JsonObject => compact({
  PropertyFiles: step.propertyFiles.length > 0 ? step.propertyFiles.map((f) => ({ PropertyFileName: f.name, OutputName: f.output, FilePath: f.path })) : undefined,
});
