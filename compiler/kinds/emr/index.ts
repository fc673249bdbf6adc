// EMR: a Hadoop JAR step on an EMR cluster. Its data lives wherever the JAR's arguments say, so
// plc wires none: the step has no ports.
import { compact, renderExpr, renderValue } from '../../backends/sagemaker/expressions.js';
import type { StepKind } from '../kind.js';
import type { EmrStepIR } from './ir.js';
import { lowerEmr } from './lower.js';
import { emrTemplate } from './scaffold.js';

export const emrKind: StepKind<EmrStepIR> = {
  name: 'EMR',
  scaffold: emrTemplate,
  sections: ['emr'],
  requires: ['emr'],
  jobSettings: [],
  portOptions: { inputs: {}, outputs: {} },
  outputs: {},
  properties: ['ActionOnFailure', 'Config', 'Id', 'Name', 'Status'],
  check(step, bag) {
    const { doc, source } = step;
    const emr = doc.emr;
    if (!emr) return; // required (PLC0103)
    const report = (path: string[], detail: string) => bag.report('PLC5023', source.locate(path, 'key'), { step: doc.name, detail });
    if ((emr.clusterId === undefined) === (emr.clusterConfig === undefined)) {
      report(['emr'], emr.clusterId === undefined ? 'names no cluster: give clusterId or clusterConfig' : 'gives both clusterId and clusterConfig');
    } else if (emr.executionRoleArn !== undefined && emr.clusterId === undefined) {
      report(['emr', 'executionRoleArn'], 'sets executionRoleArn with clusterConfig; a runtime role needs a running cluster (clusterId)');
    }
  },
  outputLocation: () => undefined,
  lower: lowerEmr,
  /** What the SDK's EMRStep writes: the cluster, and a StepConfig without Name (the service names the step). */
  arguments(step) {
    const cluster = 'id' in step.cluster
      ? compact({ ClusterId: renderExpr(step.cluster.id), ExecutionRoleArn: step.cluster.executionRoleArn && renderExpr(step.cluster.executionRoleArn) })
      : { ClusterConfig: renderValue(step.cluster.config) };
    return {
      ...cluster,
      StepConfig: {
        HadoopJarStep: compact({
          Jar: renderExpr(step.jar),
          Args: step.args.length > 0 ? step.args.map(renderExpr) : undefined,
          MainClass: step.mainClass && renderExpr(step.mainClass),
          Properties: step.properties.length > 0 ? step.properties.map(([key, value]) => ({ Key: key, Value: renderExpr(value) })) : undefined,
        }),
      },
    };
  },
};
