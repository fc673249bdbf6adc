// The default backend: the pipeline definition JSON CreatePipeline accepts, in the SageMaker
// SDK's envelope. Step Arguments are the Create*Job requests minus the job name. Objects are
// built in a fixed key order and printed with 2-space indent and a trailing newline, so the
// same IR always gives the same bytes.
import type { ConditionIR, PipelineIR, StepIR } from '../../ir/pipeline.js';
import { stepKind } from '../../kinds/registry.js';
import type { Backend } from '../backend.js';
import { compact, renderExpr, type JsonObject } from './expressions.js';

function renderDefinition(ir: PipelineIR): JsonObject {
  return compact({
    Version: '2020-12-01',
    Metadata: {},
    Parameters: ir.parameters.map((p) => compact({ Name: p.name, Type: p.type, DefaultValue: p.default, EnumValues: p.enum })),
    PipelineExperimentConfig: ir.experiment
      ? { ExperimentName: renderExpr(ir.experiment.experimentName), TrialName: renderExpr(ir.experiment.trialName) }
      : undefined,
    Steps: ir.steps.map(renderStep),
  });
}

function renderStep(step: StepIR): JsonObject {
  return compact({
    Name: step.name,
    Type: step.kind,
    Arguments: argumentsOf(step),
    DependsOn: step.dependsOn.length > 0 ? step.dependsOn : undefined,
    DisplayName: step.displayName,
    Description: step.description,
    CacheConfig: step.cache ? compact({ Enabled: true, ExpireAfter: step.cache.expireAfter }) : undefined,
    RetryPolicies: step.retry.length > 0
      ? step.retry.map((r) => compact({ ExceptionType: r.exceptionTypes, IntervalSeconds: r.intervalSeconds, BackoffRate: r.backoffRate, MaxAttempts: r.maxAttempts, ExpireAfterMin: r.expireAfterMin }))
      : undefined,
    // Members some kinds have beside Arguments (property files, a Lambda's function), as the SDK writes them.
    ...(step.kind === 'Condition' || step.kind === 'Fail' ? {} : stepKind(step.kind).members?.(step)),
  });
}

/** A control step's Arguments, or the Create* request (minus its name) the step's kind writes. */
function argumentsOf(step: StepIR): JsonObject {
  if (step.kind === 'Condition') return { Conditions: step.conditions.map(renderCondition), IfSteps: step.ifSteps.map(renderStep), ElseSteps: step.elseSteps.map(renderStep) };
  if (step.kind === 'Fail') return { ErrorMessage: renderExpr(step.errorMessage) };
  return stepKind(step.kind).arguments(step);
}

function renderCondition(condition: ConditionIR): JsonObject {
  switch (condition.kind) {
    case 'compare':
      return { Type: condition.op, LeftValue: renderExpr(condition.left), RightValue: renderExpr(condition.right) };
    case 'in':
      return { Type: 'In', QueryValue: renderExpr(condition.query), Values: condition.values.map(renderExpr) };
    case 'not':
      return { Type: 'Not', Condition: renderCondition(condition.condition) };
    case 'or':
      return { Type: 'Or', Conditions: condition.conditions.map(renderCondition) };
  }
}

/** Each IR's definition, rendered once however many texts are made of it. */
const rendered = new WeakMap<PipelineIR, JsonObject>();

export function definitionOf(ir: PipelineIR): JsonObject {
  if (!rendered.has(ir)) rendered.set(ir, renderDefinition(ir));
  return rendered.get(ir)!;
}

/** The definition for people (`plc build`); other backends embed exactly this text. */
export const definitionText = (ir: PipelineIR): string => JSON.stringify(definitionOf(ir), null, 2) + '\n';

/**
 * The same definition as deploy sends it to CreatePipeline/UpdatePipeline: compact, so the
 * size limits (checked on this text) arrive as late as they do for the SageMaker SDK.
 */
export const definitionJson = (ir: PipelineIR): string => JSON.stringify(definitionOf(ir));

export const sagemakerBackend: Backend = {
  emit: (ir) => [{ name: 'definition.json', contents: definitionText(ir) }],
};
