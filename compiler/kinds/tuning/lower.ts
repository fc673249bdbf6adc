// Lowers a Tuning step: the step type's training job, lowered as for a Training step, becomes the
// TrainingJobDefinition (its hyperparameters the static ones), and the tuning section the
// HyperParameterTuningJobConfig.
import type { Tuning } from '../../../schema/types.generated.js';
import { asString, type Expr } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';
import type { LoweringContext } from '../../lower/context.js';
import { lowerTraining } from '../training/lower.js';
import type { TuningRangeIR, TuningStepIR } from './ir.js';
import type { WiredNode } from '../../stages.js';

export function lowerTuning(node: WiredNode, base: StepBaseIR, context: LoweringContext): TuningStepIR | undefined {
  const training = lowerTraining(node, base, context);
  const tuning = node.step.doc.tuning;
  if (!training || !tuning) return undefined; // reported by the step checks (PLC0103)
  // Debugger, profiler and training metric settings are refused on tuning step types (PLC5011); the rest is the job.
  const { kind: _kind, debugHook: _debugHook, profilerIntervalMs: _profiler, metricDefinitions: _metrics, ...job } = training;
  const maxJobs = context.typed(node, tuning.maxJobs, ['tuning', 'maxJobs'], 'integer');
  const maxParallelJobs = context.typed(node, tuning.maxParallelJobs, ['tuning', 'maxParallelJobs'], 'integer');
  const ranges = Object.entries(tuning.ranges).map(([name, range]) => lowerRange(node, name, range, context));
  const parents = tuning.warmStart && context.list(node, tuning.warmStart.parentJobs, ['tuning', 'warmStart', 'parentJobs']);
  if (!maxJobs || !maxParallelJobs || !ranges.every((r): r is TuningRangeIR => r !== undefined)) return undefined;
  return {
    ...job,
    kind: 'Tuning',
    strategy: tuning.strategy ?? 'Bayesian',
    objective: { type: tuning.objective.type, metric: tuning.objective.metric },
    metrics: Object.entries(tuning.metrics),
    maxJobs,
    maxParallelJobs,
    ranges,
    ...(tuning.earlyStopping ? { earlyStopping: tuning.earlyStopping } : {}),
    ...(tuning.hyperband ? { hyperband: tuning.hyperband } : {}),
    ...(tuning.warmStart && parents ? { warmStart: { parents, type: tuning.warmStart.type } } : {}),
  };
}

/** Range bounds and categories are strings in the API, whatever the hyperparameter's type. */
function lowerRange(node: WiredNode, name: string, range: Tuning['ranges'][string], context: LoweringContext): TuningRangeIR | undefined {
  const path = ['tuning', 'ranges', name];
  const value = (raw: unknown, key: string | number, ...at: (string | number)[]): Expr | undefined => {
    const expr = context.scalar(node, raw, [...path, key, ...at]);
    return expr && asString(expr);
  };
  if (range.type === 'Categorical') {
    const values = (range.values ?? []).map((raw, i) => value(raw, 'values', i));
    return values.every((v): v is Expr => v !== undefined) ? { name, type: 'Categorical', values } : undefined;
  }
  const min = value(range.min, 'min');
  const max = value(range.max, 'max');
  return min && max ? { name, type: range.type, min, max, scaling: range.scaling ?? 'Auto' } : undefined;
}
