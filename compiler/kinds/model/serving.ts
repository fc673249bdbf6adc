// How a model's containers serve, shared by Model (CreateModel) and RegisterModel
// (CreateModelPackage's InferenceSpecification): the step type's own container (compute.image, its
// first model input, the script as the inference entry point, serving.environment) and the
// containers of serving.containers after it (an inference pipeline). See docs/decisions.md,
// "Inference code: uploaded, or in the model archive".
import { posix } from 'node:path';
import { compact, renderEntries, renderExpr, type JsonObject } from '../../backends/sagemaker/expressions.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { constantOf, literal, type Expr } from '../../ir/expr.js';
import { archive, bundleOf, type CodeBundle } from '../../lower/code-bundle.js';
import type { LoweringContext } from '../../lower/context.js';
import { networkOf } from '../../lower/job-settings.js';
import { s3Path } from '../../lower/s3-paths.js';
import { mapLimits } from '../../sagemaker/map-limits.js';
import type { StepType } from '../../link/step-library.js';
import type { WiredNode } from '../../stages.js';
import type { FrameworkImage } from '../../../schema/types.generated.js';
import { valueAt } from '../../validate/schema-errors.js';

/** One container of a model: ContainerDefinition (CreateModel) or ModelPackageContainerDefinition. */
export interface ContainerIR {
  hostname?: string;
  image: Expr;
  modelData?: Expr;
  environment: [string, Expr][];
  /** Framework and FrameworkVersion of a framework image (a registered package names them). */
  framework?: { name: string; version: string };
}

/** Where the serving toolkits read the entry point and its folder (the SDK's Model does the same). */
const programVariable = 'SAGEMAKER_PROGRAM';
const directoryVariable = 'SAGEMAKER_SUBMIT_DIRECTORY';
/** The model archive is extracted to /opt/ml/model; code/ in it is where the toolkits look. */
const archiveCodeDirectory = '/opt/ml/model/code';

/** botocore's EnvironmentMap, ContainerDefinition's and ModelPackageContainerDefinition's Environment. */
const environmentLimits = mapLimits('EnvironmentMap');

/** The names ModelPackageContainerDefinition.Framework takes for plc's framework images (Inference Recommender's list). */
const frameworkNames: Record<FrameworkImage['framework'], string> = { xgboost: 'XGBOOST', pytorch: 'PYTORCH', sklearn: 'SAGEMAKER-SCIKIT-LEARN' };

const frameworkOf = (image: string | FrameworkImage | undefined): ContainerIR['framework'] =>
  typeof image === 'string' || image === undefined ? undefined : { name: frameworkNames[image.framework], version: image.version };

/** The step type's serving rules beyond the schema; `kind` says whether an execution mode applies. */
export function checkServing(step: StepType, bag: DiagnosticBag, kind: { mode: boolean }): void {
  const { doc, source } = step;
  const serving = doc.serving ?? {};
  const misuse = (path: (string | number)[], what: string, problem: string, hint: string) => bag.report('PLC5080', source.locate(path, 'key'), { what, step: doc.name, problem, hint });
  for (const key of ['env', 'arguments'] as const) {
    if (doc.script?.[key] !== undefined) misuse(['script', key], `script.${key}`, 'is not read: a serving container imports the entry point, it does not run it', key === 'env' ? 'Set the container\'s environment in serving.environment.' : 'Read settings from serving.environment instead of arguments.');
  }
  if (serving.code !== undefined && !doc.script) misuse(['serving', 'code'], 'serving.code', 'says where the script\'s code is read, but the step type has no script', 'Add script.entryPoint (the inference script), or remove serving.code.');
  if (serving.mode !== undefined && (!kind.mode || !serving.containers)) misuse(['serving', 'mode'], 'serving.mode', kind.mode ? 'sets how several containers are invoked, but there is one' : `is not used by ${doc.sagemaker}: a registered package has no execution mode`, kind.mode ? 'Add serving.containers, or remove serving.mode.' : 'Set the mode on the Model step type that deploys the package, and remove it here.');
  const hostnames = [serving.hostname, ...(serving.containers ?? []).map((c) => c.hostname)];
  const named = hostnames.findIndex((h) => h !== undefined);
  const unnamed = hostnames.findIndex((h) => h === undefined);
  if (serving.containers && named !== -1 && unnamed !== -1) {
    const path = named === 0 ? ['serving', 'hostname'] : ['serving', 'containers', named - 1, 'hostname'];
    misuse(path, path.join('.'), `names one container but not ${unnamed === 0 ? 'the step type\'s own' : `container ${unnamed}`}`, 'CreateModel takes a ContainerHostname on every container of an inference pipeline or on none: set serving.hostname and each one\'s hostname, or none.');
  }
  if (serving.hostname !== undefined && !serving.containers) misuse(['serving', 'hostname'], 'serving.hostname', 'names the container of an inference pipeline, but there is one container', 'Add serving.containers, or remove serving.hostname.');
  if (doc.script) {
    for (const variable of [programVariable, directoryVariable]) {
      if (serving.environment && Object.hasOwn(serving.environment, variable)) misuse(['serving', 'environment', variable], `serving.environment.${variable}`, 'is what plc sets for the script', 'Remove it: plc names the entry point and where its code is.');
    }
    checkCodeRoot(step, bag);
    checkCodeIsRead(step, bag);
  }
  checkContainerModels(step, bag);
}

