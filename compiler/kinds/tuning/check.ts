// A tuning step type is a training job plus a tuning section: what the schema cannot say because
// it relates two places (the objective and the metric definitions, tuned and fixed
// hyperparameters), and the training settings a TrainingJobDefinition has no member for.
import type { TuningRange } from '../../../schema/types.generated.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { StepType } from '../../link/step-library.js';
import { hasOwn } from '../../util/own.js';
import { checkTrainingJob } from '../training/check.js';

type Tuning = NonNullable<StepType['doc']['tuning']>;

/** PLC5011: a tuning job's TrainingJobDefinition has no debugger or profiler settings; its metrics are tuning.metrics. */
function trainingSettingsATuningJobTakes({ doc, source }: StepType, bag: DiagnosticBag): void {
  for (const key of ['debugHook', 'profilerIntervalMs', 'metricDefinitions'] as const) {
    if (doc.training?.[key] !== undefined) bag.report('PLC5011', source.locate(['training', key], 'key'), { section: `training.${key}`, step: doc.name, kind: doc.sagemaker, kinds: 'Training' });
  }
}

/** PLC5024: the objective is one of tuning.metrics. */
function objectiveIsAMetric({ doc, source }: StepType, tuning: Tuning, bag: DiagnosticBag): void {
  if (hasOwn(tuning.metrics, tuning.objective.metric)) return;
  bag.report('PLC5024', source.locate(['tuning', 'objective', 'metric']), { step: doc.name, metric: tuning.objective.metric, defined: Object.keys(tuning.metrics) });
}

/** PLC5061: hyperband settings go with strategy Hyperband, minResource at most maxResource. */
function hyperbandSettings({ doc, source }: StepType, tuning: Tuning, bag: DiagnosticBag): void {
  if (!tuning.hyperband) return;
  const { minResource, maxResource } = tuning.hyperband;
  const strategy = tuning.strategy ?? 'Bayesian';
  const problem = strategy !== 'Hyperband' ? `is for strategy Hyperband, not ${strategy}` : minResource !== undefined && maxResource !== undefined && minResource > maxResource ? `has minResource ${minResource} above maxResource ${maxResource}` : undefined;
  if (problem) bag.report('PLC5061', source.locate(['tuning', 'hyperband'], 'key'), { step: doc.name, problem });
}

/** PLC5025: a tuned hyperparameter is not also fixed. */
function tunedNotFixed({ doc, source }: StepType, tuning: Tuning, bag: DiagnosticBag): void {
  // A ${config.*} binding is resolved per node; only a written-out map can be compared here.
  const fixed = typeof doc.training?.hyperparameters === 'object' ? doc.training.hyperparameters : {};
  for (const name of Object.keys(tuning.ranges)) {
    if (hasOwn(fixed, name)) bag.report('PLC5025', source.locate(['tuning', 'ranges', name], 'key'), { step: doc.name, name });
  }
}

/** PLC5027: a range with literal bounds CreateHyperParameterTuningJob can search. */
function usableRanges({ doc, source }: StepType, tuning: Tuning, bag: DiagnosticBag): void {
  for (const [name, range] of Object.entries(tuning.ranges)) {
    const problem = rangeProblem(range);
    if (problem) bag.report('PLC5027', source.locate(['tuning', 'ranges', name]), { step: doc.name, name, problem });
  }
}

export function checkTuningStep(step: StepType, bag: DiagnosticBag): void {
  checkTrainingJob(step, bag);
  trainingSettingsATuningJobTakes(step, bag);
  const tuning = step.doc.tuning;
  if (!tuning) return; // required (PLC0103)
  for (const rule of [objectiveIsAMetric, hyperbandSettings, tunedNotFixed, usableRanges]) rule(step, tuning, bag);
}

/** What makes a range with literal bounds unusable for CreateHyperParameterTuningJob. */
function rangeProblem({ min, max, scaling, type }: TuningRange): string | undefined {
  if (typeof min !== 'number' || typeof max !== 'number') return undefined; // bound per node by ${config.*}
  if (min > max) return `its min ${min} is above its max ${max}`;
  if (scaling === 'Logarithmic' && min <= 0) return `Logarithmic scaling needs a min above 0, not ${min}`;
  if (scaling === 'ReverseLogarithmic' && (type !== 'Continuous' || min < 0 || max >= 1)) return 'ReverseLogarithmic scaling needs a Continuous range within [0, 1)';
  return undefined;
}
