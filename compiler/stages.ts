// The pipeline as each pass hands it on, in one place: link gives nodes their step types and
// names, expand their job types, bind their config, wire their data; lower turns the last into the
// IR (ir/pipeline.ts). Each stage extends the one before it.
import type { PipelineDocument } from '../schema/types.generated.js';
import type { Expr, Value } from './ir/expr.js';
import type { JsonGetResolver, ReferenceResolver, Site } from './interpolation/interpolate.js';
import type { StepLibrary, StepType } from './link/step-library.js';
import type { SourceFile } from './source/source-file.js';
import type { Candidate } from './wire/match-ports.js';

export type NodeDocument = PipelineDocument['nodes'][string];

export interface LinkedNode {
  id: string;
  doc: NodeDocument;
  step: StepType;
  /** The SageMaker step name: the node's name: when given, else its id. */
  stepName: string;
}

/** A node that runs no step type: a condition with its branches, or a fail node. */
export interface ControlNode {
  id: string;
  doc: NodeDocument;
  kind: 'Condition' | 'Fail';
  stepName: string;
}

export interface LinkedPipeline {
  doc: PipelineDocument;
  source: SourceFile;
  library: StepLibrary;
  /** Step nodes in the order the pipeline lists them, which is the order of the emitted steps. */
  nodes: LinkedNode[];
  controls: ControlNode[];
}

export interface ExpandedNode extends LinkedNode {
  /** The node's job type, when its step type has job types and the node chose a valid one. */
  jobType: string | undefined;
}

export interface ExpandedPipeline extends LinkedPipeline {
  expanded: ExpandedNode[];
}

export interface ConfigEntry {
  value: Value;
  /** Where the value was set: a step default, a pipeline default or the node's config. */
  origin: Site;
}

export interface BoundNode extends ExpandedNode {
  config: ReadonlyMap<string, ConfigEntry>;
  /** False when the config has errors (reported); later passes still check the node's wiring. */
  configValid: boolean;
  /** Resolves the `${config.*}` and `${jobType}` references of this node's step type. */
  stepScope: ReferenceResolver;
  /** Resolves the node's pipeline values: `${params.*}`, `${execution.*}`, `${pipeline.name}`, `${steps.*}`. */
  valueScope: ReferenceResolver;
  /** `{ jsonGet: … }` in the node's pipeline values. */
  jsonGet: JsonGetResolver;
  /** The nodes whose properties or property files its values read (bind and wire add to it): it runs after them. */
  reads: Set<string>;
}

export interface BoundPipeline extends ExpandedPipeline {
  bound: BoundNode[];
  /** Resolves `${params.*}`, `${execution.*}` and `${pipeline.name}` in pipeline values. */
  scope: ReferenceResolver;
}

export interface DataEdge {
  from: { node: string; port: string };
  to: { node: string; port: string };
}

/**
 * Where an input reads from. `file` names the file consumers that need one read (the producer
 * port's `file`, or its property file); `folder` says the location is a processing output folder.
 */
export interface InputSource {
  location: Expr;
  file?: string;
  folder?: { node: string; port: string };
}

/** How one input port of a node got (or failed to get) its data, for errors and plc explain --wiring. */
export interface PortWiring {
  port: string;
  required: boolean;
  how: 'explicit' | 'matched' | 'ambiguous' | 'unbound';
  /** What feeds it: "<node>.<output>" or the location written under inputs:. */
  from?: string;
  /** The after: neighbours' outputs with their scores, best first (empty for explicit wires). */
  candidates: Candidate[];
}

export interface WiredNode extends BoundNode {
  /** Where each bound input port reads from. */
  inputs: ReadonlyMap<string, InputSource>;
  /** Every declared input, in declaration order. */
  wiring: PortWiring[];
  /** Output ports whose S3 location the node sets (others use <outputPrefix>/<step>/<port>). */
  outputLocations: ReadonlyMap<string, Expr>;
}

export interface WiredPipeline extends BoundPipeline {
  wired: WiredNode[];
  edges: DataEdge[];
}
