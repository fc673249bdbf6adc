// Pass 7, lower: turn the wired pipeline into the backend-neutral IR. Step-type bindings are
// resolved against each node's config; images resolve per region; code becomes content-addressed
// objects under codePrefix; output locations default to <outputPrefix>/<step name>/<port>.
import type { PipelineDocument } from '../../schema/types.generated.js';
import type { StepType } from '../link/step-library.js';
import { describeTypes, valueAt } from '../validate/schema-errors.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { asString, concat, constantOf, isExpr, literal, type Expr, type Value } from '../ir/expr.js';
import type { CodeObject, DataEdgeIR, ModelStepIR, ParameterIR, PipelineIR, ProcessingStepIR, RegisterModelStepIR, Resources, RetryPolicyIR, StepIR, TrainingStepIR, TransformStepIR } from '../ir/pipeline.js';
import { isTrainingJobKind } from '../sagemaker/kinds.js';
import { interpolate } from '../interpolation/interpolate.js';
import { singleReference } from '../interpolation/template.js';
import { hasOwn } from '../util/own.js';
import type { DataPath, Location } from '../source/source-file.js';
import { resolveImageUri, type ImageScope } from '../sagemaker/images.js';
import { apiLimits } from '../sagemaker/api-limits.js';
import { isTrainingOutputPath, processingCodeDir } from '../sagemaker/property-paths.js';
import type { InputSource, WiredNode, WiredPipeline } from '../wire/wire-pipeline.js';
import { archive, collectCode, type CodeBundle } from './code-bundle.js';
import type { ControlLinks } from '../check/graph.js';
import { arrangeSteps } from '../control/branches.js';
import type { NodeBindings } from './context.js';
import { containerlessLowerings } from './containerless.js';
import { lowerTuning } from './tuning.js';


export function lowerPipeline(pipeline: WiredPipeline, links: ControlLinks, bag: DiagnosticBag): PipelineIR {
  const code = new Map<string, CodeObject>();
  const lowering = new NodeLowering(pipeline, bag, code);
  const lowered = new Map<string, StepIR>(links.controls.map((c) => [c.node.id, c.step]));
  for (const node of pipeline.wired) {
    const step = lowering.lower(node);
    if (step) lowered.set(node.id, step);
  }
  const steps = arrangeSteps(pipeline, lowered, links.owners);
  return {
    name: pipeline.doc.name,
    ...(pipeline.doc.description !== undefined ? { description: pipeline.doc.description } : {}),
    parameters: lowerParameters(pipeline.doc, pipeline.source.keysInOrder(['parameters'])),
    steps,
    code: [...code].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, object]) => object),
    edges: dataEdges(pipeline),
  };
}

/** The wired edges by step name rather than node id, as the rest of the IR names steps. */
function dataEdges(pipeline: WiredPipeline): DataEdgeIR[] {
  const stepName = new Map(pipeline.nodes.map((n) => [n.id, n.stepName]));
  return pipeline.edges.map(({ from, to }) => ({ from: { step: stepName.get(from.node)!, port: from.port }, to: { step: stepName.get(to.node)!, port: to.port } }));
}

function lowerParameters(doc: PipelineDocument, order: readonly string[]): ParameterIR[] {
  return order.map((name) => [name, doc.parameters![name]!] as const).map(([name, p]) => ({
    name,
    type: p.type,
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.enum !== undefined ? { enum: p.enum } : {}),
  }));
}

/** Removes trailing slashes so joined S3 paths never get `//`. */
function withoutTrailingSlash(expr: Expr): Expr {
  if (expr.kind === 'literal' && typeof expr.value === 'string') return literal(expr.value.replace(/\/+$/, ''));
  if (expr.kind === 'join' && expr.on === '' && expr.values.length > 0) {
    return { ...expr, values: [...expr.values.slice(0, -1), withoutTrailingSlash(expr.values.at(-1)!)] };
  }
  return expr;
}

function s3Path(prefix: Expr, ...segments: string[]): Expr {
  return concat([withoutTrailingSlash(prefix), literal('/' + segments.join('/'))]);
}

