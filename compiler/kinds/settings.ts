// How the job settings several kinds share are written in their requests: the same member shapes
// (VpcConfig, …) in different places per kind.
import { compact, renderExpr, type Json, type JsonObject } from '../backends/sagemaker/expressions.js';
import type { NetworkIR } from '../ir/pipeline.js';

const optional = (expr: Parameters<typeof renderExpr>[0] | undefined): Json | undefined => (expr ? renderExpr(expr) : undefined);

/** `{ [key]: value }` when the value is set, to spread into a member object; `{}` otherwise. */
export const optionalMember = (key: string, value: Parameters<typeof renderExpr>[0] | undefined): JsonObject => (value ? { [key]: renderExpr(value) } : {});

/** Tags, as every Create* request takes them: a list of Key and Value; none when there are none. */
export const renderTags = (tags: readonly [string, Parameters<typeof renderExpr>[0]][] | undefined): Json | undefined =>
  tags && tags.length > 0 ? tags.map(([key, value]) => ({ Key: key, Value: renderExpr(value) })) : undefined;

/** VpcConfig, as CreateProcessingJob (in NetworkConfig), CreateTrainingJob and CreateModel take it. */
export const renderVpc = (network: NetworkIR | undefined): JsonObject | undefined =>
  network?.vpc && { SecurityGroupIds: network.vpc.securityGroupIds.map(renderExpr), Subnets: network.vpc.subnets.map(renderExpr) };

/** The network members of a training job (CreateTrainingJob, a tuning job's TrainingJobDefinition). */
export const renderTrainingNetwork = (network: NetworkIR | undefined): Record<string, Json | undefined> => ({
  VpcConfig: renderVpc(network),
  EnableNetworkIsolation: optional(network?.isolation),
  EnableInterContainerTrafficEncryption: optional(network?.trafficEncryption),
});

/** A processing job's NetworkConfig, when the node has network settings. */
export function renderProcessingNetwork(network: NetworkIR | undefined): JsonObject | undefined {
  const config = compact({
    EnableInterContainerTrafficEncryption: optional(network?.trafficEncryption),
    EnableNetworkIsolation: optional(network?.isolation),
    VpcConfig: renderVpc(network),
  });
  return Object.keys(config).length > 0 ? config : undefined;
}
