// RegisterModel: the model registered in a model package group (CreateModelPackage), with its
// metrics and drift baselines (metrics.ts), sample payload, customer metadata, domain and task
// when given; its output is the package's ARN.
import { compact, renderEntries, renderExpr } from '../../backends/sagemaker/expressions.js';
import { literal, type Expr } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { property } from '../../sagemaker/property-paths.js';
import type { StepKind } from '../kind.js';
import { tagsOf } from '../../lower/job-settings.js';
import { checkPortRoles, type PortRoles } from '../ports.js';
import { renderTags } from '../settings.js';
import { checkServing, lowerContainers, renderContainer, type ContainerIR } from '../model/serving.js';
import { registerModelTemplate } from './scaffold.js';
import { checkContentTypes, checkGovernanceSlots, checkNodeContentTypes, lowerGovernanceFiles, namesSlots, registrationPortOptions, renderGovernanceFiles, slotRoles, type GovernanceFilesIR } from './metrics.js';

/** CreateModelPackage: the model registered in a model package group. */
export interface RegisterModelStepIR extends StepBaseIR {
  kind: 'RegisterModel';
  /** The inference containers (serving), the step type's own first. */
  containers: ContainerIR[];
  group: Expr;
  approvalStatus: Expr;
  /** ModelPackageDescription (the step's own Description is the node's). */
  packageDescription?: Expr;
  contentTypes: string[];
  responseTypes: string[];
  inferenceInstanceTypes?: string[];
  transformInstanceTypes?: string[];
  /** ModelMetrics and DriftCheckBaselines (metrics.ts). */
  governance: GovernanceFilesIR;
  tags: [string, Expr][];
  samplePayload?: Expr;
  task?: string;
  domain?: string;
  /** CustomerMetadataProperties. */
  customerMetadata: [string, Expr][];
}

/** The job's tags (config `tags`) and the registration's own, which win for a key both set. */
function mergeTags(job: [string, Expr][], registration: [string, Expr][]): [string, Expr][] {
  const own = new Set(registration.map(([key]) => key));
  return [...job.filter(([key]) => !own.has(key)), ...registration];
}

const roles = { inputs: { model: [1, 15], metrics: [0, 1], constraints: [0, 1], payload: [0, 1] }, outputs: { 'model-package': [0, 1] } } as const;
/** With registration slots, the file ports are as many as the slots they fill. */
const slottedRoles: PortRoles = { inputs: { model: roles.inputs.model, payload: [0, 1], ...slotRoles }, outputs: roles.outputs };

export const registerModelKind: StepKind<RegisterModelStepIR> = {
  name: 'RegisterModel',
  scaffold: registerModelTemplate,
  sections: ['registration', 'script', 'serving', 'compute', 'inputs', 'outputs'],
  requires: ['registration', 'compute'],
  jobSettings: ['tags'],
  portOptions: registrationPortOptions,
  outputs: {},
  uncached: true,
  properties: apiLimits.stepProperties.RegisterModel,
  check(step, bag) {
    checkPortRoles(step, namesSlots(step.doc.registration) ? slottedRoles : roles, bag);
    checkServing(step, bag, { mode: false });
    checkGovernanceSlots(step, bag);
    checkContentTypes(step, bag);
  },
  outputLocation: (step) => property(step, 'ModelPackageArn'),
  lower(node, base, context) {
    const registration = node.step.doc.registration;
    if (!registration) return undefined; // required (PLC0103)
    checkNodeContentTypes(node, context);
    const containers = lowerContainers(node, context);
    const payload = context.fileInput(node, 'payload');
    const group = context.typed(node, registration.modelPackageGroup, ['registration', 'modelPackageGroup'], 'string');
    const approvalStatus = registration.approvalStatus === undefined ? literal('PendingManualApproval') : context.typed(node, registration.approvalStatus, ['registration', 'approvalStatus'], 'string');
    const description = registration.description === undefined ? undefined : context.typed(node, registration.description, ['registration', 'description'], 'string');
    if (!containers || !group || !approvalStatus) return undefined;
    return {
      kind: 'RegisterModel', ...base, containers, group, approvalStatus,
      ...(description ? { packageDescription: description } : {}),
      // The API accepts a package without them, but endpoints and transforms need to know.
      contentTypes: registration.contentTypes ?? ['text/csv'],
      responseTypes: registration.responseTypes ?? ['text/csv'],
      ...(registration.inferenceInstanceTypes ? { inferenceInstanceTypes: registration.inferenceInstanceTypes } : {}),
      ...(registration.transformInstanceTypes ? { transformInstanceTypes: registration.transformInstanceTypes } : {}),
      governance: lowerGovernanceFiles(node, context),
      tags: mergeTags(tagsOf(node), context.entries(node, registration.tags ?? {}, ['registration', 'tags'])),
      ...(payload ? { samplePayload: payload } : {}),
      ...(registration.task ? { task: registration.task } : {}),
      ...(registration.domain ? { domain: registration.domain } : {}),
      customerMetadata: context.entries(node, registration.customerMetadata ?? {}, ['registration', 'customerMetadata']),
    };
  },
  /** CreateModelPackage minus ModelPackageName, as the SDK's _RegisterModelStep writes it. */
  arguments: (step) => compact({
    ModelPackageGroupName: renderExpr(step.group),
    ModelApprovalStatus: renderExpr(step.approvalStatus),
    InferenceSpecification: compact({
      Containers: step.containers.map((container) => renderContainer(container, 'package')),
      SupportedContentTypes: step.contentTypes,
      SupportedResponseMIMETypes: step.responseTypes,
      SupportedRealtimeInferenceInstanceTypes: step.inferenceInstanceTypes,
      SupportedTransformInstanceTypes: step.transformInstanceTypes,
    }),
    ModelMetrics: renderGovernanceFiles(step.governance, 'modelMetrics'),
    DriftCheckBaselines: renderGovernanceFiles(step.governance, 'driftCheckBaselines'),
    CustomerMetadataProperties: step.customerMetadata.length > 0 ? renderEntries(step.customerMetadata) : undefined,
    ModelPackageDescription: step.packageDescription && renderExpr(step.packageDescription),
    SamplePayloadUrl: step.samplePayload && renderExpr(step.samplePayload),
    Tags: renderTags(step.tags),
    Task: step.task,
    Domain: step.domain,
    SkipModelValidation: 'None',
  }),
};