/** What every step kind carries besides its kind-specific job. */
type StepBaseIR = Pick<ProcessingStepIR, 'name' | 'origin' | 'displayName' | 'description' | 'dependsOn' | 'cache' | 'retry'>;

/** The parts of a job that are resolved the same way for every kind. */
interface JobParts {
  role: Expr;
  image: Expr;
  resources: Resources;
  environment: [string, Expr][];
  bundle: CodeBundle | undefined;
}

class NodeLowering implements NodeBindings {
  private codePrefixReported = false;

  private readonly stepNames: ReadonlyMap<string, string>;
  /** The nodes whose outputs feed each node, found in one pass over the edges. */
  private readonly feeding = new Map<string, Set<string>>();

  constructor(readonly pipeline: WiredPipeline, readonly bag: DiagnosticBag, private readonly code: Map<string, CodeObject>) {
    this.stepNames = new Map(pipeline.nodes.map((n) => [n.id, n.stepName]));
    for (const edge of pipeline.edges) {
      if (!this.feeding.has(edge.to.node)) this.feeding.set(edge.to.node, new Set());
      this.feeding.get(edge.to.node)!.add(edge.from.node);
    }
  }

  lower(node: WiredNode): StepIR | undefined {
    const step = node.step.doc;
    const base = {
      name: node.stepName,
      origin: { stepType: step.name, ...(node.jobType !== undefined ? { jobType: node.jobType } : {}) },
      ...(node.doc.displayName !== undefined ? { displayName: node.doc.displayName } : {}),
      ...(node.doc.description !== undefined ? { description: node.doc.description } : {}),
      dependsOn: this.dependsOn(node),
      ...(node.doc.cache ? { cache: typeof node.doc.cache === 'object' ? { expireAfter: node.doc.cache.expireAfter } : {} } : {}),
      retry: this.retryPolicies(node),
    };
    const bundle = step.script ? this.bundle(node) : undefined;
    if (!node.configValid) return undefined; // reported by bind; bindings would only repeat it
    const containerless = containerlessLowerings.get(step.sagemaker);
    if (containerless) return containerless(node, base, this);
    if (!step.compute) return undefined; // reported by the step checks
    if (step.sagemaker === 'Model' || step.sagemaker === 'Transform' || step.sagemaker === 'RegisterModel') {
      if (node.doc.cache && step.sagemaker !== 'Transform') {
        this.bag.report('PLC5014', this.pipeline.source.locate(['nodes', node.id, 'cache'], 'key'), { kind: step.sagemaker, node: node.id });
      }
      return step.sagemaker === 'Model' ? this.model(node, base) : step.sagemaker === 'Transform' ? this.transform(node, base) : this.registerModel(node, base);
    }
    const role = this.configExpr(node, 'role');
    const resources = this.resources(node);
    const image = this.image(node, isTrainingJobKind(step.sagemaker) ? 'training' : 'processing');
    if (!role || !image || !resources || (step.script && !bundle)) return undefined;
    const environment = this.entries(node, step.script?.env ?? {}, ['script', 'env']);
    const environmentLimits = step.sagemaker === 'Processing' ? apiLimits.processingEnvironment : apiLimits.trainingEnvironment;
    this.checkStringMap(node, environment, environmentLimits, 'environment variable', ['script', 'env']);
    return step.sagemaker === 'Processing'
      ? this.processing(node, base, { role, image, resources, environment, bundle })
      : step.sagemaker === 'Tuning'
        ? lowerTuning(node, this.training(node, base, { role, image, resources, environment, bundle }), this)
        : this.training(node, base, { role, image, resources, environment, bundle });
  }

