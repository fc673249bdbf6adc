// The SageMaker step kinds plc knows, one module per folder (see kind.ts). Adding a kind is a
// folder here and one line below; passes, checks and backends ask this list and name no kind.
// The order is the order messages list kinds in.
import { callbackKind } from './callback/index.js';
import { clarifyCheckKind } from './clarify-check/index.js';
import { emrKind } from './emr/index.js';
import type { SageMakerKind, SectionName, StepKind } from './kind.js';
import { lambdaKind } from './lambda/index.js';
import { modelKind } from './model/index.js';
import { processingKind } from './processing/index.js';
import { qualityCheckKind } from './quality-check/index.js';
import { registerModelKind } from './register-model/index.js';
import { trainingKind } from './training/index.js';
import { transformKind } from './transform/index.js';
import { tuningKind } from './tuning/index.js';

export const stepKinds = [
  processingKind,
  trainingKind,
  tuningKind,
  modelKind,
  transformKind,
  registerModelKind,
  lambdaKind,
  callbackKind,
  emrKind,
  qualityCheckKind,
  clarifyCheckKind,
] as const;

type IROf<K> = K extends StepKind<infer S> ? S : never;

/** The IR step of every kind. */
export type KindStepIR = IROf<(typeof stepKinds)[number]>;

const byName: ReadonlyMap<string, StepKind<KindStepIR>> = new Map(stepKinds.map((kind) => [kind.name, kind as StepKind<KindStepIR>]));

/** The module of a kind; the schema's `sagemaker:` enum holds only registered kinds (test/kinds.test.ts). */
export function stepKind(name: SageMakerKind): StepKind<KindStepIR> {
  return byName.get(name)!;
}

/** Whether step types of the kind run an image of their own (and so need compute:, a role and an outputPrefix). */
export const runsContainer = (kind: StepKind): boolean => kind.sections.includes('compute');

/** The kinds whose step types take a section or a feature, in registry order. */
export const kindsWith = (test: (kind: StepKind) => boolean): StepKind[] => stepKinds.filter((kind) => test(kind as StepKind));

export const kindsTaking = (section: SectionName): StepKind[] => kindsWith((kind) => kind.sections.includes(section));
