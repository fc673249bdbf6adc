// Pass 6, wire: turn each node's explicit inputs: into data edges (a producer's output property,
// or an S3 location), match the inputs left open against the outputs of its after: neighbours
// (match-ports.ts), place outputs: overrides, and check that every required input is bound
// exactly once with a compatible type.
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { isExpr, literal, type Expr } from '../ir/expr.js';
import { interpolate } from '../interpolation/interpolate.js';
import type { DataPath } from '../source/source-file.js';
import { stepKind } from '../kinds/registry.js';
import { hasOwn, own } from '../util/own.js';
import { describeCandidate, matchPorts, type Candidate, type Neighbour } from './match-ports.js';
import type { BoundNode, BoundPipeline, DataEdge, ExpandedNode, InputSource, PortWiring, WiredNode, WiredPipeline } from '../stages.js';
import { typesMatch } from '../util/port-types.js';
import type { Location } from '../../schema/types.generated.js';

/** `<node>.<output>`, optionally with a sub-path below the output's location: `prep.data/train`. */
const portReference = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+?)((?:\/[^/\s]+)+)?$/;
const locationPrefix = /^(s3|https):\/\//;

export function wirePipeline(pipeline: BoundPipeline, bag: DiagnosticBag): WiredPipeline {
  const byId = new Map(pipeline.expanded.map((n) => [n.id, n]));
  const nodeIds = Object.keys(pipeline.doc.nodes);
  const edges: DataEdge[] = [];
  const wired: WiredNode[] = [];
  const { source } = pipeline;

  for (const node of pipeline.bound) {
    const step = node.step.doc;
    const declaredInputs = step.inputs ?? {};
    const inputs = new Map<string, InputSource>();
    /** Producer outputs already feeding an input of this node ("<node>.<output>" → input). */
    const taken = new Map<string, string>();
    const connect = (producer: ExpandedNode, output: string, port: string, below?: string) => {
      const producerPort = producer.step.doc.outputs![output]!;
      const producerKind = stepKind(producer.step.doc.sagemaker);
      const property = producerKind.outputLocation(producer.stepName, output, producerPort.path);
      if (property === undefined) return; // the producer's port is invalid for its kind, reported by the step checks
      // A folder below the output, joined as the SDK's Join(on="/", values=[<property>, "train"]) is.
      const location: Expr = below === undefined ? property : { kind: 'join', on: '/', values: [property, literal(below)] };
      const file = below === undefined ? producerPort.file ?? producerPort.propertyFile?.path : undefined;
      const folder = producerKind.outputs.folders ? { node: producer.id, port: output } : undefined;
      inputs.set(port, { location, ...(file !== undefined ? { file } : {}), ...(folder ? { folder } : {}) });
      taken.set(`${producer.id}.${output}`, port);
      edges.push({ from: { node: producer.id, port: output }, to: { node: node.id, port } });
    };

    // Ports a mistyped input key was meant for: the key's PLC3003 names them, so "not bound"
    // (PLC3004, reported earlier in the file, at the node) would only repeat the root cause.
    const misspelt = new Set<string>();
    for (const [port, written] of Object.entries(node.doc.inputs ?? {})) {
      const path = ['nodes', node.id, 'inputs', port];
      const consumerPort = own(declaredInputs, port);
      if (!consumerPort) {
        const suggestion = suggest(port, Object.keys(declaredInputs));
        if (suggestion.suggestion !== undefined) misspelt.add(suggestion.suggestion);
        bag.report('PLC3003', source.locate(path, 'key'), { step: step.name, port, allowed: Object.keys(declaredInputs).sort() }, suggestion);
        continue;
      }
      if (typeof written !== 'string') {
        // A location (or model name) read from a property file when the pipeline runs: SageMaker
        // takes a JsonGet wherever it takes a PipelineVariable, as the SDK's ProcessingInput source
        // and TrainingInput s3_data do; its type is known only then.
        const location = node.jsonGet(written.jsonGet, { source, path: [...path, 'jsonGet'] });
        if (location) inputs.set(port, { location });
        continue;
      }
      const text = written;
      if (consumerPort.type === 'model-name' && !portReference.test(text)) {
        const name = interpolateModelName(pipeline, node, text, path, bag);
        if (name) inputs.set(port, { location: name });
        continue;
      }
      if (locationPrefix.test(text) || text.includes('${')) {
        const location = interpolateLocation(pipeline, node, text, path, bag);
        if (location) inputs.set(port, { location });
        continue;
      }
      const match = portReference.exec(text);
      if (!match) {
        bag.report('PLC3006', source.locate(path), { text });
        continue;
      }
      const [, producerId, outputName, below] = match as unknown as [string, string, string, string | undefined];
      if (!hasOwn(pipeline.doc.nodes, producerId)) {
        bag.report('PLC3001', source.locate(path), { name: producerId, allowed: nodeIds }, suggest(producerId, nodeIds));
        continue;
      }
      if (producerId === node.id) {
        bag.report('PLC3008', source.locate(path), { node: node.id, port: outputName });
        continue;
      }
      const producer = byId.get(producerId);
      if (!producer) continue; // its step type is unknown, which is reported already
      const outputs = producer.step.doc.outputs ?? {};
      const resolvedName = resolveOutputName(outputs, outputName);
      const producerPort = resolvedName === undefined ? undefined : own(outputs, resolvedName);
      if (resolvedName === undefined || !producerPort) {
        const allowed = Object.keys(outputs).sort();
        bag.report('PLC3002', source.locate(path), { node: producerId, step: producer.step.doc.name, port: outputName, allowed }, suggest(outputName, allowed));
        continue;
      }
      if (!typesMatch(producerPort.type, consumerPort.type)) {
        bag.report('PLC3005', source.locate(path), { from: text, fromType: producerPort.type, port, node: node.id, toType: consumerPort.type });
        continue;
      }
      // Only a job's output folder has folders below it: a training job's model is one archive, a
      // Model step's output a name.
      const notAFolder = below === undefined ? undefined
        : !stepKind(producer.step.doc.sagemaker).outputs.folders ? `is no output folder (a ${producer.step.doc.sagemaker} step's ${producerPort.type})`
        : producerPort.file !== undefined ? `is the file ${producerPort.file}` : undefined;
      if (notAFolder) {
        bag.report('PLC3040', source.locate(path), { text, port: resolvedName, node: producerId, detail: notAFolder });
        continue;
      }
      connect(producer, resolvedName, port, below?.slice(1));
    }

    const explicit = (port: string) => hasOwn(node.doc.inputs, port);
    const open = Object.entries(declaredInputs).filter(([port]) => !explicit(port)).map(([port, spec]) => ({ port, spec }));
    const neighbours = neighboursOf(node, byId);
    const resolutions = new Map(matchPorts(open, node.jobType, neighbours, taken).map((r) => [r.port, r]));
    const wiring: PortWiring[] = [];
    for (const [port, spec] of Object.entries(declaredInputs)) {
      const required = spec.required ?? true;
      const resolution = resolutions.get(port);
      if (!resolution) {
        wiring.push({ port, required, how: 'explicit', from: writtenLocation(node.doc.inputs![port]!), candidates: [] });
      } else if (resolution.how === 'matched') {
        const { chosen } = resolution;
        connect(byId.get(chosen.node)!, chosen.port, port);
        wiring.push({ port, required, how: 'matched', from: `${chosen.node}.${chosen.port}`, candidates: resolution.candidates });
      } else if (resolution.how === 'ambiguous') {
        const related = resolution.tied.map((c) => ({ message: `candidate ${c.node}.${c.port} scores ${c.score}`, location: afterEntry(pipeline, node, c.node) }));
        bag.report('PLC3012', source.locate(['nodes', node.id, 'after'], 'key'), { port, node: node.id, candidates: resolution.tied.map((c) => `${c.node}.${c.port}`), score: resolution.tied[0]!.score, file: source.displayPath, first: `${resolution.tied[0]!.node}.${resolution.tied[0]!.port}` }, { related });
        wiring.push({ port, required, how: 'ambiguous', candidates: resolution.candidates });
      } else {
        if (required && !misspelt.has(port)) bag.report('PLC3004', source.locate(['nodes', node.id], 'key'), { port, node: node.id, nearest: nearestCandidates(resolution.candidates, neighbours.length) });
        wiring.push({ port, required, how: 'unbound', candidates: resolution.candidates });
      }
    }
    wired.push({ ...node, inputs, wiring, outputLocations: placeOutputs(pipeline, node, bag) });
  }
  return { ...pipeline, wired, edges };
}

