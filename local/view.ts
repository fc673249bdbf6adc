// What `plc run --local` prints on stderr: a line each time a step starts or ends (state and
// time), then a summary table with the log folder.
import type { StepStatus } from './scheduler.js';

const seconds = (status: StepStatus): string => (status.started !== undefined && status.ended !== undefined ? `${((status.ended - status.started) / 1000).toFixed(1)}s` : '');

/** Where the view writes (the run's stderr): all it needs of a stream. */
export interface LocalStream {
  write(text: string): unknown;
}

export function localView(stream: LocalStream, executionId: string, names: readonly string[]) {
  const width = Math.max(...names.map((name) => name.length), 4);
  stream.write(`plc: local execution ${executionId}\n`);
  return {
    onChange: (name: string, status: StepStatus) => {
      if (status.state === 'pending') return;
      const time = seconds(status);
      stream.write(`  ${name.padEnd(width)}  ${status.state}${time ? ` (${time})` : ''}${status.message ? ` — ${status.message}` : ''}\n`);
    },
    summary: (all: ReadonlyMap<string, StepStatus>, succeeded: boolean, runDir: string) => {
      const stateWidth = Math.max(...[...all.values()].map((status) => status.state.length), 5);
      const rows = [...all].map(([name, status]) => `  ${name.padEnd(width)}  ${status.state.padEnd(stateWidth)}  ${seconds(status).padStart(7)}${status.message ? `  ${status.message}` : ''}`);
      stream.write(`\n  ${'step'.padEnd(width)}  ${'state'.padEnd(stateWidth)}  ${'time'.padStart(7)}\n${rows.join('\n')}\n\n`);
      stream.write(`plc: execution ${executionId} ${succeeded ? 'succeeded' : 'failed'}; logs in ${runDir}/<step>/log.txt\n`);
    },
  };
}
