// `plc run --local`: runs a compiled pipeline on this machine. S3 is a folder, each job sees the
// paths, variables and arguments its container would, conditions read the real property files.
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ParameterIR, PipelineIR } from '../compiler/ir/pipeline.js';
import { below, parseS3Uri, s3Uri } from '../aws/s3-location.js';
import { StepCache } from './cache.js';
import { planSteps, type Definition, type Json, type PlannedStep } from './definition.js';
import { evaluate, EvaluationError, holds, type Scope } from './expressions.js';
import { appendLog, NotRunLocally, record, StepFailure, type JobContext, type JobResult, type Runner } from './job.js';
import { preflight } from './preflight.js';
import { LocalRegistry } from './registry.js';
import { runModel, runRegisterModel } from './runners/model.js';
import { notLocalKinds, stubResult } from './runners/not-local.js';
import { runProcessing } from './runners/processing.js';
import { runTraining } from './runners/training.js';
import { runTransform } from './runners/transform.js';
import { S3Folder, S3FolderError, type Mount } from './s3-folder.js';
import { schedule, endedWell, type Outcome, type StepStatus } from './scheduler.js';
import { localView, type LocalStream } from './view.js';

export interface LocalRunOptions {
  ir: PipelineIR;
  definition: string;
  codePrefix?: string;
  overrides: { name: string; value: string }[];
  /** Where state lives: runs/, cache/, registry.json, last/. */
  stateDir: string;
  s3Root: string;
  mounts: Mount[];
  only: string[];
  from?: string;
  cache: boolean;
  python: string;
  stubs: Map<string, string>;
  stream: LocalStream;
  /** The run's working folder: paths are shown relative to it. */
  cwd: string;
  /** The run's environment, which the step scripts' PATH and HOME come from. */
  env: NodeJS.ProcessEnv;
}

const runners: Record<string, Runner> = { Processing: runProcessing, Training: runTraining, Transform: runTransform, Model: runModel, RegisterModel: runRegisterModel };

export class LocalUsageError extends Error {}

function parameterValues(parameters: readonly ParameterIR[], overrides: LocalRunOptions['overrides']): Map<string, string | number | boolean> {
  const values = new Map<string, string | number | boolean>();
  for (const parameter of parameters) if (parameter.default !== undefined) values.set(parameter.name, parameter.default as string | number | boolean);
  for (const { name, value } of overrides) {
    const type = parameters.find((parameter) => parameter.name === name)!.type;
    values.set(name, type === 'Integer' || type === 'Float' ? Number(value) : type === 'Boolean' ? /^true$/i.test(value) : value);
  }
  const unset = parameters.filter((parameter) => !values.has(parameter.name)).map((parameter) => parameter.name);
  if (unset.length > 0) throw new LocalUsageError(`parameters without a default need a value: ${unset.map((name) => `-P ${name}=…`).join(' ')}`);
  return values;
}

/** Writes the code objects where the definition reads them, as `plc deploy` uploads them. */
/** Writes the pipeline's code objects into the local S3 folder; returns the project file each came from, by its local path. */
function placeCode(options: LocalRunOptions, s3: S3Folder): Map<string, string> {
  const sources = new Map<string, string>();
  if (options.ir.code.length === 0) return sources;
  const prefix = options.codePrefix === undefined ? undefined : parseS3Uri(options.codePrefix);
  if (!prefix) throw new LocalUsageError('the pipeline has code but no codePrefix');
  for (const object of options.ir.code) {
    const path = s3.writablePath(s3Uri(below(prefix, object.key)));
    if (object.sources[0] !== undefined) sources.set(path, relative(options.cwd, object.sources[0]) || object.sources[0]);
    if (existsSync(path)) continue; // content-addressed: the same key holds the same bytes
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, object.bytes);
    renameSync(`${path}.tmp`, path);
  }
  return sources;
}

/** Steps chosen by --only/--from; the others reuse what the last local run recorded. */
function selection(plan: readonly PlannedStep[], options: LocalRunOptions): Set<string> {
  const names = new Set(plan.map((planned) => planned.step.Name));
  for (const name of [...options.only, ...(options.from ? [options.from] : [])]) {
    if (!names.has(name)) throw new LocalUsageError(`the pipeline has no step ${name} (steps: ${[...names].join(', ')})`);
  }
  if (options.only.length === 0 && !options.from) return names;
  const chosen = new Set(options.only);
  if (options.from) {
    chosen.add(options.from);
    for (let grew = true; grew; ) {
      grew = false;
      for (const planned of plan) {
        if (!chosen.has(planned.step.Name) && planned.needs.some((need) => chosen.has(need))) {
          chosen.add(planned.step.Name);
          grew = true;
        }
      }
    }
  }
  // Conditions and fail nodes cost nothing and decide what runs: always evaluated.
  for (const planned of plan) if (planned.step.Type === 'Condition' || planned.step.Type === 'Fail') chosen.add(planned.step.Name);
  return chosen;
}

interface Recorded {
  executionId: string;
  steps: Record<string, JobResult>;
}