/** The distinct after: nodes whose step types resolved, in the order listed. */
function neighboursOf(node: BoundNode, byId: ReadonlyMap<string, ExpandedNode>): Neighbour[] {
  const ids = [...new Set(node.doc.after ?? [])].filter((id) => id !== node.id);
  return ids.flatMap((id) => {
    const producer = byId.get(id);
    return producer ? [{ id, stepType: producer.step.doc.name, jobType: producer.jobType, outputs: producer.step.doc.outputs ?? {} }] : [];
  });
}

function afterEntry(pipeline: BoundPipeline, node: BoundNode, producer: string) {
  return pipeline.source.locate(['nodes', node.id, 'after', node.doc.after!.indexOf(producer)]);
}

/** The hint's account of the closest outputs and why none was bound. */
function nearestCandidates(candidates: readonly Candidate[], neighbours: number): string {
  if (neighbours === 0) return 'The node has no after: neighbours to match it from.';
  if (candidates.length === 0) return 'Its after: neighbours have no outputs.';
  return `Nearest after: candidates: ${candidates.slice(0, 3).map(describeCandidate).join('; ')}.`;
}

function resolveOutputName(outputs: Record<string, { aliases?: string[] }>, name: string): string | undefined {
  if (hasOwn(outputs, name)) return name;
  return Object.keys(outputs).sort().find((key) => outputs[key]!.aliases?.includes(name));
}

