// Runs planned steps in dependency order, independent ones in parallel up to a bound. A step
// starts when everything it needs has ended well; a condition's untaken branch is skipped, and
// so is whatever needs a step that did not end well. After a failure nothing new starts.
import type { PlannedStep } from './definition.js';

export type StepState = 'pending' | 'running' | 'succeeded' | 'cached' | 'stubbed' | 'reused' | 'failed' | 'skipped' | 'not run locally';

export interface Outcome {
  state: Exclude<StepState, 'pending' | 'running'>;
  message?: string;
  /** For a condition: the branch it took. */
  taken?: 'IfSteps' | 'ElseSteps';
}

export interface StepStatus {
  state: StepState;
  message?: string;
  started?: number;
  ended?: number;
}

const ok = new Set<StepState>(['succeeded', 'cached', 'stubbed', 'reused']);
export const endedWell = (state: StepState): boolean => ok.has(state);

export interface ScheduleOptions {
  concurrency: number;
  run: (step: PlannedStep) => Promise<Outcome>;
  onChange: (name: string, status: StepStatus) => void;
}

export async function schedule(plan: readonly PlannedStep[], options: ScheduleOptions): Promise<Map<string, StepStatus>> {
  const status = new Map<string, StepStatus>(plan.map((planned) => [planned.step.Name, { state: 'pending' }]));
  const set = (name: string, next: StepStatus) => {
    status.set(name, next);
    options.onChange(name, next);
  };
  const untaken = new Set<string>(); // condition:side pairs not taken
  let stopping = false;
  const running = new Map<string, Promise<void>>();

  const settle = () => {
    // Skip what can no longer run, until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const planned of plan) {
        const name = planned.step.Name;
        if (status.get(name)!.state !== 'pending') continue;
        let reason: string | undefined;
        if (planned.branch && untaken.has(`${planned.branch.condition}:${planned.branch.side}`)) reason = `the ${planned.branch.side === 'IfSteps' ? 'then' : 'else'} branch of ${planned.branch.condition} was not taken`;
        for (const need of planned.needs) {
          const state = status.get(need)?.state;
          if (reason === undefined && state !== undefined && state !== 'pending' && state !== 'running' && !endedWell(state)) reason = `needs ${need}, which ${state === 'failed' ? 'failed' : `was ${state}`}`;
        }
        if (reason !== undefined) {
          set(name, { state: 'skipped', message: reason });
          changed = true;
        }
      }
    }
  };

  for (;;) {
    settle();
    if (!stopping) {
      for (const planned of plan) {
        const name = planned.step.Name;
        if (running.size >= options.concurrency) break;
        if (status.get(name)!.state !== 'pending' || !planned.needs.every((need) => endedWell(status.get(need)?.state ?? 'succeeded'))) continue;
        const started = Date.now();
        set(name, { state: 'running', started });
        const job = options.run(planned).then(
          (outcome) => outcome,
          (error: Error): Outcome => ({ state: 'failed', message: `internal error: ${error.message}` }),
        ).then((outcome) => {
          running.delete(name);
          set(name, { state: outcome.state, ...(outcome.message ? { message: outcome.message } : {}), started, ended: Date.now() });
          if (outcome.taken) untaken.add(`${name}:${outcome.taken === 'IfSteps' ? 'ElseSteps' : 'IfSteps'}`);
          if (outcome.state === 'failed' || outcome.state === 'not run locally') stopping = true;
        });
        running.set(name, job);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  for (const planned of plan) {
    if (status.get(planned.step.Name)!.state === 'pending') set(planned.step.Name, { state: 'skipped', message: 'not started: the run stopped at a failure' });
  }
  return status;
}
