// What every local job runner gets and gives back, and how a step script is started: through
// the shim in python/, with its output appended to the step's log file.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../schema/paths.js';
import type { DefinitionStep, Json } from './definition.js';
import type { LocalRegistry } from './registry.js';
import type { S3Folder } from './s3-folder.js';

export interface JobContext {
  step: DefinitionStep;
  /** The step's Arguments with every expression evaluated. */
  args: Record<string, Json>;
  s3: S3Folder;
  /** This job's folder: container paths map below it (/opt/ml/x is <jobDir>/opt/ml/x). */
  jobDir: string;
  logFile: string;
  python: string;
  /** The run's environment (plc's own): PATH and HOME for Python. */
  hostEnv: NodeJS.ProcessEnv;
  executionId: string;
  registry: LocalRegistry;
  /** Called once the job's inputs are in place, with their folders: a cache hit ends the job there. */
  cached: (inputFolders: string[]) => JobResult | undefined;
}

export interface JobResult {
  /** Describe*-shaped, as property paths read them. */
  properties: Json;
  /** Property file name -> local file. */
  propertyFiles?: Record<string, string>;
  /** The folders of the job's outputs, fingerprinted for the cache. */
  outputs?: string[];
}

/** A job that failed; the message is what SageMaker would show as its failure reason. */
export class StepFailure extends Error {}

/** A step the local runner does not run (Lambda, EMR, …) and that has no --stub. */
export class NotRunLocally extends Error {}

export type Runner = (context: JobContext) => Promise<JobResult>;

/** A container path below the job's folder. */
export const inJob = (context: JobContext, containerPath: string): string => join(context.jobDir, containerPath.replace(/^\/+/, ''));

export const shimPath = join(packageRoot, 'local', 'python', 'plc_local_job.py');
export const transformShimPath = join(packageRoot, 'local', 'python', 'plc_local_transform.py');

export function appendLog(context: JobContext, line: string): void {
  mkdirSync(dirname(context.logFile), { recursive: true });
  writeFileSync(context.logFile, `${line}\n`, { flag: 'a' });
}

/** Runs a Python program with the step's environment; its stdout and stderr go to the log. */
export async function runPython(context: JobContext, program: string, programArgs: string[], env: Record<string, string>): Promise<void> {
  mkdirSync(dirname(context.logFile), { recursive: true });
  const log = openSync(context.logFile, 'a');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(context.python, [program, ...programArgs], {
        cwd: context.jobDir,
        // Only what the container would set, plus what Python needs to start.
        env: { PATH: context.hostEnv['PATH'] ?? '/usr/bin:/bin', HOME: context.hostEnv['HOME'] ?? context.jobDir, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', ...env },
        stdio: ['ignore', log, log],
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new StepFailure(failureMessage(context) ?? `exited with code ${code}; see ${context.logFile}`);
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    throw new StepFailure(`cannot start ${context.python}: ${(error as Error).message}`);
  } finally {
    closeSync(log);
  }
}

function failureMessage(context: JobContext): string | undefined {
  const file = inJob(context, '/opt/ml/output/message');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim() || undefined;
  const lines = existsSync(context.logFile) ? readFileSync(context.logFile, 'utf8').trim().split('\n') : [];
  return lines.at(-1);
}

/** Runs the shim on a step script that follows plc's main(input_paths, output_paths, environ_vars, job_args). */
export async function runStepScript(context: JobContext, kind: 'processing' | 'training', script: string, codeDir: string, args: string[], env: Record<string, string>): Promise<void> {
  const jobFile = join(context.jobDir, 'plc-local-job.json');
  writeFileSync(jobFile, JSON.stringify({ kind, script, code_dir: codeDir, container_root: context.jobDir, arguments: args }, null, 2));
  await runPython(context, shimPath, [jobFile], env);
}

/** Runs tar; archives are how SageMaker moves model and output folders. */
export function tar(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new StepFailure(`cannot run tar: ${error.message}`)));
    child.on('close', (status) => (status === 0 ? resolve() : reject(new StepFailure(`tar ${args.join(' ')}: ${stderr.trim()}`))));
  });
}

/** A value as the text a job sees; a list or mapping (a property file's, say) as its JSON, so a refusal shows it. */
export const text = (value: Json | undefined): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
export const record = (value: Json | undefined): Record<string, Json> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {});
export const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
