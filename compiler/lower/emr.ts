// Lowers an EMR step: the cluster (running, by id, or created from a config object) and the
// Hadoop JAR step it runs.
import type { EmrStepIR } from '../ir/pipeline.js';
import type { KindLowering } from './context.js';

export const lowerEmr: KindLowering = (node, base, bindings): EmrStepIR | undefined => {
  const emr = node.step.doc.emr;
  // No section, or no single cluster: reported by the step checks (PLC0103, PLC5023).
  if (!emr || (emr.clusterId === undefined) === (emr.clusterConfig === undefined)) return undefined;
  const cluster = emr.clusterId !== undefined ? clusterById(emr.clusterId) : clusterConfig(emr.clusterConfig!);
  const jar = bindings.typed(node, emr.jar, ['emr', 'jar'], 'string');
  const mainClass = emr.mainClass === undefined ? undefined : bindings.typed(node, emr.mainClass, ['emr', 'mainClass'], 'string');
  if (!cluster || !jar || (emr.mainClass !== undefined && !mainClass)) return undefined;
  return {
    kind: 'EMR', ...base, cluster, jar,
    args: bindings.list(node, emr.args ?? [], ['emr', 'args']),
    ...(mainClass ? { mainClass } : {}),
    properties: bindings.entries(node, emr.properties ?? {}, ['emr', 'properties']),
  };

  function clusterById(raw: string | number | boolean): EmrStepIR['cluster'] | undefined {
    const id = bindings.typed(node, raw, ['emr', 'clusterId'], 'string');
    const role = emr!.executionRoleArn === undefined ? undefined : bindings.typed(node, emr!.executionRoleArn, ['emr', 'executionRoleArn'], 'string');
    if (!id || (emr!.executionRoleArn !== undefined && !role)) return undefined;
    return { id, ...(role ? { executionRoleArn: role } : {}) };
  }

  function clusterConfig(raw: string): EmrStepIR['cluster'] | undefined {
    const config = bindings.bind(node, raw, ['emr', 'clusterConfig']);
    if (!config) return undefined;
    if (config.kind === 'map') return { config };
    bindings.bag.report('PLC0101', node.step.source.locate(['emr', 'clusterConfig']), { where: `"emr.clusterConfig" (for node "${node.id}")`, expected: 'a mapping of RunJobFlow members' });
    return undefined;
  }
};
