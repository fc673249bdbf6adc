// What the two check kinds (QualityCheck, ClarifyCheck) share, as the SageMaker SDK writes their
// steps (sagemaker-python-sdk src/sagemaker/workflow/quality_check_step.py, clarify_check_step.py):
// a processing job on the region's image of the kind (CreateProcessingJob-shaped Arguments), the
// check's flags beside the Arguments, and baselines that consumers read from the step's properties
// (CalculatedBaseline…, BaselineUsedForDriftCheck…), one output port per property, by port name.
import { compact, renderExpr, type JsonObject } from '../backends/sagemaker/expressions.js';
import type { Check } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { literal, type Expr } from '../ir/expr.js';
import type { StepBaseIR } from '../ir/pipeline.js';
import type { StepType } from '../link/step-library.js';
import type { LoweringContext } from '../lower/context.js';
import { encryptionOf, networkOf, tagsOf } from '../lower/job-settings.js';
import { inputUri } from '../lower/s3-paths.js';
import { apiLimits } from '../sagemaker/api-limits.js';
import { dnsSuffixFor } from '../sagemaker/images.js';
import { property } from '../sagemaker/property-paths.js';
import type { WiredNode } from '../stages.js';
import { processingArguments } from './processing/definition.js';
import type { ProcessingJobIR } from './processing/ir.js';
import type { PortOptions, StepKind } from './kind.js';
import { checkPortRoles, type PortRoles } from './ports.js';
import type { StepTemplate } from './scaffold.js';

export type CheckKindName = 'QualityCheck' | 'ClarifyCheck';
export type CheckSettingName = Exclude<keyof Check, 'type'>;

/** A check step: its processing job and the members the definition holds beside Arguments. */
export interface CheckStepIR<K extends CheckKindName> extends StepBaseIR {
  kind: K;
  /** CheckType, e.g. DATA_QUALITY. */
  checkType: string;
  job: ProcessingJobIR;
  skipCheck: Expr;
  registerNewBaseline: Expr;
  failOnViolation: Expr;
  modelPackageGroup?: Expr;
  suppliedStatistics?: Expr;
  suppliedConstraints?: Expr;
  modelName?: Expr;
}

/** One check type of a kind: its CheckType, the settings it reads (beyond the common ones) and the ports it takes. */
export interface CheckTypeFacts {
  checkType: string;
  /** The port type of the data the job analyses (its one input of that type). */
  data: 'dataset' | 'predictions';
  settings: readonly CheckSettingName[];
  required: readonly CheckSettingName[];
  roles: PortRoles;
  /** The method of check.analysis.methods the type runs (Clarify), when it has an analysis. */
  analysisMethod?: string;
  /** Whether Clarify serves the model (check.analysis.predictor says how; ModelName, which model). */
  servesModel?: boolean;
}

/** The region's image of a check kind: an ECR repository and its account per region (the SDK's image_uri_config). */
export interface RegionalImage {
  /** How messages name it. */
  name: string;
  repository: string;
  tag?: string;
  registries: Readonly<Record<string, string>>;
}

/** Settings every check type reads. */
const commonSettings: readonly CheckSettingName[] = ['skipCheck', 'failOnViolation', 'registerNewBaseline', 'modelPackageGroup', 'suppliedBaselineConstraints'];

/** Where the check job writes its results (the SDK's ProcessingOutput source for both kinds). */
const resultFolder = '/opt/ml/processing/output';

/** Output port name → the step property it reads, snake_case as plc's ports are. */
const baselinePorts: Readonly<Record<string, string>> = {
  calculated_baseline_statistics: 'CalculatedBaselineStatistics',
  calculated_baseline_constraints: 'CalculatedBaselineConstraints',
  baseline_used_for_drift_check_statistics: 'BaselineUsedForDriftCheckStatistics',
  baseline_used_for_drift_check_constraints: 'BaselineUsedForDriftCheckConstraints',
};

/** The kind's check types by check.type, and which baselines it reports. */
export interface CheckKindFacts<K extends CheckKindName> {
  name: K;
  types: Readonly<Record<string, CheckTypeFacts>>;
  /** Its step properties, as the SDK's ClarifyCheckStep / QualityCheckStep define them. */
  properties: readonly string[];
  image: RegionalImage;
  /** OutputName of its result folder. */
  resultOutput: string;
  /** What `plc new step --kind` writes for it. */
  scaffold: StepTemplate;
  /** The job's inputs and environment for one node; undefined when they cannot be resolved (reported). */
  lowerJob(node: WiredNode, check: Check, facts: CheckTypeFacts, data: Expr, context: LoweringContext): { inputs: ProcessingJobIR['inputs']; environment: [string, Expr][]; modelName?: Expr } | undefined;
}

