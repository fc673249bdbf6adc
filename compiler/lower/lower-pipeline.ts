// Pass 7, lower: turn the wired pipeline into the backend-neutral IR. Step-type bindings are
// resolved against each node's config; images resolve per region; code becomes content-addressed
// objects under codePrefix; output locations default to <outputPrefix>/<step name>/<port>.
import type { FrameworkImage, PipelineDocument } from '../../schema/types.generated.js';
import type { StepType } from '../link/step-library.js';
import { describeTypes, valueAt } from '../validate/schema-errors.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { asString, constantOf, isExpr, literal, type Expr, type Value } from '../ir/expr.js';
import type { CodeObject, DataEdgeIR, ParameterIR, PipelineIR, Resources, RetryPolicyIR, StepBaseIR, StepIR } from '../ir/pipeline.js';
import { jobSettingNames } from '../kinds/kind.js';
import { checkNodePorts } from '../kinds/ports.js';
import { runsContainer, stepKind, stepKinds } from '../kinds/registry.js';
import { interpolate } from '../interpolation/interpolate.js';
import { singleReference } from '../interpolation/template.js';
import { hasOwn } from '../util/own.js';
import type { DataPath, Location } from '../source/source-file.js';
import { resolveImageUri, type ImageScope } from '../sagemaker/images.js';
import { collectCode, type CodeBundle } from './code-bundle.js';
import type { ControlLinks } from '../check/graph.js';
import { arrangeSteps } from '../control/branches.js';
import type { LoweringContext } from './context.js';
import { inputUri, s3Path } from './s3-paths.js';
import { checkDeployedApproval } from '../kinds/model/deploy-approval.js';
import type { InputSource, WiredNode, WiredPipeline } from '../stages.js';