  private processing(node: WiredNode, base: StepBaseIR, { role, image, resources, environment, bundle }: JobParts): ProcessingStepIR {
    const step = node.step.doc;
    const inputs = Object.entries(step.inputs ?? {})
      .filter(([port]) => node.inputs.has(port))
      .map(([port, spec]) => ({ name: port, localPath: spec.path!, source: node.inputs.get(port)!.location }));
    const outputs = Object.entries(step.outputs ?? {}).map(([port, spec]) => ({
      name: port,
      localPath: spec.path!,
      destination: node.outputLocations.get(port) ?? this.defaultLocation(node, port),
    }));
    const propertyFiles = Object.entries(step.outputs ?? {})
      .filter(([, spec]) => spec.propertyFile)
      .map(([port, spec]) => ({ name: spec.propertyFile!.name, output: port, path: spec.propertyFile!.path }));
    const lowered: ProcessingStepIR = {
      kind: 'Processing', ...base, image, role, resources,
      arguments: this.list(node, step.script?.arguments ?? [], ['script', 'arguments']),
      environment, inputs, outputs, propertyFiles,
    };
    if (bundle) {
      const prefix = this.codeLocation();
      for (const file of bundle.files) {
        const key = `code/${bundle.hash}/${file.path}`;
        this.code.set(key, { key, bytes: file.bytes, sources: [file.source] });
      }
      lowered.inputs.push({ name: 'code', localPath: processingCodeDir, source: prefix === undefined ? literal('') : s3Path(prefix, 'code', bundle.hash, '') });
      lowered.entrypoint = [literal('python3'), literal(`${processingCodeDir}/${bundle.entryPoint}`)];
    }
    return lowered;
  }

  private training(node: WiredNode, base: StepBaseIR, { role, image, resources, environment, bundle }: JobParts): TrainingStepIR {
    const step = node.step.doc;
    const training = step.training ?? {};
    const channels = Object.keys(step.inputs ?? {}).filter((port) => node.inputs.has(port)).map((port) => ({ name: port, source: node.inputs.get(port)!.location }));
    const hyperparameters = this.hyperparameters(node);
    if (bundle) {
      const prefix = this.codeLocation();
      const key = `code/${bundle.hash}/sourcedir.tar.gz`;
      // One archive per bundle, however many nodes train with it: the key is the bundle's hash.
      if (!this.code.has(key)) this.code.set(key, { key, bytes: archive(bundle), sources: bundle.files.map((file) => file.source) });
      // Script mode reads these JSON-encoded, as the SageMaker SDK writes them.
      hyperparameters.push(['sagemaker_program', literal(JSON.stringify(bundle.entryPoint))]);
      if (prefix) hyperparameters.push(['sagemaker_submit_directory', literal(JSON.stringify(constantOf(s3Path(prefix, key))))]);
    }
    this.checkStringMap(node, hyperparameters, apiLimits.hyperParameters, 'hyperparameter', ['training', 'hyperparameters']);
    const spot = training.spot !== undefined ? this.typed(node, training.spot, ['training', 'spot'], 'boolean') : undefined;
    const maxWaitSeconds = training.maxWaitSeconds !== undefined ? this.typed(node, training.maxWaitSeconds, ['training', 'maxWaitSeconds'], 'integer') : undefined;
    if (spot && constantOf(spot) === true && !maxWaitSeconds) {
      this.bag.report('PLC5006', node.step.source.locate(['training', 'spot']), { step: step.name });
    }
    return {
      kind: 'Training', ...base, image, role,
      resources: { ...resources, maxRuntimeSeconds: resources.maxRuntimeSeconds ?? literal(86400) },
      ...(maxWaitSeconds ? { maxWaitSeconds } : {}),
      inputMode: training.inputMode ?? 'File',
      channels,
      outputPath: this.trainingOutputPath(node),
      hyperparameters,
      environment,
      ...(spot ? { spot } : {}),
      debugHook: training.debugHook ?? false,
      ...(training.profilerIntervalMs !== undefined ? { profilerIntervalMs: training.profilerIntervalMs } : {}),
    };
  }

  private model(node: WiredNode, base: StepBaseIR): ModelStepIR | undefined {
    const role = this.configExpr(node, 'role');
    const image = this.image(node, 'inference');
    const modelData = this.fileInput(node, 'model');
    return role && image && modelData ? { kind: 'Model', ...base, role, image, modelData } : undefined;
  }

