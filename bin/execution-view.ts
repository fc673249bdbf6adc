// Shows a running execution on stderr: on a terminal, a block of lines redrawn in place at each
// poll; elsewhere (CI logs, pipes), one line for each change, so logs stay readable.
import type { StepState } from '../aws/executions.js';
import type { Snapshot } from '../aws/watch-execution.js';
import type { OutputStream } from './cli-io.js';

export interface ExecutionView {
  onSnapshot: (snapshot: Snapshot) => void;
  onStepsUnavailable: (reason: string) => void;
}

const since = (start: number): string => {
  const seconds = Math.round((Date.now() - start) / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
};

const stepLine = (step: StepState): string => `  ${step.name}: ${step.status}${step.failureReason ? ` — ${step.failureReason}` : ''}`;

export function executionView(stream: OutputStream, executionId: string): ExecutionView {
  const start = Date.now();
  const notes: string[] = [];
  const onStepsUnavailable = (reason: string) => notes.push(`note: this endpoint cannot list the execution's steps (${reason}); following the execution status only`);
  if (stream.isTTY) {
    let drawn = 0;
    return {
      onStepsUnavailable,
      onSnapshot: (snapshot) => {
        const lines = [`execution ${executionId}: ${snapshot.status} (${since(start)})${snapshot.failureReason ? ` — ${snapshot.failureReason}` : ''}`, ...(snapshot.steps ?? []).map(stepLine), ...notes];
        // Up to the first line drawn last time, clear below it, draw again.
        stream.write((drawn > 0 ? `\x1b[${drawn}F\x1b[J` : '') + lines.join('\n') + '\n');
        drawn = lines.length;
      },
    };
  }
  const seen = new Map<string, string>();
  const log = (key: string, line: string) => {
    if (seen.get(key) === line) return;
    seen.set(key, line);
    stream.write(`${new Date().toISOString()} ${line}\n`);
  };
  return {
    onStepsUnavailable: (reason) => {
      onStepsUnavailable(reason);
      stream.write(`plc: ${notes.at(-1)!}\n`);
    },
    onSnapshot: (snapshot) => {
      for (const step of snapshot.steps ?? []) log(`step ${step.name}`, `step ${stepLine(step).trim()}`);
      log('execution', `execution ${executionId}: ${snapshot.status}${snapshot.failureReason ? ` — ${snapshot.failureReason}` : ''}`);
    },
  };
}