/**
 * Framework images whose serving container reads the inference code only from code/ in the model
 * archive, from the version on: PyTorch from 1.2 runs TorchServe/MMS (the SageMaker SDK's
 * PyTorchModel._is_mms_version, which repacks the code into the archive), which ignores an
 * uploaded SAGEMAKER_SUBMIT_DIRECTORY. See docs/decisions.md.
 */
const archiveOnlyFrom: Partial<Record<FrameworkImage['framework'], number[]>> = { pytorch: [1, 2] };

const atLeast = (version: string, from: number[]): boolean => {
  const parts = version.split(/[.-]/).map((part) => Number.parseInt(part, 10));
  for (const [i, bound] of from.entries()) {
    const part = parts[i] ?? 0;
    if (Number.isNaN(part) || part !== bound) return !Number.isNaN(part) && part > bound;
  }
  return true;
};

/** PLC5083: uploaded code where the step type's framework container reads only the model archive. */
function checkCodeIsRead(step: StepType, bag: DiagnosticBag): void {
  const image = step.doc.compute?.image;
  if (typeof image !== 'object' || step.doc.serving?.code === 'archive') return;
  const from = archiveOnlyFrom[image.framework];
  if (!from || !atLeast(image.version, from)) return;
  const at = step.doc.serving?.code !== undefined ? ['serving', 'code'] : ['script', 'entryPoint'];
  bag.report('PLC5083', step.source.locate(at), { step: step.doc.name, framework: image.framework, version: image.version });
}

/** The serving toolkits import the entry point as a module from its folder, so the code ships from there. */
function checkCodeRoot(step: StepType, bag: DiagnosticBag): void {
  const script = step.doc.script!;
  const folder = posix.dirname(script.entryPoint);
  const report = (path: (string | number)[], file: string) => bag.report('PLC4050', step.source.locate(path), { step: step.doc.name, file, folder: script.sourceDir ?? (folder === '.' ? 'the step file\'s folder' : folder) });
  if (script.sourceDir !== undefined) {
    if (folder !== '.') report(['script', 'entryPoint'], script.entryPoint);
    return;
  }
  for (const [i, file] of (script.include ?? []).entries()) {
    if (folder !== '.' && !posix.normalize(file).startsWith(`${folder}/`)) report(['script', 'include', i], file);
  }
}

/** The first model input is the step's own container's; every other one is named by exactly one container. */
function checkContainerModels(step: StepType, bag: DiagnosticBag): void {
  const models = Object.entries(step.doc.inputs ?? {}).filter(([, spec]) => spec.type === 'model').map(([port]) => port);
  const named = new Map<string, number>();
  for (const [i, container] of (step.doc.serving?.containers ?? []).entries()) {
    if (container.model === undefined) continue;
    const problem = !models.includes(container.model) ? `names no model input of the step type (model inputs: ${models.join(', ') || 'none'})`
      : container.model === models[0] ? 'is the step type\'s own container\'s model (its first model input)'
      : named.has(container.model) ? `is already served by container ${named.get(container.model)! + 1}` : undefined;
    if (problem) bag.report('PLC5081', step.source.locate(['serving', 'containers', i, 'model']), { step: step.doc.name, port: container.model, problem });
    named.set(container.model, i);
  }
  for (const port of models.slice(1)) {
    if (!named.has(port)) bag.report('PLC5081', step.source.locate(['inputs', port], 'key'), { step: step.doc.name, port, problem: 'is served by no container of serving.containers' });
  }
}

