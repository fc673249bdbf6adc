// A processing script whose sourceDir holds a requirements.txt runs through a runner plc writes:
// it installs the requirements, then runs the entry point, as the SageMaker SDK's
// FrameworkProcessor does with its runproc.sh (sagemaker-python-sdk, src/sagemaker/processing.py,
// FrameworkProcessor._generate_framework_script). The runner ships in the code bundle, so it is
// content-addressed with the rest; its name is hidden, and a sourceDir's hidden files never ship,
// so it cannot clash with one of the step's own.
import { bundleOf, type CodeBundle } from '../../lower/code-bundle.js';

/** The runner's file name in the code bundle; plc run --local reads a step's requirements.txt when its entrypoint goes through it. */
export const processingRunnerName = '.plc-runproc.sh';

/** The command is the runner's arguments (then ContainerArguments), so the definition still shows which script runs. */
const runnerText = `#!/bin/bash
# Written by plc: install the step's requirements.txt, then run the command given as arguments.
set -e
cd "$(dirname "$0")"
python3 -m pip install -r requirements.txt
exec "$@"
`;

/** ContainerEntrypoint for the bundle in `codeDir`, and the bundle as shipped (with the runner when it has requirements). */
export function processingEntrypoint(bundle: CodeBundle, codeDir: string, interpreter: readonly string[] = ['python3']): { bundle: CodeBundle; entrypoint: string[] } {
  const script = [...interpreter, `${codeDir}/${bundle.entryPoint}`];
  const requirements = bundle.files.find((file) => file.path === 'requirements.txt');
  if (!requirements) return { bundle, entrypoint: script };
  const runner = { path: processingRunnerName, bytes: Buffer.from(runnerText), source: requirements.source };
  return { bundle: bundleOf(bundle.entryPoint, [...bundle.files, runner]), entrypoint: ['/bin/bash', `${codeDir}/${processingRunnerName}`, ...script] };
}