  private transform(node: WiredNode, base: StepBaseIR): TransformStepIR | undefined {
    const settings = node.step.doc.transform ?? {};
    const modelName = this.inputOfType(node, 'model-name');
    const input = this.inputOfType(node, 'dataset');
    const [port] = Object.keys(node.step.doc.outputs ?? {});
    const instanceType = this.instanceType(node);
    const instanceCount = node.step.doc.compute?.instanceCount === undefined ? literal(1) : this.typed(node, node.step.doc.compute.instanceCount, ['compute', 'instanceCount'], 'integer');
    const optional = (key: 'contentType' | 'accept' | 'maxPayloadMB', type: 'string' | 'integer') =>
      settings[key] === undefined ? {} : { [key]: this.typed(node, settings[key], ['transform', key], type) };
    if (!modelName || !input || port === undefined || !instanceType || !instanceCount) return undefined;
    return {
      kind: 'Transform', ...base,
      modelName: modelName.location,
      input: input.location,
      output: node.outputLocations.get(port) ?? this.defaultLocation(node, port),
      resources: { instanceType, instanceCount },
      ...optional('contentType', 'string'),
      ...optional('accept', 'string'),
      ...optional('maxPayloadMB', 'integer'),
      ...(settings.splitType ? { splitType: settings.splitType } : {}),
      ...(settings.assembleWith ? { assembleWith: settings.assembleWith } : {}),
      ...(settings.batchStrategy ? { batchStrategy: settings.batchStrategy } : {}),
    } as TransformStepIR;
  }

  private registerModel(node: WiredNode, base: StepBaseIR): RegisterModelStepIR | undefined {
    const registration = node.step.doc.registration!;
    const image = this.image(node, 'inference');
    const model = this.fileInput(node, 'model');
    const metrics = this.inputOfType(node, 'metrics') && this.fileInput(node, 'metrics');
    const payload = this.inputOfType(node, 'payload') && this.fileInput(node, 'payload');
    const constraints = this.inputOfType(node, 'constraints') && this.fileInput(node, 'constraints');
    const group = this.typed(node, registration.modelPackageGroup, ['registration', 'modelPackageGroup'], 'string');
    const approvalStatus = registration.approvalStatus === undefined ? literal('PendingManualApproval') : this.typed(node, registration.approvalStatus, ['registration', 'approvalStatus'], 'string');
    const description = registration.description === undefined ? undefined : this.typed(node, registration.description, ['registration', 'description'], 'string');
    if (!image || !model || !group || !approvalStatus) return undefined;
    return {
      kind: 'RegisterModel', ...base, image, group, approvalStatus,
      modelData: model,
      ...(description ? { packageDescription: description } : {}),
      // The API accepts a package without them, but endpoints and transforms need to know.
      contentTypes: registration.contentTypes ?? ['text/csv'],
      responseTypes: registration.responseTypes ?? ['text/csv'],
      ...(registration.inferenceInstanceTypes ? { inferenceInstanceTypes: registration.inferenceInstanceTypes } : {}),
      ...(registration.transformInstanceTypes ? { transformInstanceTypes: registration.transformInstanceTypes } : {}),
      ...(metrics ? { metrics: { contentType: registration.metricsContentType ?? 'application/json', location: metrics } } : {}),
      ...(constraints ? { constraints: { contentType: registration.constraintsContentType ?? 'application/json', location: constraints } } : {}),
      tags: this.entries(node, registration.tags ?? {}, ['registration', 'tags']),
      ...(payload ? { samplePayload: payload } : {}),
      ...(registration.task ? { task: registration.task } : {}),
    };
  }

  /** after: neighbours that feed the node no data; a data edge already orders the steps. */
  private dependsOn(node: WiredNode): string[] {
    const feeding = this.feeding.get(node.id);
    return [...new Set(node.doc.after ?? [])].filter((id) => !feeding?.has(id)).map((id) => this.stepNames.get(id)).filter((n): n is string => n !== undefined);
  }

  /** The bound input of a kind whose ports have fixed roles by type (see check/step-contract). */
  private inputOfType(node: WiredNode, type: string): InputSource | undefined {
    const port = Object.entries(node.step.doc.inputs ?? {}).find(([, spec]) => spec.type === type)?.[0];
    return port === undefined ? undefined : node.inputs.get(port);
  }

