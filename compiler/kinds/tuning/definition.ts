// CreateHyperParameterTuningJob minus its name; the training jobs are TrainingJobDefinition.
import { compact, renderExpr, type JsonObject } from '../../backends/sagemaker/expressions.js';
import { renderTags } from '../settings.js';
import { metricDefinitions, trainingJob } from '../training/definition.js';
import type { TuningRangeIR, TuningStepIR } from './ir.js';

export function tuningArguments(step: TuningStepIR): JsonObject {
  const ranges = (type: TuningRangeIR['type']) => {
    const found = step.ranges.filter((r) => r.type === type);
    return found.length > 0 ? found.map(renderRange) : undefined;
  };
  return {
    HyperParameterTuningJobConfig: compact({
      Strategy: step.strategy,
      StrategyConfig: step.hyperband ? { HyperbandStrategyConfig: compact({ MinResource: step.hyperband.minResource, MaxResource: step.hyperband.maxResource }) } : undefined,
      HyperParameterTuningJobObjective: { Type: step.objective.type, MetricName: step.objective.metric },
      ResourceLimits: { MaxNumberOfTrainingJobs: renderExpr(step.maxJobs), MaxParallelTrainingJobs: renderExpr(step.maxParallelJobs) },
      ParameterRanges: compact({
        ContinuousParameterRanges: ranges('Continuous'),
        IntegerParameterRanges: ranges('Integer'),
        CategoricalParameterRanges: ranges('Categorical'),
      }),
      TrainingJobEarlyStoppingType: step.earlyStopping,
    }),
    TrainingJobDefinition: trainingJob(step, {
      algorithm: { MetricDefinitions: metricDefinitions(step.metrics) },
      hyperparameterKey: 'StaticHyperParameters',
    }),
    ...compact({
      WarmStartConfig: step.warmStart
        ? { ParentHyperParameterTuningJobs: step.warmStart.parents.map((name) => ({ HyperParameterTuningJobName: renderExpr(name) })), WarmStartType: step.warmStart.type }
        : undefined,
      Tags: renderTags(step.tags),
    }),
  };
}

function renderRange(range: TuningRangeIR): JsonObject {
  return range.type === 'Categorical'
    ? { Name: range.name, Values: range.values.map(renderExpr) }
    : { Name: range.name, MinValue: renderExpr(range.min), MaxValue: renderExpr(range.max), ScalingType: range.scaling };
}
