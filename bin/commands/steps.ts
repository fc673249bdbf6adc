// `plc steps list` and `plc steps show <Name>`: the step types a pipeline can use.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { StepType } from '../../compiler/link/step-library.js';
import { suggest } from '../../compiler/diagnostics/did-you-mean.js';
import type { CliIo, PlcCommand } from '../cli-io.js';
import { ExitCode, usageError } from '../exit.js';
import { reportDiagnostics } from '../report.js';

interface StepsArgs {
  pipeline?: string;
  name?: string;
  format: 'pretty' | 'json';
}

/** A step type for tools: where it is defined and its document as written (variants included). */
const stepJson = (step: StepType) => ({ name: step.doc.name, builtin: step.builtin, file: step.source.displayPath, document: step.doc });

/**
 * The step types of the pipeline given, or else of every pipeline in the working folder (inside a
 * project, its own step types show without -p), or else the built-in ones. `failed`: a library
 * had errors (reported), so the command exits 1 after its listing.
 */
async function library(args: StepsArgs, io: CliIo) {
  const { inspectLibrary } = await import('../../compiler/inspect-library.js');
  const { cwd } = io;
  const pipelines = args.pipeline !== undefined ? [args.pipeline] : readdirSync(cwd).filter((name) => /\.pipeline\.ya?ml$/.test(name) && statSync(join(cwd, name)).isFile()).sort();
  const results = pipelines.length > 0 ? pipelines.map((pipeline) => inspectLibrary({ cwd }, pipeline)) : [inspectLibrary({ cwd })];
  for (const result of results) await reportDiagnostics(io, result.diagnostics, result.sources, 'pretty');
  const failed = results.some((result) => result.diagnostics.some((d) => d.severity === 'error'));
  const steps = new Map(results.flatMap((result) => [...result.library.steps]));
  return { failed, steps };
}

const pipelineOption = (yargs: Argv) =>
  yargs
    .option('pipeline', { alias: 'p', type: 'string', description: "Include this pipeline's own step libraries (its steps: folders; default: every pipeline in the working folder)" })
    .option('format', { type: 'string', default: 'pretty', choices: ['pretty', 'json'] as const, description: 'A table for people, or JSON for tools' });

export const stepsCommand: PlcCommand<StepsArgs> = {
  builder: (yargs, subcommand) =>
    yargs
      .command<StepsArgs>({
        command: 'list',
        describe: 'List step types: kind, job types, where they come from',
        builder: (y) => pipelineOption(y).example('$0 steps list', 'The built-in step types').example('$0 steps list -p pipeline.yaml', "Built-in plus the pipeline's own") as never,
        handler: subcommand<StepsArgs>(async (args, io) => {
          const { renderStepList } = await import('../../compiler/explain/describe-step.js');
          const found = await library(args, io);
          const steps = [...found.steps.values()].sort((a, b) => (a.doc.name < b.doc.name ? -1 : 1));
          io.stdout.write(args.format === 'json' ? JSON.stringify({ version: 1, steps: steps.map(stepJson) }, null, 2) + '\n' : renderStepList(steps));
          return found.failed ? ExitCode.Findings : ExitCode.Ok;
        }),
      })
      .command<StepsArgs>({
        command: 'show <name>',
        describe: 'Show a step type: ports with container paths, config with defaults, job types, script, compute',
        builder: (y) => pipelineOption(y).positional('name', { type: 'string', demandOption: true, description: 'Step type name' }).example('$0 steps show XGBoostTraining', 'Everything about one step type') as never,
        handler: subcommand<StepsArgs>(async (args, io) => {
          const { renderStep } = await import('../../compiler/explain/describe-step.js');
          const found = await library(args, io);
          const step = found.steps.get(args.name!);
          if (!step) {
            const { suggestion } = suggest(args.name!, found.steps.keys());
            return usageError(io, `unknown step type "${args.name}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}\nRun plc steps list to see them all.`);
          }
          io.stdout.write(args.format === 'json' ? JSON.stringify({ version: 1, step: stepJson(step) }, null, 2) + '\n' : renderStep(step));
          return found.failed ? ExitCode.Findings : ExitCode.Ok;
        }),
      })
      .demandCommand(1, 'Name a steps command: list or show <name>') as never,
  // yargs runs the subcommand's handler; demandCommand stops a run without one.
  handler: async () => ExitCode.Usage,
};