  /** An input the API takes as one S3 object (ModelDataUrl, SamplePayloadUrl, metrics). */
  private fileInput(node: WiredNode, type: string): Expr | undefined {
    const input = this.inputOfType(node, type);
    if (!input) return undefined;
    if (input.file !== undefined) return s3Path(input.location, input.file);
    if (input.folder) {
      const port = Object.entries(node.step.doc.inputs ?? {}).find(([, spec]) => spec.type === type)![0];
      // A matched input has no inputs: entry; its producer came from after:.
      const site = Object.hasOwn(node.doc.inputs ?? {}, port) ? ['nodes', node.id, 'inputs', port] : ['nodes', node.id, 'after'];
      this.bag.report('PLC3011', this.pipeline.source.locate(site), { node: node.id, port, producer: input.folder.node, output: input.folder.port });
      return undefined;
    }
    return input.location;
  }

  /** A training job has one S3OutputPath; a node may place it through either output port. */
  private trainingOutputPath(node: WiredNode): Expr {
    const placed = Object.entries(node.step.doc.outputs ?? {})
      .filter(([port, spec]) => node.outputLocations.has(port) && spec.path !== undefined && isTrainingOutputPath(spec.path))
      .map(([port]) => [port, node.outputLocations.get(port)!] as const);
    const distinct = new Set(placed.map(([, e]) => JSON.stringify(e)));
    if (distinct.size > 1) {
      this.bag.report('PLC5005', this.pipeline.source.locate(['nodes', node.id, 'outputs']), { what: 'outputs of a training node', value: placed.map(([p]) => p).join(', '), detail: 'a training job writes all outputs under one S3OutputPath; place at most one of them' });
    }
    return placed[0]?.[1] ?? this.defaultLocation(node);
  }

  private defaultLocation(node: WiredNode, port?: string): Expr {
    const prefix = node.config.get('outputPrefix')!.value as Expr;
    return port === undefined ? s3Path(prefix, node.stepName) : s3Path(prefix, node.stepName, port);
  }

  /** Code is collected once per step type, however many nodes use it. */
  private bundle(node: WiredNode): CodeBundle | undefined {
    if (!this.bundles.has(node.step)) this.bundles.set(node.step, collectCode(node.step, this.bag));
    return this.bundles.get(node.step);
  }

  private readonly bundles = new Map<StepType, CodeBundle | undefined>();

  private codeLocation(): Expr | undefined {
    const prefix = this.pipeline.doc.codePrefix;
    if (prefix === undefined) {
      if (!this.codePrefixReported) {
        const first = this.pipeline.wired.find((n) => n.step.doc.script)!;
        this.bag.report('PLC7004', this.pipeline.source.locate(['nodes', first.id, 'step']), { step: first.step.doc.name });
        this.codePrefixReported = true;
      }
      return undefined;
    }
    return literal(prefix);
  }

  private image(node: WiredNode, scope: ImageScope): Expr | undefined {
    const image = node.step.doc.compute?.image;
    const step = node.step.doc.name;
    if (image === undefined) return undefined;
    if (typeof image === 'string') return this.scalar(node, image, ['compute', 'image']);
    const region = this.pipeline.doc.region;
    if (region === undefined) {
      this.bag.report('PLC7002', this.pipeline.source.locate(['nodes', node.id, 'step']), { step, framework: image.framework });
      return undefined;
    }
    const instanceType = constantOf(this.resourcesCache.get(node)?.instanceType);
    // Only PyTorch has GPU images; other frameworks' one image serves every instance type.
    const processor = image.processor ?? (image.framework === 'pytorch' && typeof instanceType === 'string' && /^ml\.(p|g)\d/.test(instanceType) ? 'gpu' : 'cpu');
    const resolved = resolveImageUri({ framework: image.framework, version: image.version, processor, scope, region, ...(image.pyVersion ? { pyVersion: image.pyVersion } : {}) });
    if (resolved.ok) return literal(resolved.uri);
    const value = { framework: image.framework, version: image.version, region, processor, pyVersion: image.pyVersion ?? '' }[resolved.problem];
    const at = resolved.problem === 'region' ? this.pipeline.source.locate(['region']) : node.step.source.locate(['compute', 'image', resolved.problem]);
    this.bag.report('PLC7003', at, { framework: image.framework, field: resolved.problem, value, allowed: resolved.allowed }, suggest(value, resolved.allowed));
    return undefined;
  }

