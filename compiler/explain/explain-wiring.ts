// What `plc explain <pipeline> <node> --wiring` shows: how each input of a node got its data —
// wired explicitly, matched among the after: neighbours (with every candidate's score and the
// reasons behind it), ambiguous, or left unbound.
import type { Candidate } from '../wire/match-ports.js';
import type { PortWiring, WiredNode } from '../stages.js';

export interface WiringExplanation {
  node: string;
  stepType: string;
  jobType: string | undefined;
  after: string[];
  inputs: PortWiring[];
}

export function explainWiring(node: WiredNode): WiringExplanation {
  return { node: node.id, stepType: node.step.doc.name, jobType: node.jobType, after: node.doc.after ?? [], inputs: node.wiring };
}

export function renderWiring(explanation: WiringExplanation): string {
  const { node, stepType, jobType, after, inputs } = explanation;
  const lines = [`node ${node}: ${stepType}${jobType ? `, job type ${jobType}` : ''}; after: ${after.length ? after.join(', ') : '(none)'}`, ''];
  if (inputs.length === 0) lines.push(`${stepType} has no inputs.`);
  for (const input of inputs) {
    const header = `${input.port} (${input.required ? 'required' : 'optional'})`;
    lines.push(input.from === undefined ? `${header}: ${input.how}` : `${header} ← ${input.from}: ${input.how}`);
    const width = Math.max(0, ...input.candidates.map((c) => `${c.node}.${c.port}`.length));
    for (const candidate of input.candidates) lines.push(`  ${showScore(candidate)}  ${`${candidate.node}.${candidate.port}`.padEnd(width)}  ${showReasons(candidate)}`.trimEnd());
    if (input.how !== 'explicit' && input.candidates.length === 0) lines.push(after.length ? '  (no outputs among the after: neighbours)' : '  (no after: neighbours to match from)');
  }
  return lines.join('\n') + '\n';
}

function showScore(candidate: Candidate): string {
  return (candidate.rejected ? '–' : String(candidate.score)).padStart(3);
}

function showReasons(candidate: Candidate): string {
  const parts = candidate.parts.map((p) => `${p.reason} +${p.points}`).join(', ');
  if (!candidate.rejected) return parts;
  return parts ? `${parts}; passed over: ${candidate.rejected}` : `passed over: ${candidate.rejected}`;
}
