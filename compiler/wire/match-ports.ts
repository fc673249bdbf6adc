// Scored matching of a node's open inputs against the outputs of its `after:` neighbours. Every
// point a candidate earns is kept with its reason, so ambiguity errors and `plc explain --wiring`
// can show why a producer won or lost.
import type { InputPort, OutputPort } from '../../schema/types.generated.js';
import { typesMatch } from '../util/port-types.js';

/** What a candidate earned a point for, e.g. { reason: 'alias training_data', points: 2 }. */
export interface ScorePart {
  reason: string;
  points: number;
}

export interface Candidate {
  node: string;
  port: string;
  score: number;
  parts: ScorePart[];
  /** Why the candidate cannot feed the input at all. */
  rejected?: string;
}

/** A producer node as the matcher sees it. */
export interface Neighbour {
  id: string;
  stepType: string;
  jobType: string | undefined;
  outputs: Readonly<Record<string, OutputPort>>;
}

export interface OpenInput {
  port: string;
  spec: InputPort;
}

export type Resolution =
  | { port: string; how: 'matched'; chosen: Candidate; candidates: Candidate[] }
  | { port: string; how: 'ambiguous'; tied: Candidate[]; candidates: Candidate[] }
  | { port: string; how: 'unbound'; candidates: Candidate[] };

/** A candidate's total must reach this, so a compatible type alone (1 point) never binds. */
export const minimumScore = 2;

export const points = { type: 1, name: 3, alias: 2, accepts: 2, keyword: 1, jobType: 1 } as const;

/** How well one producer output fits one input, with the reasons. */
export function scoreCandidate(input: OpenInput, consumerJobType: string | undefined, producer: Neighbour, output: string): Candidate {
  const spec = producer.outputs[output]!;
  const parts: ScorePart[] = [];
  const candidate = (rejected?: string): Candidate => ({ node: producer.id, port: output, score: parts.reduce((sum, p) => sum + p.points, 0), parts, ...(rejected ? { rejected } : {}) });

  const { type } = input.spec;
  if (!typesMatch(spec.type, type)) return candidate(`is ${spec.type}, the input takes ${type}`);
  parts.push(spec.type === type ? { reason: `type ${type}`, points: points.type } : { reason: 'type any', points: 0 });
  const accepts = input.spec.accepts;
  if (accepts?.length) {
    if (!accepts.includes(producer.stepType)) return candidate(`${producer.stepType} is not in accepts (${accepts.join(', ')})`);
    parts.push({ reason: `accepts ${producer.stepType}`, points: points.accepts });
  }
  if (output === input.port) parts.push({ reason: 'same name', points: points.name });
  else if (spec.aliases?.includes(input.port)) parts.push({ reason: `alias ${input.port}`, points: points.alias });
  const shared = (input.spec.keywords ?? []).filter((k) => spec.keywords?.includes(k));
  if (shared.length > 0) parts.push({ reason: `keywords ${shared.join(', ')}`, points: shared.length * points.keyword });
  if (consumerJobType !== undefined && consumerJobType === producer.jobType) parts.push({ reason: `job type ${consumerJobType}`, points: points.jobType });
  const result = candidate();
  return result.score < minimumScore ? { ...result, rejected: `scores ${result.score}, below ${minimumScore}` } : result;
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score || Number(a.rejected !== undefined) - Number(b.rejected !== undefined);

/**
 * Binds open inputs to neighbour outputs, best score first. An output already feeding an input of
 * this node (explicitly or by an earlier match) is not offered again; a tie for the best score is
 * ambiguous and binds nothing. Deterministic: ties between inputs go to the one declared first.
 */
export function matchPorts(inputs: readonly OpenInput[], consumerJobType: string | undefined, neighbours: readonly Neighbour[], taken: Map<string, string>): Resolution[] {
  const candidatesOf = new Map(
    inputs.map((input) => [
      input.port,
      neighbours.flatMap((n) => Object.keys(n.outputs).map((output) => scoreCandidate(input, consumerJobType, n, output))).sort(byScore),
    ]),
  );
  const resolutions = new Map<string, Resolution>();
  const viable = (port: string) => candidatesOf.get(port)!.filter((c) => !c.rejected && !taken.has(`${c.node}.${c.port}`));
  for (;;) {
    let best: { port: string; options: Candidate[] } | undefined;
    for (const { port } of inputs) {
      if (resolutions.has(port)) continue;
      const options = viable(port);
      if (options.length > 0 && (!best || options[0]!.score > best.options[0]!.score)) best = { port, options };
    }
    if (!best) break;
    const { port, options } = best;
    const tied = options.filter((c) => c.score === options[0]!.score);
    const candidates = candidatesOf.get(port)!;
    if (tied.length > 1) {
      resolutions.set(port, { port, how: 'ambiguous', tied, candidates });
      continue;
    }
    const chosen = options[0]!;
    taken.set(`${chosen.node}.${chosen.port}`, port);
    resolutions.set(port, { port, how: 'matched', chosen, candidates });
  }
  return inputs.map(({ port }) => {
    const done = resolutions.get(port);
    if (done) return done;
    // Say why the outputs that were otherwise fit were passed over.
    const candidates = candidatesOf.get(port)!.map((c) => (c.rejected ? c : { ...c, rejected: `already feeds input "${taken.get(`${c.node}.${c.port}`)}"` }));
    return { port, how: 'unbound', candidates };
  });
}

/** "prep.processed_data (7)" — a candidate as messages show it. */
export function describeCandidate(candidate: Candidate): string {
  return `${candidate.node}.${candidate.port} (${candidate.rejected ? candidate.rejected : `score ${candidate.score}`})`;
}
