// Job settings that come from a node's config rather than its step type (`network`, …): the base
// config fields of pipeline.schema.json#/definitions/baseConfig, already checked against their
// schema by bind, read into the IR for the kinds whose API has the member.
import { asString, isExpr, type Expr, type Value } from '../ir/expr.js';
import type { EncryptionIR, NetworkIR } from '../ir/pipeline.js';
import type { WiredNode } from '../stages.js';

/** A member of a mapping config value. */
const member = (value: Value | undefined, key: string): Value | undefined => (value?.kind === 'map' ? value.entries.find(([k]) => k === key)?.[1] : undefined);

const exprs = (value: Value | undefined): Expr[] | undefined => (value?.kind === 'list' ? value.items.filter(isExpr) : undefined);

const expr = (value: Value | undefined): Expr | undefined => (value && isExpr(value) ? value : undefined);

/** Config `network`; undefined when the node has none. */
export function networkOf(node: WiredNode): NetworkIR | undefined {
  const network = node.config.get('network')?.value;
  if (network?.kind !== 'map') return undefined;
  const subnets = exprs(member(network, 'subnets'));
  const securityGroupIds = exprs(member(network, 'securityGroupIds'));
  const isolation = expr(member(network, 'enableNetworkIsolation'));
  const trafficEncryption = expr(member(network, 'encryptInterContainerTraffic'));
  return {
    ...(subnets && securityGroupIds ? { vpc: { subnets, securityGroupIds } } : {}),
    ...(isolation ? { isolation } : {}),
    ...(trafficEncryption ? { trafficEncryption } : {}),
  };
}

/** Config `encryption`; undefined when the node has none. */
export function encryptionOf(node: WiredNode): EncryptionIR | undefined {
  const encryption = node.config.get('encryption')?.value;
  if (encryption?.kind !== 'map') return undefined;
  const volumeKey = expr(member(encryption, 'volumeKmsKeyId'));
  const outputKey = expr(member(encryption, 'outputKmsKeyId'));
  return { ...(volumeKey ? { volumeKey } : {}), ...(outputKey ? { outputKey } : {}) };
}

/** Config `tags`, in the order written; empty when the node has none. */
export function tagsOf(node: WiredNode): [string, Expr][] {
  const tags = node.config.get('tags')?.value;
  return tags?.kind === 'map' ? tags.entries.flatMap(([key, value]): [string, Expr][] => (isExpr(value) ? [[key, asString(value)]] : [])) : [];
}
