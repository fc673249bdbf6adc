// Before anything runs: does this machine's Python import what each step script imports, and meet
// the requirements.txt SageMaker would install first? A missing package fails a local run up
// front, naming the steps and how to install it; nothing is installed into the developer's Python.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../schema/paths.js';
import type { Json, PlannedStep } from './definition.js';
import { list, record, text } from './job.js';
import type { S3Folder } from './s3-folder.js';
import { processingRunnerName } from '../compiler/kinds/processing/runner.js';

const preflightScript = join(packageRoot, 'local', 'python', 'plc_local_preflight.py');

// Debian's packages of the modules plc's built-in steps import (what .ci/run installs).
const debianPackages: Record<string, string> = { pandas: 'python3-pandas', numpy: 'python3-numpy', sklearn: 'python3-sklearn', scipy: 'python3-scipy', xgboost: 'python3-xgboost', torch: 'python3-torch', lightgbm: 'python3-lightgbm', pyarrow: 'python3-pyarrow' };

export function installHint(modules: readonly string[]): string {
  const debian = modules.filter((name) => debianPackages[name]).map((name) => debianPackages[name]!);
  const other = modules.filter((name) => !debianPackages[name]);
  return [debian.length > 0 ? `apt-get install ${debian.join(' ')}` : '', other.length > 0 ? `pip install ${other.join(' ')}` : ''].filter(Boolean).join(' and ');
}

interface ScriptToCheck {
  step: string;
  script: string;
  code_dir: string;
  /** The requirements.txt the step's runner installs on SageMaker (kinds/processing/runner.ts). */
  requirements?: string;
}

const literal = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function scriptsOf(planned: PlannedStep, s3: S3Folder, workDir: string): ScriptToCheck[] {
  const { step } = planned;
  const args = step.Arguments ?? {};
  if (step.Type === 'Processing') {
    const entrypoint = list(record(args['AppSpecification'])['ContainerEntrypoint']).map(text);
    const script = entrypoint.find((part) => part.endsWith('.py'));
    const installs = entrypoint.some((part) => part.endsWith(`/${processingRunnerName}`));
    for (const input of list(args['ProcessingInputs']).map(record)) {
      const s3Input = record(input['S3Input']);
      const localPath = text(s3Input['LocalPath']);
      const uri = literal(s3Input['S3Uri']);
      if (script && uri && script.startsWith(`${localPath}/`)) {
        const codeDir = s3.path(uri.replace(/\/+$/, ''));
        const requirements = installs ? join(codeDir, 'requirements.txt') : undefined;
        return [{ step: step.Name, script: join(codeDir, script.slice(localPath.length + 1)), code_dir: codeDir, ...(requirements && existsSync(requirements) ? { requirements } : {}) }];
      }
    }
  }
  if (step.Type === 'Training') {
    const hyperparameters = record(args['HyperParameters']);
    const program = literal(hyperparameters['sagemaker_program']);
    const submit = literal(hyperparameters['sagemaker_submit_directory']);
    if (program && submit) {
      const archive = s3.path(JSON.parse(submit) as string);
      const folder = join(workDir, step.Name);
      mkdirSync(folder, { recursive: true });
      if (existsSync(archive) && spawnSync('tar', ['-xzf', archive, '-C', folder]).status === 0) return [{ step: step.Name, script: join(folder, JSON.parse(program) as string), code_dir: folder }];
    }
  }
  return [];
}

/**
 * One line per missing module, with the steps that need it and the install hint, and one per step
 * whose requirements.txt this Python does not meet; empty when all is there. `sourceOf` names the
 * project file a code object came from, for the hint.
 */
export async function preflight(plan: readonly PlannedStep[], s3: S3Folder, python: string, workDir: string, sourceOf: (path: string) => string | undefined = () => undefined): Promise<string[]> {
  const scripts = plan.flatMap((planned) => scriptsOf(planned, s3, workDir)).filter((entry) => existsSync(entry.script));
  if (scripts.length === 0) return [];
  mkdirSync(workDir, { recursive: true });
  const listFile = join(workDir, 'scripts.json');
  writeFileSync(listFile, JSON.stringify(scripts));
  const result = spawnSync(python, [preflightScript, listFile], { encoding: 'utf8' });
  if (result.error) return [`cannot run ${python}: ${result.error.message} (give another with --python)`];
  if (result.status !== 0) return [`${python} could not check the step scripts' imports: ${result.stderr.trim().split('\n').at(-1)}`];
  const missing = JSON.parse(result.stdout) as Record<string, { modules: string[]; requirements: string[] }>;
  const byModule = new Map<string, string[]>();
  for (const [step, { modules }] of Object.entries(missing)) for (const module of modules) byModule.set(module, [...(byModule.get(module) ?? []), step]);
  const unmet = scripts.filter((entry) => entry.requirements && missing[entry.step]!.requirements.length > 0).map((entry) => {
    const file = sourceOf(entry.requirements!) ?? entry.requirements!;
    return `${python} lacks what ${entry.step}'s requirements.txt lists, which SageMaker installs before the script and plc run --local does not: ${missing[entry.step]!.requirements.join(', ')}; install them (${python} -m pip install -r ${file}) or give another --python`;
  });
  return [...[...byModule].map(([module, steps]) => `${python} cannot import ${module}, which ${steps.join(', ')} ${steps.length === 1 ? 'needs' : 'need'}: ${installHint([module])}`), ...unmet];
}
