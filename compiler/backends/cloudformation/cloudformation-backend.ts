// An AWS::SageMaker::Pipeline CloudFormation template carrying the same definition text the
// sagemaker backend emits, so a stack and `plc build` never disagree about the pipeline. The IR
// has no pipeline-level role (SageMaker assumes it to start jobs), so the template takes it as
// the RoleArn parameter. Keys are written in a fixed order: same IR, same bytes.
import { constantOf } from '../../ir/expr.js';
import type { PipelineIR, StepIR } from '../../ir/pipeline.js';
import type { Backend } from '../backend.js';
import { definitionText } from '../sagemaker/sagemaker-backend.js';

/** RoleArn's pattern in the resource schema, so a wrong value fails before the stack deploys. */
const roleArnPattern = '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$';

/** Every step in the pipeline, branch steps included. */
const allSteps = (steps: readonly StepIR[]): StepIR[] =>
  steps.flatMap((step) => [step, ...(step.kind === 'Condition' ? allSteps([...step.ifSteps, ...step.elseSteps]) : [])]);

/**
 * The one role every job runs as, when they all name the same ARN: the usual choice for the
 * pipeline's role too (the SDK's examples pass one role to both), so it is the default.
 */
function sharedRole(ir: PipelineIR): string | undefined {
  const roles = new Set(allSteps(ir.steps).flatMap((step) => ('role' in step ? [constantOf(step.role)] : [])));
  const [role] = roles;
  return roles.size === 1 && typeof role === 'string' && new RegExp(roleArnPattern).test(role) ? role : undefined;
}

function template(ir: PipelineIR): object {
  const role = sharedRole(ir);
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `SageMaker pipeline ${ir.name}, compiled by plc`,
    Parameters: {
      RoleArn: {
        Type: 'String',
        Description: 'The IAM role SageMaker Pipelines assumes to run the pipeline (CreatePipeline RoleArn)',
        AllowedPattern: roleArnPattern,
        ...(role !== undefined ? { Default: role } : {}),
      },
    },
    Resources: {
      Pipeline: {
        Type: 'AWS::SageMaker::Pipeline',
        Properties: {
          PipelineName: ir.name,
          ...(ir.displayName !== undefined ? { PipelineDisplayName: ir.displayName } : {}),
          ...(ir.description !== undefined ? { PipelineDescription: ir.description } : {}),
          PipelineDefinition: { PipelineDefinitionBody: definitionText(ir) },
          RoleArn: { Ref: 'RoleArn' },
          ...(ir.parallelism !== undefined ? { ParallelismConfiguration: { MaxParallelExecutionSteps: ir.parallelism } } : {}),
          ...(ir.tags.length > 0 ? { Tags: ir.tags.map(([Key, Value]) => ({ Key, Value })) } : {}),
        },
      },
    },
    Outputs: {
      PipelineName: { Description: 'The pipeline name', Value: { Ref: 'Pipeline' } },
      // The resource has no Arn attribute; SageMaker writes the name in lower case in ARNs.
      PipelineArn: {
        Description: 'The pipeline ARN',
        Value: { 'Fn::Sub': `arn:\${AWS::Partition}:sagemaker:\${AWS::Region}:\${AWS::AccountId}:pipeline/${ir.name.toLowerCase()}` },
      },
    },
  };
}

export const cloudformationBackend: Backend = {
  emit: (ir) => [{ name: `${ir.name}.template.json`, contents: JSON.stringify(template(ir), null, 2) + '\n' }],
};
