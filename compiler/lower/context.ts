// What a kind's lowering (compiler/kinds/<kind>/lower.ts) may ask of the pipeline lowering: the
// pipeline, the bag, step-type bindings resolved against one node's config, and the parts of a job
// every kind resolves the same way (with the same diagnostics everywhere).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Expr, Value } from '../ir/expr.js';
import type { Resources } from '../ir/pipeline.js';
import type { ImageScope } from '../sagemaker/images.js';
import type { DataPath, Location } from '../source/source-file.js';
import type { CodeBundle } from './code-bundle.js';
import type { InputSource, WiredNode, WiredPipeline } from '../stages.js';

export interface LoweringContext {
  readonly pipeline: WiredPipeline;
  readonly bag: DiagnosticBag;
  /** Any binding: scalars become expressions, lists and mappings keep their shape. */
  bind(node: WiredNode, raw: unknown, path: DataPath): Value | undefined;
  /** A value the pipeline file writes at `path` (a node's `ports:`), in the pipeline's scope (`${params.*}`, `${execution.*}`). */
  bindPipelineValue(raw: unknown, path: DataPath): Value | undefined;
  /** A binding that must be one value. */
  scalar(node: WiredNode, raw: unknown, path: DataPath): Expr | undefined;
  /** A binding that must be one value of a JSON type (a literal of it or a parameter of that type). */
  typed(node: WiredNode, raw: unknown, path: DataPath, type: 'string' | 'integer' | 'boolean'): Expr | undefined;
  /** Named string values, leaving out those bound to an unset optional config field. */
  entries(node: WiredNode, raw: Record<string, unknown>, path: DataPath): [string, Expr][];
  /** A list of string values. */
  list(node: WiredNode, raw: readonly unknown[], path: DataPath): Expr[];
  /** Whether a binding names exactly one optional config field that is unset and has no default. */
  leftOut(node: WiredNode, raw: unknown): boolean;
  /** The node's execution role (config `role`). */
  role(node: WiredNode): Expr | undefined;
  /** The instance type, checked against the kind's list when it is a literal. */
  instanceType(node: WiredNode): Expr | undefined;
  /** compute: instance type, count, volume and run time. */
  resources(node: WiredNode): Resources | undefined;
  /** compute.image (or the image at `at` in the step type), resolved for the region; a framework image for the given instance type (GPU or CPU). */
  image(node: WiredNode, scope: ImageScope, instanceType?: Expr, at?: DataPath): Expr | undefined;
  /** The step type's code, collected once per step type. */
  bundle(node: WiredNode): CodeBundle | undefined;
  /** codePrefix; undefined (reported once) when the pipeline has code but no codePrefix. */
  codeLocation(): Expr | undefined;
  /** A code object to upload under codePrefix, added only the first time its key (named by its content's hash) is, its bytes made when first read. */
  addCode(key: string, bytes: () => Uint8Array, sources: readonly string[]): void;
  /** Where the node's output `port` goes: placed by the node, else <outputPrefix>/<step name>/<port>. */
  outputLocation(node: WiredNode, port: string): Expr;
  /** <outputPrefix>/<step name>, or with a port below it. */
  defaultLocation(node: WiredNode, port?: string): Expr;
  /** The bound input of a kind whose ports have fixed roles by type. */
  inputOfType(node: WiredNode, type: string): InputSource | undefined;
  /** An input the API takes as one S3 object (ModelDataUrl, SamplePayloadUrl, metrics): the first port of the type. */
  fileInput(node: WiredNode, type: string): Expr | undefined;
  /** The same for the input port `port`, for kinds that take several such files (model containers, RegisterModel's metrics). */
  portFile(node: WiredNode, port: string): Expr | undefined;
  /** Where a binding's value was written: the config value it names (`${config.x}`), else the step type's own text at `path`. */
  bindingLocation(node: WiredNode, raw: unknown, path: DataPath): Location;
  /** Entry count and value lengths of a string map the API bounds (environment, hyperparameters). */
  checkStringMap(node: WiredNode, entries: readonly [string, Expr][], limits: { entries: { max: number }; value: { max: number } }, what: 'environment variable' | 'hyperparameter', path: DataPath): void;
}
