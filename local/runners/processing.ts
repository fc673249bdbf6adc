// A Processing job: inputs copied to their container paths, the entry script run through the
// shim with the job's environment and arguments, outputs copied to their S3 URIs. A job whose
// program is not a Python step script (script.interpreter, a container's own entrypoint) is not
// run: the shim is what keeps a job's container paths inside its folder.
import { join } from 'node:path';
import { processingRunnerName } from '../../compiler/kinds/processing/runner.js';
import { inJob, list, NotRunLocally, record, runStepScript, text, type JobContext, type JobResult, type Runner } from '../job.js';

export const runProcessing: Runner = async (context) => {
  const { args } = context;
  const app = record(args['AppSpecification']);
  const entrypoint = list(app['ContainerEntrypoint']).map(text);
  // python3 <script>, possibly after the runner that installs a requirements.txt first (kinds/processing/runner.ts).
  const at = entrypoint.findIndex((part) => part.endsWith('.py'));
  const script = at > 0 ? entrypoint[at] : undefined;
  if (!script || !/^python3?$/.test(entrypoint[at - 1] ?? '')) throw new NotRunLocally(notPython(context, entrypoint));
  const inputs = list(args['ProcessingInputs']).map(record);
  const folders: string[] = [];
  for (const input of inputs) {
    const s3 = record(input['S3Input']);
    const folder = inJob(context, text(s3['LocalPath']));
    context.s3.download(text(s3['S3Uri']), folder);
    folders.push(folder);
  }
  const outputs = list(record(args['ProcessingOutputConfig'])['Outputs']).map(record);
  const result = (): JobResult => properties(context, inputs, outputs);
  const hit = context.cached(folders);
  if (hit) return hit;

  const codeInput = inputs.map((input) => text(record(input['S3Input'])['LocalPath'])).find((path) => script.startsWith(`${path}/`));
  const env = Object.fromEntries(Object.entries(record(args['Environment'])).map(([key, value]) => [key, text(value)]));
  await runStepScript(context, 'processing', inJob(context, script), inJob(context, codeInput ?? '/opt/ml/processing/input/code'), list(app['ContainerArguments']).map(text), env);

  for (const output of outputs) {
    const s3 = record(output['S3Output']);
    context.s3.upload(inJob(context, text(s3['LocalPath'])), text(s3['S3Uri']));
  }
  return result();
};

/**
 * Why a job whose program is not a plc Python step script is not run: only those are run through
 * the shim that maps their declared container paths into the job's folder; a shell or R program,
 * or an image's own entrypoint, would read and write /opt/ml on this machine.
 */
function notPython(context: JobContext, entrypoint: string[]): string {
  // The command after the runner that installs a requirements.txt first (kinds/processing/runner.ts).
  const command = entrypoint[1]?.endsWith(`/${processingRunnerName}`) ? entrypoint.slice(2) : entrypoint;
  const program = command.length > 0 ? `runs ${command.join(' ')}` : "runs its image's own entrypoint";
  return `${context.step.Name} ${program}, which plc run --local does not run: only Python step scripts have their container paths mapped to local folders. Give --stub ${context.step.Name}=outputs.json with the properties it would have, or run it on SageMaker (plc run)`;
}

function properties(context: JobContext, inputs: Record<string, unknown>[], outputs: Record<string, unknown>[]): JobResult {
  const byName = Object.fromEntries(outputs.map((output) => [text(output['OutputName'] as string), output]));
  const propertyFiles: Record<string, string> = {};
  for (const file of context.step.PropertyFiles ?? []) {
    const output = byName[file.OutputName];
    if (output) propertyFiles[file.PropertyFileName] = join(context.s3.path(text(record(output['S3Output'] as never)['S3Uri'])), file.FilePath);
  }
  return {
    properties: {
      ProcessingJobName: `${context.step.Name}-${context.executionId}`,
      ProcessingJobStatus: 'Completed',
      ProcessingInputs: inputs as never,
      // Property paths index outputs by name (Outputs['data']) and by position (Outputs[0]).
      ProcessingOutputConfig: { Outputs: { ...Object.fromEntries(outputs.map((output, index) => [String(index), output])), ...byName } as never },
    },
    propertyFiles,
    outputs: outputs.map((output) => context.s3.path(text(record(output['S3Output'] as never)['S3Uri']))),
  };
}