const portOptions: PortOptions = { inputs: {}, outputs: {} };

/** The StepKind of a check kind: the rules, lowering and definition both kinds follow. */
export function checkKind<K extends CheckKindName>(facts: CheckKindFacts<K>): StepKind<CheckStepIR<K>> {
  const ports = Object.fromEntries(Object.entries(baselinePorts).filter(([, property]) => facts.properties.includes(property)));
  return {
    name: facts.name,
    scaffold: facts.scaffold,
    sections: ['check', 'compute', 'inputs', 'outputs'],
    requires: ['check', 'compute'],
    jobSettings: ['network', 'encryption', 'tags'],
    portOptions,
    instanceTypes: { jobs: 'Processing', allowed: apiLimits.instanceTypes.Processing },
    outputs: { placeable: true },
    properties: facts.properties,
    check: (step, bag) => checkStepType(step, facts, ports, bag),
    outputLocation: (step, port) => (Object.hasOwn(ports, port) ? property(step, ports[port]!) : undefined),
    lower(node, base, context) {
      const check = node.step.doc.check;
      const type = check && facts.types[check.type];
      if (!check || !type) return undefined; // reported with the step type
      for (const port of node.outputLocations.keys()) {
        // Baselines are where SageMaker's check puts them; only the result folder can be placed.
        if (Object.hasOwn(ports, port)) context.bag.report('PLC3014', context.pipeline.source.locate(['nodes', node.id, 'outputs', port], 'key'), { node: node.id, port, kind: facts.name });
      }
      const role = context.role(node);
      const resources = context.resources(node);
      const image = node.step.doc.compute?.image === undefined ? regionalImage(node, facts.image, context) : context.image(node, 'processing');
      const data = context.inputOfType(node, type.data);
      const job = data && facts.lowerJob(node, check, type, inputUri(data), context);
      const flag = (name: 'skipCheck' | 'registerNewBaseline' | 'failOnViolation', fallback: boolean) =>
        check[name] === undefined ? literal(fallback) : context.typed(node, check[name], ['check', name], 'boolean');
      // An optional setting bound to an unset config field is not set.
      const text = (name: 'modelPackageGroup' | 'suppliedBaselineStatistics' | 'suppliedBaselineConstraints') =>
        check[name] === undefined || context.leftOut(node, check[name]) ? undefined : context.typed(node, check[name], ['check', name], 'string');
      const skipCheck = flag('skipCheck', false);
      const registerNewBaseline = flag('registerNewBaseline', false);
      const failOnViolation = flag('failOnViolation', true);
      if (!role || !resources || !image || !job || !skipCheck || !registerNewBaseline || !failOnViolation) return undefined;
      const report = Object.entries(node.step.doc.outputs ?? {}).find(([, spec]) => spec.type === 'artifacts')?.[0];
      const network = networkOf(node);
      const encryption = encryptionOf(node);
      const modelPackageGroup = text('modelPackageGroup');
      const suppliedStatistics = text('suppliedBaselineStatistics');
      const suppliedConstraints = text('suppliedBaselineConstraints');
      return {
        kind: facts.name, ...base, checkType: type.checkType,
        job: {
          image, role, resources, arguments: [], environment: job.environment, inputs: job.inputs,
          outputs: [{ name: facts.resultOutput, localPath: resultFolder, destination: report === undefined ? context.defaultLocation(node, facts.resultOutput) : context.outputLocation(node, report) }],
          tags: tagsOf(node),
          ...(network ? { network } : {}),
          ...(encryption ? { encryption } : {}),
        },
        skipCheck, registerNewBaseline, failOnViolation,
        ...(modelPackageGroup ? { modelPackageGroup } : {}),
        ...(suppliedStatistics ? { suppliedStatistics } : {}),
        ...(suppliedConstraints ? { suppliedConstraints } : {}),
        ...(job.modelName ? { modelName: job.modelName } : {}),
      };
    },
    arguments: (step) => processingArguments(step.job),
    members: checkMembers,
  };
}

/** The check's members beside Arguments; unset optional ones are left out (the SDK writes null). */
function checkMembers(step: CheckStepIR<CheckKindName>): JsonObject {
  const optional = (expr: Expr | undefined) => expr && renderExpr(expr);
  return compact({
    CheckType: step.checkType,
    ModelPackageGroupName: optional(step.modelPackageGroup),
    SkipCheck: renderExpr(step.skipCheck),
    FailOnViolation: renderExpr(step.failOnViolation),
    RegisterNewBaseline: renderExpr(step.registerNewBaseline),
    SuppliedBaselineStatistics: optional(step.suppliedStatistics),
    SuppliedBaselineConstraints: optional(step.suppliedConstraints),
    ModelName: optional(step.modelName),
  });
}

