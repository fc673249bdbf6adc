// What a SageMaker step kind is to plc: one module per kind (compiler/kinds/<kind>/), listed in
// registry.ts. A kind says which step-document sections and ports it takes, checks a step type
// of its own, lowers a node to its IR step, says where consumers read each output, and writes its
// step's Arguments in the definition. Passes ask the registry; none of them names a kind.
import type { StepDocument } from '../../schema/types.generated.js';
import type { JsonObject } from '../backends/sagemaker/expressions.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Expr } from '../ir/expr.js';
import type { StepBaseIR } from '../ir/pipeline.js';
import type { StepType } from '../link/step-library.js';
import type { LoweringContext } from '../lower/context.js';
import type { WiredNode } from '../stages.js';
import type { StepTemplate } from './scaffold.js';

export type SageMakerKind = StepDocument['sagemaker'];

/** The settings sections of a step document, in the order the checks visit them. */
export const sectionNames = ['script', 'processing', 'training', 'transform', 'registration', 'serving', 'check', 'tuning', 'lambda', 'callback', 'emr', 'compute', 'inputs', 'outputs'] as const;

export type SectionName = (typeof sectionNames)[number];

/** Config fields every step has that set members of the job's request (pipeline.schema.json#/definitions/baseConfig). */
export const jobSettingNames = ['network', 'encryption', 'tags'] as const;

export type JobSetting = (typeof jobSettingNames)[number];

/** The data options a step type's ports may declare (step.schema.json inputPort and outputPort). */
export const portOptionNames = {
  inputs: ['contentType', 'distribution', 'inputMode', 'compression', 'recordWrapper', 'dataType', 'attributeNames'],
  outputs: ['uploadMode'],
} as const;

export type InputOption = (typeof portOptionNames.inputs)[number];
export type OutputOption = (typeof portOptionNames.outputs)[number];

/** The values a kind's API takes for each option it has; `true`: any value the schema allows. */
export interface PortOptions {
  readonly inputs: Partial<Record<InputOption, readonly string[] | true>>;
  readonly outputs: Partial<Record<OutputOption, readonly string[] | true>>;
}

/** An IR step of a kind: the envelope and the kind's own job. */
export type KindStep = StepBaseIR & { kind: SageMakerKind };

export interface StepKind<S extends KindStep = KindStep> {
  /** The `sagemaker:` value of its step types and the definition's step Type. */
  readonly name: S['kind'];
  /** The step-document sections it takes; others are refused (PLC5011). A kind with `compute` runs an image of the step type's. */
  readonly sections: readonly SectionName[];
  /** What `plc new step --kind <scaffold.option>` writes for it. */
  readonly scaffold: StepTemplate;
  /** The sections it cannot do without (PLC0103). */
  readonly requires: readonly SectionName[];
  /** The instance types its jobs run on, when compute.instanceType is required; `jobs` names them in messages. */
  readonly instanceTypes?: { readonly jobs: string; readonly allowed: readonly string[] };
  /** What its outputs are: S3 locations a node may place, processing folders (not files), with property files. */
  readonly outputs: { readonly placeable?: boolean; readonly folders?: boolean; readonly propertyFiles?: boolean; readonly parameters?: boolean };
  /** The job settings its API has members for; a node setting another one is told it is not used (PLC2014). */
  readonly jobSettings: readonly JobSetting[];
  /** The data options its ports take (others are PLC5011; values it does not take, PLC5060). */
  readonly portOptions: PortOptions;
  /** Its script may name the program that runs it (script.interpreter); others run Python entry points only (PLC5073). */
  readonly interpreters?: boolean;
  /** SageMaker does not cache its steps (PLC5014). */
  readonly uncached?: boolean;
  /** The top-level properties `${steps.<node>.…}` may read on its steps (the Describe* response). */
  readonly properties: readonly string[];
  /** The output port a property path names by name (`ProcessingOutputConfig.Outputs['x']…` → x), so a name no port has is refused (PLC3002). */
  outputNamedBy?(path: string): string | undefined;
  /** The metrics its jobs report (FinalMetricDataList), when the step type names them all; undefined when unknown (an image may emit its own). */
  metrics?(step: StepType): readonly string[] | undefined;
  /** The kind's own rules for a step type of it (ports, sections), after the shared ones. */
  check(step: StepType, bag: DiagnosticBag): void;
  /** Where output `port` (at `containerPath`) of step `step` lands; undefined when the kind cannot produce it. */
  outputLocation(step: string, port: string, containerPath: string | undefined): Expr | undefined;
  /** The node's step; undefined when it cannot be lowered (the reason is reported). */
  lower(node: WiredNode, base: StepBaseIR, context: LoweringContext): S | undefined;
  /** The step's Arguments in the definition, and members it has beside them (after RetryPolicies). */
  arguments(step: S): JsonObject;
  members?(step: S): JsonObject;
}