export async function runLocal(options: LocalRunOptions): Promise<boolean> {
  const definition = JSON.parse(options.definition) as Definition;
  const plan = planSteps(definition);
  const parameters = parameterValues(options.ir.parameters, options.overrides);
  const chosen = selection(plan, options);
  const lastFile = join(options.stateDir, 'last', `${options.ir.name}.json`);
  const last: Recorded | undefined = existsSync(lastFile) ? (JSON.parse(readFileSync(lastFile, 'utf8')) as Recorded) : undefined;
  for (const planned of plan) {
    if (!chosen.has(planned.step.Name) && !last?.steps[planned.step.Name]) throw new LocalUsageError(`--only/--from: step ${planned.step.Name} has not run locally before, so its outputs are unknown; run the whole pipeline once first`);
  }
  for (const name of options.stubs.keys()) {
    if (!plan.some((planned) => planned.step.Name === name)) throw new LocalUsageError(`--stub ${name}: the pipeline has no step ${name}`);
  }

  const s3 = new S3Folder(options.s3Root, options.mounts);
  const codeSources = placeCode(options, s3);
  const missing = await preflight(plan.filter((planned) => chosen.has(planned.step.Name)), s3, options.python, join(options.stateDir, 'preflight'), (path) => codeSources.get(path));
  if (missing.length > 0) {
    for (const line of missing) options.stream.write(`plc: ${line}\n`);
    options.stream.write('plc: nothing was run\n');
    return false;
  }

  const executionId = `local-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').toLowerCase()}-${process.pid}`;
  const runDir = join(options.stateDir, 'runs', executionId);
  const results = new Map<string, JobResult>();
  const scope: Scope = {
    parameters,
    execution: { PipelineExecutionId: executionId, PipelineExecutionArn: `arn:aws:sagemaker:local:000000000000:pipeline/${options.ir.name}/execution/${executionId}`, PipelineName: options.ir.name, StartDateTime: new Date().toISOString(), CurrentDateTime: new Date().toISOString() },
    properties: (step) => results.get(step)?.properties,
    propertyFile: (step, name) => results.get(step)?.propertyFiles?.[name],
  };
  if (last) for (const planned of plan) if (!chosen.has(planned.step.Name)) results.set(planned.step.Name, last.steps[planned.step.Name]!);
  const cache = new StepCache(join(options.stateDir, 'cache', options.ir.name), options.cache);
  const registry = new LocalRegistry(join(options.stateDir, 'registry.json'));

  const runStep = async (planned: PlannedStep): Promise<Outcome> => {
    const { step } = planned;
    const logFile = join(runDir, step.Name, 'log.txt');
    try {
      if (!chosen.has(step.Name)) return { state: 'reused', message: 'outputs recorded by an earlier local run' };
      if (step.Type === 'Condition') {
        const conditions = (step.Arguments?.['Conditions'] ?? []) as Record<string, Json>[];
        const result = conditions.every((condition) => holds(condition, scope));
        results.set(step.Name, { properties: { Outcome: result } });
        return { state: 'succeeded', message: `${result ? 'then' : 'else'} branch`, taken: result ? 'IfSteps' : 'ElseSteps' };
      }
      if (step.Type === 'Fail') return { state: 'failed', message: String(evaluate(step.Arguments?.['ErrorMessage'] ?? '', scope)) };
      // A stub stands in for any step: one that cannot run here, or one a developer chooses not to run.
      if (notLocalKinds.has(step.Type) || !runners[step.Type] || options.stubs.has(step.Name)) {
        results.set(step.Name, stubResult(step.Type, options.stubs.get(step.Name), step.Name));
        return { state: 'stubbed', message: `from ${options.stubs.get(step.Name)}` };
      }
      const args = evaluate((step.Arguments ?? {}) as Json, scope) as Record<string, Json>;
      const jobDir = join(runDir, step.Name);
      mkdirSync(jobDir, { recursive: true });
      let key: string | undefined;
      let hit: JobResult | undefined;
      const context: JobContext = {
        step, args, s3, jobDir, logFile, python: options.python, hostEnv: options.env, executionId, registry,
        cached: (folders) => {
          key = cache.key(step, parameters, folders);
          hit = cache.lookup(key);
          return hit;
        },
      };
      appendLog(context, `plc run --local: ${step.Type} step ${step.Name} of ${options.ir.name}, execution ${executionId}`);
      const result = await runners[step.Type]!(context);
      // A Describe* response carries the members of the Create* request (ProcessingResources,
      // HyperParameters, TransformInput, …) besides what the job made, which the runner records.
      results.set(step.Name, { ...result, properties: { ...args, ...record(result.properties) } });
      if (hit) {
        rmSync(jobDir, { recursive: true, force: true });
        return { state: 'cached' };
      }
      if (key !== undefined) cache.store(key, result);
      return { state: 'succeeded' };
    } catch (error) {
      if (error instanceof NotRunLocally) return { state: 'not run locally', message: error.message };
      if (error instanceof StepFailure || error instanceof EvaluationError || error instanceof S3FolderError) return { state: 'failed', message: error.message };
      throw error;
    }
  };

  const view = localView(options.stream, executionId, plan.map((planned) => planned.step.Name));
  const status = await schedule(plan, { concurrency: Math.max(1, availableParallelism()), run: runStep, onChange: view.onChange });
  const succeeded = [...status.values()].every((entry) => endedWell(entry.state) || entry.state === 'skipped') && ![...status.values()].some((entry) => entry.state === 'failed' || entry.state === 'not run locally');
  view.summary(status, succeeded, relative(options.cwd, runDir) || runDir);

  mkdirSync(dirname(lastFile), { recursive: true });
  const recorded: Recorded = { executionId, steps: { ...(last?.steps ?? {}), ...Object.fromEntries(results) } };
  writeFileSync(`${lastFile}.tmp`, JSON.stringify(recorded, null, 2));
  renameSync(`${lastFile}.tmp`, lastFile);
  return succeeded;
}

export type { StepStatus };