  private readonly resourcesCache = new Map<WiredNode, Resources>();

  private resources(node: WiredNode): Resources | undefined {
    const compute = node.step.doc.compute;
    const get = (key: 'instanceCount' | 'volumeSizeGB' | 'maxRuntimeSeconds', fallback?: number) => {
      const raw = compute?.[key];
      return raw === undefined ? (fallback === undefined ? undefined : literal(fallback)) : this.typed(node, raw, ['compute', key], 'integer');
    };
    const instanceType = this.instanceType(node);
    const instanceCount = get('instanceCount', 1);
    const volumeSizeGB = get('volumeSizeGB', 30);
    const maxRuntimeSeconds = get('maxRuntimeSeconds');
    if (!instanceType || !instanceCount || !volumeSizeGB) return undefined;
    const resources = { instanceType, instanceCount, volumeSizeGB, ...(maxRuntimeSeconds ? { maxRuntimeSeconds } : {}) };
    this.resourcesCache.set(node, resources);
    return resources;
  }

  private hyperparameters(node: WiredNode): [string, Expr][] {
    const raw = node.step.doc.training?.hyperparameters;
    if (raw === undefined) return [];
    if (typeof raw === 'object') return this.entries(node, raw, ['training', 'hyperparameters']);
    const value = this.bind(node, raw, ['training', 'hyperparameters']);
    if (!value) return [];
    if (value.kind !== 'map' || !value.entries.every(([, v]) => isExpr(v))) {
      this.bag.report('PLC0101', node.step.source.locate(['training', 'hyperparameters']), { where: '"training.hyperparameters"', expected: 'a mapping of single values' });
      return [];
    }
    return value.entries.map(([k, v]) => [k, asString(v as Expr)]);
  }

  private retryPolicies(node: WiredNode): RetryPolicyIR[] {
    return (node.doc.retry ?? []).map((policy, i) => {
      if (policy.maxAttempts !== undefined && policy.expireAfterMin !== undefined) {
        this.bag.report('PLC0105', this.pipeline.source.locate(['nodes', node.id, 'retry', i]), { where: `retry policy ${i + 1} of node "${node.id}"`, detail: 'sets both maxAttempts and expireAfterMin; give one of them' });
      }
      return {
        exceptionTypes: policy.exceptionTypes,
        intervalSeconds: policy.intervalSeconds ?? 1,
        backoffRate: policy.backoffRate ?? 2,
        ...(policy.maxAttempts !== undefined ? { maxAttempts: policy.maxAttempts } : {}),
        ...(policy.expireAfterMin !== undefined ? { expireAfterMin: policy.expireAfterMin } : {}),
      };
    });
  }

  private configExpr(node: WiredNode, key: string): Expr | undefined {
    const value = node.config.get(key)?.value;
    return value && isExpr(value) ? value : undefined;
  }

  bind(node: WiredNode, raw: unknown, path: DataPath): Value | undefined {
    return interpolate(raw, { source: node.step.source, path }, node.stepScope, this.bag);
  }

  /** The instance type, checked against the API's list for the step's kind when it is a literal. */
  private instanceType(node: WiredNode): Expr | undefined {
    const raw = node.step.doc.compute?.instanceType;
    const expr = this.typed(node, raw, ['compute', 'instanceType'], 'string');
    const kind = (isTrainingJobKind(node.step.doc.sagemaker) ? 'Training' : node.step.doc.sagemaker) as keyof typeof apiLimits.instanceTypes;
    const allowed: readonly string[] = apiLimits.instanceTypes[kind];
    const value = constantOf(expr);
    if (typeof value !== 'string' || allowed.includes(value)) return expr;
    this.bag.report('PLC5015', this.bindingLocation(node, raw, ['compute', 'instanceType']), { value, kind, allowed: [...allowed] }, suggest(value, allowed));
    return undefined;
  }