export function lowerPipeline(pipeline: WiredPipeline, links: ControlLinks, bag: DiagnosticBag): PipelineIR {
  const code = new Map<string, CodeObject>();
  const lowering = new NodeLowering(pipeline, bag, code);
  const lowered = new Map<string, StepIR>(links.controls.map((c) => [c.node.id, c.step]));
  for (const node of pipeline.wired) {
    const step = lowering.lower(node);
    if (step) lowered.set(node.id, step);
  }
  checkDeployedApproval(pipeline, lowered, bag);
  const steps = arrangeSteps(pipeline, lowered, links.owners);
  return {
    name: pipeline.doc.name,
    ...(pipeline.doc.description !== undefined ? { description: pipeline.doc.description } : {}),
    ...(pipeline.doc.displayName !== undefined ? { displayName: pipeline.doc.displayName } : {}),
    tags: Object.entries(pipeline.doc.tags ?? {}),
    ...(pipeline.doc.parallelism !== undefined ? { parallelism: pipeline.doc.parallelism } : {}),
    experiment: lowerExperiment(pipeline, bag),
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

/**
 * PipelineExperimentConfig: by default, as the SDK writes it, an experiment named after the
 * pipeline and a trial per execution; `experiment: false` leaves it out (no experiment tracking).
 */
function lowerExperiment(pipeline: WiredPipeline, bag: DiagnosticBag): PipelineIR['experiment'] {
  const experiment = pipeline.doc.experiment;
  if (experiment === false) return false;
  const name = (key: 'experimentName' | 'trialName', fallback: string): Expr => {
    const raw = experiment?.[key];
    if (raw === undefined) return { kind: 'execution', name: fallback };
    const value = interpolate(raw, { source: pipeline.source, path: ['experiment', key] }, pipeline.scope, bag);
    return value && isExpr(value) ? value : literal(raw);
  };
  return { experimentName: name('experimentName', 'PipelineName'), trialName: name('trialName', 'PipelineExecutionId') };
}

function lowerParameters(doc: PipelineDocument, order: readonly string[]): ParameterIR[] {
  return order.map((name) => [name, doc.parameters![name]!] as const).map(([name, p]) => ({
    name,
    type: p.type,
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.enum !== undefined ? { enum: p.enum } : {}),
  }));
}

class NodeLowering implements LoweringContext {
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
    const base: StepBaseIR = {
      name: node.stepName,
      origin: { stepType: step.name, ...(node.jobType !== undefined ? { jobType: node.jobType } : {}) },
      ...(node.doc.displayName !== undefined ? { displayName: node.doc.displayName } : {}),
      ...(node.doc.description !== undefined ? { description: node.doc.description } : {}),
      dependsOn: [], // once the step is lowered: its after: entries the step holds no Get of
      ...(node.doc.cache ? { cache: typeof node.doc.cache === 'object' ? { expireAfter: node.doc.cache.expireAfter } : {} } : {}),
      retry: this.retryPolicies(node),
    };
    // Code is checked even when the config is not, so both are reported in one run.
    if (step.script) this.bundle(node);
    if (!node.configValid) return undefined; // reported by bind; bindings would only repeat it
    const kind = stepKind(step.sagemaker);
    if (runsContainer(kind) && !step.compute) return undefined; // reported by the step checks
    if (kind.uncached && node.doc.cache) {
      this.bag.report('PLC5014', this.pipeline.source.locate(['nodes', node.id, 'cache'], 'key'), { kind: kind.name, node: node.id });
    }
    this.checkJobSettings(node);
    checkNodePorts(node, kind, this.pipeline.source, this.bag);
    const lowered = kind.lower(node, base, this);
    if (lowered) lowered.dependsOn = this.dependsOn(node, lowered);
    return lowered;
  }

  /**
   * A job setting in the node's own config that its kind's API has no member for would be dropped,
   * unless the step type declares it and so passes it on itself (EndpointDeployment's network).
   */
  private checkJobSettings(node: WiredNode): void {
    const kind = stepKind(node.step.doc.sagemaker);
    const declared = node.step.doc.config?.properties ?? {};
    for (const setting of jobSettingNames) {
      if (!hasOwn(node.doc.config, setting) || kind.jobSettings.includes(setting) || hasOwn(declared, setting)) continue;
      const kinds = stepKinds.filter((k) => k.jobSettings.includes(setting)).map((k) => k.name);
      this.bag.report('PLC2014', this.pipeline.source.locate(['nodes', node.id, 'config', setting], 'key'), { node: node.id, setting, kind: kind.name, kinds: kinds.join(', ') });
    }
  }

  /**
   * after: neighbours that feed the node no data and whose properties the lowered step holds no Get
   * of; a data edge or a Get already orders the steps. A property read at bind time may never reach
   * the definition (a config field only the build uses), so the reads alone do not decide.
   */
  private dependsOn(node: WiredNode, lowered: StepIR): string[] {
    const feeding = this.feeding.get(node.id);
    const unfed = [...new Set(node.doc.after ?? [])].filter((id) => !feeding?.has(id)).map((id) => this.stepNames.get(id)).filter((n): n is string => n !== undefined);
    // Most after: neighbours feed the node data; the step's Gets are looked for only when one does not.
    if (unfed.length === 0) return unfed;
    const got = stepsGot(lowered);
    return unfed.filter((n) => !got.has(n));
  }

  /** The bound input of a kind whose ports have fixed roles by type (see check/step-contract). */
  inputOfType(node: WiredNode, type: string): InputSource | undefined {
    const port = portOfType(node, type);
    return port === undefined ? undefined : node.inputs.get(port);
  }

  /** An input the API takes as one S3 object (ModelDataUrl, SamplePayloadUrl, metrics). */
  fileInput(node: WiredNode, type: string): Expr | undefined {
    const port = portOfType(node, type);
    return port === undefined ? undefined : this.portFile(node, port);
  }

  portFile(node: WiredNode, port: string): Expr | undefined {
    const input = node.inputs.get(port);
    if (!input) return undefined;
    if (input.file !== undefined) return inputUri(input);
    if (input.folder) {
      // A matched input has no inputs: entry; its producer came from after:.
      const site = Object.hasOwn(node.doc.inputs ?? {}, port) ? ['nodes', node.id, 'inputs', port] : ['nodes', node.id, 'after'];
      this.bag.report('PLC3011', this.pipeline.source.locate(site), { node: node.id, port, producer: input.folder.node, output: input.folder.port });
      return undefined;
    }
    return input.location;
  }

  outputLocation(node: WiredNode, port: string): Expr {
    return node.outputLocations.get(port) ?? this.defaultLocation(node, port);
  }

  defaultLocation(node: WiredNode, port?: string): Expr {
    const prefix = node.config.get('outputPrefix')!.value as Expr;
    return port === undefined ? s3Path(prefix, node.stepName) : s3Path(prefix, node.stepName, port);
  }

  /** Code is collected once per step type, however many nodes use it. */
  bundle(node: WiredNode): CodeBundle | undefined {
    if (!this.bundles.has(node.step)) this.bundles.set(node.step, collectCode(node.step, this.bag));
    return this.bundles.get(node.step);
  }

  private readonly bundles = new Map<StepType, CodeBundle | undefined>();

  codeLocation(): Expr | undefined {
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

  addCode(key: string, bytes: () => Uint8Array, sources: readonly string[]): void {
    // A key names its content (the bundle's hash): one object however many nodes use the code.
    if (this.code.has(key)) return;
    // Made when first read: plc check reads none (a training step's archive is a gzip at level 9).
    let made: Uint8Array | undefined;
    this.code.set(key, { key, get bytes() { return (made ??= bytes()); }, sources: [...sources] });
  }

  image(node: WiredNode, scope: ImageScope, instanceType?: Expr, at: DataPath = ['compute', 'image']): Expr | undefined {
    const image = valueAt(node.step.doc, at) as string | FrameworkImage | undefined;
    const step = node.step.doc.name;
    if (image === undefined) return undefined;
    if (typeof image === 'string') return this.scalar(node, image, at);
    const region = this.pipeline.doc.region;
    if (region === undefined) {
      this.bag.report('PLC7002', this.pipeline.source.locate(['nodes', node.id, 'step']), { step, framework: image.framework });
      return undefined;
    }
    const instance = constantOf(instanceType);
    // Only PyTorch has GPU images; other frameworks' one image serves every instance type.
    const processor = image.processor ?? (image.framework === 'pytorch' && typeof instance === 'string' && /^ml\.(p|g)\d/.test(instance) ? 'gpu' : 'cpu');
    const resolved = resolveImageUri({ framework: image.framework, version: image.version, processor, scope, region, ...(image.pyVersion ? { pyVersion: image.pyVersion } : {}) });
    if (resolved.ok) return literal(resolved.uri);
    const value = { framework: image.framework, version: image.version, region, processor, pyVersion: image.pyVersion ?? '' }[resolved.problem];
    const site = resolved.problem === 'region' ? this.pipeline.source.locate(['region']) : node.step.source.locate([...at, resolved.problem]);
    this.bag.report('PLC7003', site, { framework: image.framework, field: resolved.problem, value, allowed: resolved.allowed }, suggest(value, resolved.allowed));
    return undefined;
  }

  resources(node: WiredNode): Resources | undefined {
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
    return { instanceType, instanceCount, volumeSizeGB, ...(maxRuntimeSeconds ? { maxRuntimeSeconds } : {}) };
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

  role(node: WiredNode): Expr | undefined {
    const value = node.config.get('role')?.value;
    return value && isExpr(value) ? value : undefined;
  }

  bind(node: WiredNode, raw: unknown, path: DataPath): Value | undefined {
    return interpolate(raw, { source: node.step.source, path }, node.stepScope, this.bag);
  }

  bindPipelineValue(raw: unknown, path: DataPath): Value | undefined {
    return interpolate(raw, { source: this.pipeline.source, path }, this.pipeline.scope, this.bag);
  }

  /** The instance type, checked against the API's list for the step's kind when it is a literal. */
  instanceType(node: WiredNode): Expr | undefined {
    const raw = node.step.doc.compute?.instanceType;
    const expr = this.typed(node, raw, ['compute', 'instanceType'], 'string');
    const instances = stepKind(node.step.doc.sagemaker).instanceTypes;
    const value = constantOf(expr);
    if (!instances || typeof value !== 'string' || instances.allowed.includes(value)) return expr;
    this.bag.report('PLC5015', this.bindingLocation(node, raw, ['compute', 'instanceType']), { value, kind: instances.jobs, allowed: [...instances.allowed] }, suggest(value, instances.allowed));
    return undefined;
  }

  /** Where a binding's value was written: the config value it names, or the step type's own text. */
  bindingLocation(node: WiredNode, raw: unknown, path: DataPath): Location {
    const reference = typeof raw === 'string' ? singleReference(raw) : undefined;
    const entry = reference?.startsWith('config.') ? node.config.get(reference.slice('config.'.length)) : undefined;
    return entry ? entry.origin.source.locate(entry.origin.path) : node.step.source.locate(path);
  }

  /** Entry count (PLC5016) and value lengths (PLC5017) of a string map the API bounds (environment, hyperparameters). */
  checkStringMap(node: WiredNode, entries: readonly [string, Expr][], limits: { entries: { max: number }; value: { max: number } }, what: 'environment variable' | 'hyperparameter', path: DataPath): void {
    this.checkEntryCount(node, entries, limits.entries.max, what, path);
    this.checkValueLengths(node, entries, limits.value.max, what, path);
  }

  /** PLC5016: more entries than the API takes. */
  private checkEntryCount(node: WiredNode, entries: readonly [string, Expr][], max: number, what: string, path: DataPath): void {
    if (entries.length > max) this.bag.report('PLC5016', node.step.source.locate(path, 'key'), { node: node.id, count: entries.length, what: `${what}s`, max });
  }

  /** PLC5017: a value known at build time longer than the API takes, reported where it was written. */
  private checkValueLengths(node: WiredNode, entries: readonly [string, Expr][], max: number, what: string, path: DataPath): void {
    const bindings = valueAt(node.step.doc, path) as Record<string, unknown> | undefined;
    for (const [key, value] of entries) {
      const text = constantOf(value);
      if (typeof text === 'string' && text.length > max) {
        const at = this.bindingLocation(node, bindings && typeof bindings === 'object' ? bindings[key] : undefined, [...path, key]);
        this.bag.report('PLC5017', at, { what, key, node: node.id, length: text.length, max });
      }
    }
  }

  /**
   * A binding whose value must have a JSON type: a literal of it, or a parameter or step property
   * of that type (a property file's value, or a property plc has no shapes for, is taken on trust).
   */
  typed(node: WiredNode, raw: unknown, path: DataPath, type: 'string' | 'integer' | 'boolean'): Expr | undefined {
    const expr = this.scalar(node, raw, path);
    if (!expr) return undefined;
    const parameterType = { string: 'String', integer: 'Integer', boolean: 'Boolean' }[type];
    const fits = expr.kind === 'literal'
      ? (type === 'integer' ? Number.isInteger(expr.value) : typeof expr.value === type)
      : expr.kind === 'parameter' ? expr.type === parameterType
      : expr.kind === 'property' ? expr.type === undefined || expr.type === parameterType
      : expr.kind === 'jsonGet' || type === 'string';
    if (fits) return expr;
    const shown = expr.kind === 'literal' ? JSON.stringify(expr.value) : expr.kind === 'parameter' ? `parameter ${expr.name} (${expr.type})` : expr.kind === 'property' ? `Steps.${expr.step}.${expr.path} (${expr.type})` : 'a joined string';
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

/** The node's step type's first input port of a type (kinds whose ports have fixed roles by type). */
const portOfType = (node: WiredNode, type: string): string | undefined => Object.entries(node.step.doc.inputs ?? {}).find(([, spec]) => spec.type === type)?.[0];

/** The steps a lowered step reads with a Get or a JsonGet anywhere in it (its expressions are plain data). */
function stepsGot(step: StepIR): Set<string> {
  const got = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const { kind, step: name } = value as { kind?: unknown; step?: unknown };
      if ((kind === 'property' || kind === 'jsonGet') && typeof name === 'string') got.add(name);
      else Object.values(value).forEach(visit);
    }
  };
  visit(step);
  return got;
}
