// Checks inside the settings sections of the Tuning, EMR, Lambda and Callback kinds: what the
// schema cannot say because it relates two places (the objective and the metric definitions, tuned
// and fixed hyperparameters, the cluster members, arguments and wired inputs).
import type { Emr, Tuning, TuningRange } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';
import { hasOwn } from '../util/own.js';

export function checkTuningSection(step: StepType, tuning: Tuning, bag: DiagnosticBag): void {
  const { doc, source } = step;
  if (!hasOwn(tuning.metrics, tuning.objective.metric)) {
    bag.report('PLC5024', source.locate(['tuning', 'objective', 'metric']), { step: doc.name, metric: tuning.objective.metric, defined: Object.keys(tuning.metrics) });
  }
  // A ${config.*} binding is resolved per node; only a written-out map can be compared here.
  const fixed = typeof doc.training?.hyperparameters === 'object' ? doc.training.hyperparameters : {};
  for (const [name, range] of Object.entries(tuning.ranges)) {
    if (hasOwn(fixed, name)) bag.report('PLC5025', source.locate(['tuning', 'ranges', name], 'key'), { step: doc.name, name });
    const problem = rangeProblem(range);
    if (problem) bag.report('PLC5027', source.locate(['tuning', 'ranges', name]), { step: doc.name, name, problem });
  }
}

/** What makes a range with literal bounds unusable for CreateHyperParameterTuningJob. */
function rangeProblem({ min, max, scaling, type }: TuningRange): string | undefined {
  if (typeof min !== 'number' || typeof max !== 'number') return undefined; // bound per node by ${config.*}
  if (min > max) return `its min ${min} is above its max ${max}`;
  if (scaling === 'Logarithmic' && min <= 0) return `Logarithmic scaling needs a min above 0, not ${min}`;
  if (scaling === 'ReverseLogarithmic' && (type !== 'Continuous' || min < 0 || max >= 1)) return 'ReverseLogarithmic scaling needs a Continuous range within [0, 1)';
  return undefined;
}

export function checkEmrSection(step: StepType, emr: Emr, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const report = (path: string[], detail: string) => bag.report('PLC5023', source.locate(path, 'key'), { step: doc.name, detail });
  if ((emr.clusterId === undefined) === (emr.clusterConfig === undefined)) {
    report(['emr'], emr.clusterId === undefined ? 'names no cluster: give clusterId or clusterConfig' : 'gives both clusterId and clusterConfig');
  } else if (emr.executionRoleArn !== undefined && emr.clusterId === undefined) {
    report(['emr', 'executionRoleArn'], 'sets executionRoleArn with clusterConfig; a runtime role needs a running cluster (clusterId)');
  }
}

/** A Lambda or Callback argument and a wired input would both be written under one name. */
export function checkInvocationSection(step: StepType, section: 'lambda' | 'callback', args: Record<string, unknown>, bag: DiagnosticBag): void {
  for (const name of Object.keys(args)) {
    if (hasOwn(step.doc.inputs, name)) bag.report('PLC5026', step.source.locate([section, 'arguments', name], 'key'), { step: step.doc.name, name, section });
  }
}
