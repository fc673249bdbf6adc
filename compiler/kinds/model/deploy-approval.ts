// PLC5084: EndpointDeployment's handler deploys only an Approved package version
// (steps/lambda/endpoint_deployment.py), so a registration whose approval status is a literal other
// than Approved, wired into it, fails every run; plc warns at build time instead.
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { constantOf } from '../../ir/expr.js';
import type { StepIR } from '../../ir/pipeline.js';
import type { WiredPipeline } from '../../stages.js';
import { valueAt } from '../../validate/schema-errors.js';

/** The built-in step type whose handler refuses an unapproved package. */
const deploymentStep = 'EndpointDeployment';

export function checkDeployedApproval(pipeline: WiredPipeline, lowered: ReadonlyMap<string, StepIR>, bag: DiagnosticBag): void {
  const nodes = new Map(pipeline.wired.map((node) => [node.id, node]));
  for (const { from, to } of pipeline.edges) {
    if (nodes.get(to.node)?.step.doc.name !== deploymentStep) continue;
    const registration = lowered.get(from.node);
    if (registration?.kind !== 'RegisterModel') continue;
    const status = constantOf(registration.approvalStatus);
    if (typeof status !== 'string' || status === 'Approved') continue;
    // At the status where the pipeline sets it, else at the deployment's wire.
    const setting = ['nodes', from.node, 'config', 'approvalStatus'];
    const wire = ['nodes', to.node, 'inputs', to.port];
    const at = valueAt(pipeline.doc, setting) !== undefined ? setting : valueAt(pipeline.doc, wire) !== undefined ? wire : ['nodes', to.node];
    bag.report('PLC5084', pipeline.source.locate(at), { node: to.node, registration: from.node, status, step: deploymentStep });
  }
}
