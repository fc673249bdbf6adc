#!/usr/bin/env node
// The plc command line as a process: runs bin/run-cli.ts with this process's arguments, working
// folder, environment and streams, and exits with the code it returns. Exit codes (README.md):
// 0 clean, 1 findings, 2 usage error, 3 internal error.
import { ExitCode } from './exit.js';
import { internalErrorText, runCli } from './run-cli.js';
import { tuneForShortRun } from './v8-tuning.js';

const argv = process.argv.slice(2);
tuneForShortRun();
// plc supports Node 20 (package.json engines) with the AWS SDK version its lock file pins; the SDK's
// notice about its own future releases is nothing a plc user can act on, and it would land in the
// middle of plc's output. The SDK reads it from the process's environment, so the process sets it.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

// A closed pipe (`plc build … | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.Ok);
  process.stderr.write(internalErrorText(error, argv.includes('--debug')));
  process.exit(ExitCode.Internal);
});

// The arguments after `node plc.js` (what yargs' hideBin returns outside Electron).
process.exitCode = await runCli(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
