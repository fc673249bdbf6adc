// Lowers an EMR step: the cluster (running, by id, or created from a config object) and the
// Hadoop JAR step it runs.
import type { StepBaseIR } from '../../ir/pipeline.js';
import type { LoweringContext } from '../../lower/context.js';
import type { EmrStepIR } from './ir.js';
import type { WiredNode } from '../../stages.js';

export function lowerEmr(node: WiredNode, base: StepBaseIR, context: LoweringContext): EmrStepIR | undefined {
  const emr = node.step.doc.emr;
  // No section, or no single cluster: reported by the step checks (PLC0103, PLC5023).
  if (!emr || (emr.clusterId === undefined) === (emr.clusterConfig === undefined)) return undefined;
  const cluster = emr.clusterId !== undefined ? clusterById(emr.clusterId) : clusterConfig(emr.clusterConfig!);
  const jar = context.typed(node, emr.jar, ['emr', 'jar'], 'string');
  const mainClass = emr.mainClass === undefined ? undefined : context.typed(node, emr.mainClass, ['emr', 'mainClass'], 'string');
  if (!cluster || !jar || (emr.mainClass !== undefined && !mainClass)) return undefined;
  return {
    kind: 'EMR', ...base, cluster, jar,
    args: context.list(node, emr.args ?? [], ['emr', 'args']),
    ...(mainClass ? { mainClass } : {}),
    properties: context.entries(node, emr.properties ?? {}, ['emr', 'properties']),
  };

  function clusterById(raw: string | number | boolean): EmrStepIR['cluster'] | undefined {
    const id = context.typed(node, raw, ['emr', 'clusterId'], 'string');
    const role = emr!.executionRoleArn === undefined ? undefined : context.typed(node, emr!.executionRoleArn, ['emr', 'executionRoleArn'], 'string');
    if (!id || (emr!.executionRoleArn !== undefined && !role)) return undefined;
    return { id, ...(role ? { executionRoleArn: role } : {}) };
  }

  function clusterConfig(raw: string): EmrStepIR['cluster'] | undefined {
    const config = context.bind(node, raw, ['emr', 'clusterConfig']);
    if (!config) return undefined;
    if (config.kind === 'map') return { config };
    context.bag.report('PLC0101', node.step.source.locate(['emr', 'clusterConfig']), { where: `"emr.clusterConfig" (for node "${node.id}")`, expected: 'a mapping of RunJobFlow members' });
    return undefined;
  }
}