function checkStepType<K extends CheckKindName>(step: StepType, facts: CheckKindFacts<K>, ports: Record<string, string>, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const check = doc.check;
  if (!check) return; // required (PLC0103)
  const type = facts.types[check.type];
  if (!type) {
    bag.report('PLC5092', source.locate(['check', 'type']), { step: doc.name, type: check.type, kind: facts.name, allowed: Object.keys(facts.types) });
    return;
  }
  const reads = new Set([...commonSettings, ...type.settings]);
  for (const setting of Object.keys(check) as (CheckSettingName | 'type')[]) {
    if (setting !== 'type' && !reads.has(setting)) bag.report('PLC5093', source.locate(['check', setting], 'key'), { step: doc.name, setting, type: check.type, allowed: [...reads] });
  }
  for (const setting of type.required) {
    if (check[setting] === undefined) bag.report('PLC0103', source.locate(['check'], 'key'), { where: `check: of ${check.type} step type ${doc.name}`, key: setting });
  }
  const methods = check.analysis?.methods;
  if (type.analysisMethod && methods && !Object.hasOwn(methods, type.analysisMethod)) {
    bag.report('PLC5097', source.locate(['check', 'analysis', 'methods'], 'key'), { step: doc.name, type: check.type, method: type.analysisMethod, given: Object.keys(methods) });
  }
  if (type.servesModel) checkPredictor(step, check.type, bag);
  checkPortRoles(step, type.roles, bag);
  for (const [port, spec] of Object.entries(doc.outputs ?? {})) {
    if (spec.type !== 'artifacts' && !Object.hasOwn(ports, port)) {
      bag.report('PLC5094', source.locate(['outputs', port], 'key'), { step: doc.name, kind: facts.name, port, allowed: Object.keys(ports) });
    }
  }
}

/**
 * Clarify starts a shadow endpoint for the model of a ModelBias or ModelExplainability check from
 * check.analysis.predictor: without instance_type and initial_instance_count the job fails when it
 * runs. The model is the step's ModelName (the model-name input); the SDK removes predictor.model_name
 * from the analysis config it writes (ClarifyCheckStep._generate_processing_job_analysis_config in
 * sagemaker-python-sdk src/sagemaker/workflow/clarify_check_step.py), so a second name is refused.
 */
function checkPredictor(step: StepType, type: string, bag: DiagnosticBag): void {
  const { doc, source } = step;
  const predictor = (doc.check?.analysis as { predictor?: unknown } | undefined)?.predictor;
  if (predictor === null || typeof predictor !== 'object' || Array.isArray(predictor)) {
    if (doc.check?.analysis) bag.report('PLC0103', source.locate(['check', 'analysis'], 'key'), { where: `check.analysis of ${type} step type ${doc.name}`, key: 'predictor' });
    return;
  }
  if (Object.hasOwn(predictor, 'model_name')) bag.report('PLC5112', source.locate(['check', 'analysis', 'predictor', 'model_name'], 'key'), { step: doc.name, type });
  for (const key of ['instance_type', 'initial_instance_count']) {
    if (!Object.hasOwn(predictor, key)) bag.report('PLC0103', source.locate(['check', 'analysis', 'predictor'], 'key'), { where: `check.analysis.predictor of ${type} step type ${doc.name}`, key });
  }
}

/** The image of the check kind in the pipeline's region (no region, or one it is not in: reported). */
function regionalImage(node: WiredNode, image: RegionalImage, context: LoweringContext): Expr | undefined {
  const region = context.pipeline.doc.region;
  if (region === undefined) {
    context.bag.report('PLC7002', context.pipeline.source.locate(['nodes', node.id, 'step']), { step: node.step.doc.name, framework: image.name });
    return undefined;
  }
  const account = Object.hasOwn(image.registries, region) ? image.registries[region] : undefined;
  if (account === undefined) {
    context.bag.report('PLC7003', context.pipeline.source.locate(['region']), { framework: image.name, field: 'region', value: region, allowed: Object.keys(image.registries).sort() });
    return undefined;
  }
  return literal(`${account}.dkr.ecr.${region}.${dnsSuffixFor(region)}/${image.repository}${image.tag === undefined ? '' : `:${image.tag}`}`);
}