function placeOutputs(pipeline: BoundPipeline, node: BoundNode, bag: DiagnosticBag): Map<string, Expr> {
  const locations = new Map<string, Expr>();
  const outputs = node.step.doc.outputs ?? {};
  for (const [port, written] of Object.entries(node.doc.outputs ?? {})) {
    const path = ['nodes', node.id, 'outputs', port];
    if (!hasOwn(outputs, port)) {
      const allowed = Object.keys(outputs).sort();
      bag.report('PLC3007', pipeline.source.locate(path, 'key'), { node: node.id, step: node.step.doc.name, port, allowed }, suggest(port, allowed));
      continue;
    }
    // Only outputs that are S3 locations the job writes to can be placed.
    if (!stepKind(node.step.doc.sagemaker).outputs.placeable) {
      bag.report('PLC3014', pipeline.source.locate(path, 'key'), { node: node.id, port, kind: node.step.doc.sagemaker });
      continue;
    }
    const location = typeof written === 'string' ? interpolateLocation(pipeline, node, written, path, bag) : node.jsonGet(written.jsonGet, { source: pipeline.source, path: [...path, 'jsonGet'] });
    if (location) locations.set(port, location);
  }
  return locations;
}

/** A location as written under inputs:, as plc explain shows it. */
const writtenLocation = (written: Location): string =>
  typeof written === 'string' ? written : `{ jsonGet: [${written.jsonGet.join(', ')}] }`;

/** A wire or placement that names an S3 location: `s3://…` or `https://…`, possibly with `${…}` (a step property too). */
function interpolateLocation(pipeline: BoundPipeline, node: BoundNode, text: string, path: DataPath, bag: DiagnosticBag): Expr | undefined {
  const value = interpolate(text, { source: pipeline.source, path }, node.valueScope, bag);
  if (!value) return undefined;
  const problem = !isExpr(value) ? 'it is a list or mapping' : locationProblem(value);
  if (problem === undefined) return value as Expr;
  bag.report('PLC3009', pipeline.source.locate(path), { text, detail: problem });
  return undefined;
}

/** A SageMaker model named directly (not wired from a Model step): a literal name, a String parameter or step property. */
function interpolateModelName(pipeline: BoundPipeline, node: BoundNode, text: string, path: DataPath, bag: DiagnosticBag): Expr | undefined {
  const value = interpolate(text, { source: pipeline.source, path }, node.valueScope, bag);
  if (!value) return undefined;
  const ok = value.kind === 'literal' ? typeof value.value === 'string' && modelName.test(value.value) : (value.kind === 'parameter' || value.kind === 'property') && value.type === 'String';
  if (ok) return value as Expr;
  bag.report('PLC3010', pipeline.source.locate(path), { text });
  return undefined;
}

const modelName = /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const uri = /^(s3|https):\/\/[^/\s]+/;

/** Why the expression cannot be an S3 location, judged by what is known at compile time. */
function locationProblem(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string' && uri.test(expr.value) ? undefined : 'it does not start with s3://<bucket>';
    case 'parameter':
      return expr.type === 'String' ? undefined : `parameter ${expr.name} is ${expr.type}, not String`;
    case 'property':
      return expr.type === undefined || expr.type === 'String' ? undefined : `Steps.${expr.step}.${expr.path} is ${expr.type}, not String`;
    case 'jsonGet':
      return undefined;
    case 'execution':
      return `execution variable ${expr.name} is not a location`;
    case 'join': {
      const first = expr.values[0]!;
      // The bucket may come from a parameter (s3://${params.Bucket}/…), so only the scheme is known.
      if (first.kind === 'literal') return typeof first.value === 'string' && /^(s3|https):\/\//.test(first.value) ? undefined : 'it does not start with s3://';
      return locationProblem(first);
    }
  }
}