/** The containers of a node, the step type's own first; undefined when one cannot be lowered (reported). */
export function lowerContainers(node: WiredNode, context: LoweringContext): ContainerIR[] | undefined {
  const doc = node.step.doc;
  const serving = doc.serving ?? {};
  const image = context.image(node, 'inference');
  const modelData = context.fileInput(node, 'model');
  const code = doc.script ? codeEnvironment(node, context) : [];
  const environment = [...context.entries(node, serving.environment ?? {}, ['serving', 'environment']), ...(code ?? [])];
  context.checkStringMap(node, environment, environmentLimits, 'environment variable', ['serving', 'environment']);
  const framework = doc.compute && frameworkOf(doc.compute.image);
  const own: ContainerIR | undefined = image && modelData && code ? { ...(serving.hostname !== undefined ? { hostname: serving.hostname } : {}), image, modelData, environment, ...(framework ? { framework } : {}) } : undefined;
  const others = (serving.containers ?? []).map((container, i): ContainerIR | undefined => {
    const at = ['serving', 'containers', i];
    const image = context.image(node, 'inference', undefined, [...at, 'image']);
    const modelData = container.model === undefined ? undefined : context.portFile(node, container.model);
    const environment = context.entries(node, container.environment ?? {}, [...at, 'environment']);
    context.checkStringMap(node, environment, environmentLimits, 'environment variable', [...at, 'environment']);
    const framework = frameworkOf(container.image);
    if (!image || (container.model !== undefined && !modelData)) return undefined;
    return { ...(container.hostname !== undefined ? { hostname: container.hostname } : {}), image, ...(modelData ? { modelData } : {}), environment, ...(framework ? { framework } : {}) };
  });
  return own && others.every((c) => c !== undefined) ? [own, ...(others as ContainerIR[])] : undefined;
}

/**
 * SAGEMAKER_PROGRAM and SAGEMAKER_SUBMIT_DIRECTORY for the step type's script: its code uploaded as
 * a content-addressed sourcedir.tar.gz (serving.code upload), or read from the model archive's code/.
 */
function codeEnvironment(node: WiredNode, context: LoweringContext): [string, Expr][] | undefined {
  const collected = context.bundle(node);
  const bundle = collected && rootedAtEntryPoint(collected);
  if (!bundle) return undefined;
  const program: [string, Expr] = [programVariable, literal(bundle.entryPoint)];
  if (node.step.doc.serving?.code === 'archive') return [program, [directoryVariable, literal(archiveCodeDirectory)]];
  const isolation = networkOf(node)?.isolation;
  if (isolation && constantOf(isolation) === true) {
    // Where the setting is written: the node's config, else the pipeline's defaults.
    const setting = ['config', 'network', 'enableNetworkIsolation'];
    const site = valueAt(node.doc, setting) !== undefined ? ['nodes', node.id, ...setting] : valueAt(context.pipeline.doc, ['defaults', ...setting.slice(1)]) !== undefined ? ['defaults', ...setting.slice(1)] : ['nodes', node.id, 'step'];
    context.bag.report('PLC5082', context.pipeline.source.locate(site), { node: node.id, step: node.step.doc.name });
    return undefined;
  }
  const prefix = context.codeLocation();
  if (!prefix) return undefined;
  const key = `code/${bundle.hash}/sourcedir.tar.gz`;
  context.addCode(key, () => archive(bundle), bundle.files.map((file) => file.source));
  return [program, [directoryVariable, s3Path(prefix, key)]];
}

/** Each step type's bundle rebased once (and hashed again once), however many nodes use it. */
const rebased = new WeakMap<CodeBundle, CodeBundle | undefined>();

/** The bundle with paths from the entry point's folder (checked by checkCodeRoot); undefined when a file lies outside it. */
function rootedAtEntryPoint(bundle: CodeBundle): CodeBundle | undefined {
  if (!rebased.has(bundle)) rebased.set(bundle, rebase(bundle));
  return rebased.get(bundle);
}

function rebase(bundle: CodeBundle): CodeBundle | undefined {
  const folder = posix.dirname(bundle.entryPoint);
  if (folder === '.') return bundle;
  const inside = bundle.files.filter((file) => file.path.startsWith(`${folder}/`));
  if (inside.length !== bundle.files.length) return undefined;
  return bundleOf(posix.basename(bundle.entryPoint), inside.map((file) => ({ ...file, path: file.path.slice(folder.length + 1) })));
}

/**
 * A container as CreateModel (ContainerDefinition) or CreateModelPackage's InferenceSpecification
 * (ModelPackageContainerDefinition) takes it. They differ in one thing: a package names its
 * framework. An empty environment is written for a model and left out of a package, as the SDK's
 * ModelStep and RegisterModel steps do (fixtures/sdk-oracles/register-model-steps.json).
 */
export const renderContainer = (container: ContainerIR, api: 'model' | 'package'): JsonObject => compact({
  ContainerHostname: container.hostname,
  Image: renderExpr(container.image),
  Environment: api === 'model' || container.environment.length > 0 ? renderEntries(container.environment) : undefined,
  ModelDataUrl: container.modelData && renderExpr(container.modelData),
  Framework: api === 'package' ? container.framework?.name : undefined,
  FrameworkVersion: api === 'package' ? container.framework?.version : undefined,
});