  /** Where a binding's value was written: the config value it names, or the step type's own text. */
  private bindingLocation(node: WiredNode, raw: unknown, path: DataPath): Location {
    const reference = typeof raw === 'string' ? singleReference(raw) : undefined;
    const entry = reference?.startsWith('config.') ? node.config.get(reference.slice('config.'.length)) : undefined;
    return entry ? entry.origin.source.locate(entry.origin.path) : node.step.source.locate(path);
  }

  /** Entry count and value lengths of a string map the API bounds (environment, hyperparameters). */
  private checkStringMap(node: WiredNode, entries: readonly [string, Expr][], limits: { entries: { max: number }; value: { max: number } }, what: 'environment variable' | 'hyperparameter', path: DataPath): void {
    if (entries.length > limits.entries.max) {
      this.bag.report('PLC5016', node.step.source.locate(path, 'key'), { node: node.id, count: entries.length, what: `${what}s`, max: limits.entries.max });
    }
    const bindings = valueAt(node.step.doc, path) as Record<string, unknown> | undefined;
    for (const [key, value] of entries) {
      const text = constantOf(value);
      if (typeof text === 'string' && text.length > limits.value.max) {
        const at = this.bindingLocation(node, bindings && typeof bindings === 'object' ? bindings[key] : undefined, [...path, key]);
        this.bag.report('PLC5017', at, { what, key, node: node.id, length: text.length, max: limits.value.max });
      }
    }
  }

  /** A binding whose value must have a JSON type: a literal of it, or a parameter of that type. */
  typed(node: WiredNode, raw: unknown, path: DataPath, type: 'string' | 'integer' | 'boolean'): Expr | undefined {
    const expr = this.scalar(node, raw, path);
    if (!expr) return undefined;
    const parameterType = { string: 'String', integer: 'Integer', boolean: 'Boolean' }[type];
    const fits = expr.kind === 'literal'
      ? (type === 'integer' ? Number.isInteger(expr.value) : typeof expr.value === type)
      : expr.kind === 'parameter' ? expr.type === parameterType : type === 'string';
    if (fits) return expr;
    const shown = expr.kind === 'literal' ? JSON.stringify(expr.value) : expr.kind === 'parameter' ? `parameter ${expr.name} (${expr.type})` : 'a joined string';
    this.bag.report('PLC0101', node.step.source.locate(path), { where: `"${path.join('.')}" (for node "${node.id}", ${shown})`, expected: describeTypes(type) });
    return undefined;
  }

  /** A binding that must be one value (not a list or mapping). */
  scalar(node: WiredNode, raw: unknown, path: DataPath): Expr | undefined {
    const value = this.bind(node, raw, path);
    if (!value) return undefined;
    if (isExpr(value)) return value;
    this.bag.report('PLC0101', node.step.source.locate(path), { where: `"${path.join('.')}"`, expected: 'a single value, not a list or mapping' });
    return undefined;
  }

  /**
   * Named string values (environment, hyperparameters). An entry bound to exactly one optional
   * config field that is unset and has no default is left out, so scripts see their own default.
   */
  entries(node: WiredNode, raw: Record<string, unknown>, path: DataPath): [string, Expr][] {
    const out: [string, Expr][] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (this.leftOut(node, value)) continue;
      const expr = this.scalar(node, value, [...path, key]);
      if (expr) out.push([key, asString(expr)]);
    }
    return out;
  }

  /** Whether a binding names exactly one optional config field that is unset and has no default. */
  leftOut(node: WiredNode, raw: unknown): boolean {
    const field = typeof raw === 'string' ? singleReference(raw)?.replace(/^config\./, '') : undefined;
    return field !== undefined && !node.config.has(field) && hasOwn(node.step.doc.config?.properties, field);
  }

  list(node: WiredNode, raw: readonly unknown[], path: DataPath): Expr[] {
    return raw.map((value, i) => this.scalar(node, value, [...path, i])).filter((e): e is Expr => e !== undefined).map(asString);
  }
}
