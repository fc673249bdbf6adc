// `plc steps list` and `plc steps show <Name>`: the step types a pipeline can use.
import type { Argv, CommandModule } from 'yargs';
import { suggest } from '../../compiler/diagnostics/did-you-mean.js';
import { ExitCode } from '../exit.js';
import { reportDiagnostics } from '../report.js';

interface StepsArgs {
  pipeline?: string;
  name?: string;
}

async function library(args: StepsArgs) {
  const { inspectLibrary } = await import('../../compiler/inspect-library.js');
  const result = inspectLibrary({ cwd: process.cwd() }, args.pipeline);
  reportDiagnostics(result.diagnostics, result.sources, 'pretty');
  if (result.diagnostics.some((d) => d.severity === 'error')) process.exitCode = ExitCode.Findings;
  return result.library;
}

const pipelineOption = (yargs: Argv) =>
  yargs.option('pipeline', { alias: 'p', type: 'string', description: "Include this pipeline's own step libraries (its steps: folders)" });

export const stepsCommand: CommandModule<object, StepsArgs> = {
  command: 'steps <command>',
  describe: 'List the available step types, or show one',
  builder: (yargs) =>
    yargs
      .command<StepsArgs>({
        command: 'list',
        describe: 'List step types: kind, job types, where they come from',
        builder: (y) => pipelineOption(y).example('$0 steps list', 'The built-in step types').example('$0 steps list -p pipeline.yaml', "Built-in plus the pipeline's own") as never,
        handler: async (args) => {
          const { renderStepList } = await import('../../compiler/explain/describe-step.js');
          process.stdout.write(renderStepList([...(await library(args)).steps.values()]));
        },
      })
      .command<StepsArgs>({
        command: 'show <name>',
        describe: 'Show a step type: ports with container paths, config with defaults, job types, script, compute',
        builder: (y) => pipelineOption(y).positional('name', { type: 'string', demandOption: true, description: 'Step type name' }).example('$0 steps show XGBoostTraining', 'Everything about one step type') as never,
        handler: async (args) => {
          const { renderStep } = await import('../../compiler/explain/describe-step.js');
          const steps = (await library(args)).steps;
          const step = steps.get(args.name!);
          if (!step) {
            const { suggestion } = suggest(args.name!, steps.keys());
            process.stderr.write(`plc: unknown step type "${args.name}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}\nRun plc steps list to see them all.\n`);
            process.exitCode = ExitCode.Usage;
            return;
          }
          process.stdout.write(renderStep(step));
        },
      })
      .demandCommand(1, 'Name a steps command: list or show <name>') as never,
  handler: () => undefined,
};
