// `plc new step <Name> --kind <kind>`: a step type that passes plc check as written, with a script
// and its test for the kinds that run one (bin/scaffold/step-templates.ts, each kind's template in compiler/kinds/<kind>/scaffold.ts). Like plc init it never
// overwrites: when any file it would write exists, it writes nothing and says which (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { CommandModule } from 'yargs';
import { toKebabCase, toPascalCase, toSnakeCase } from '../../compiler/check/naming.js';
import { schemaPath } from '../../schema/paths.js';
import type { PlcCommand, Subcommand } from '../cli-io.js';
import { ExitCode, usageError } from '../exit.js';
import { reportDiagnostics } from '../report.js';
import { writeOutputs } from '../write-outputs.js';
import { scriptTestsFolder } from '../scaffold/script-templates.js';
import { kindOptions, stepFiles } from '../scaffold/step-templates.js';

interface NewStepArgs {
  name: string;
  kind: string;
  dir: string;
}

const newStepCommand = (subcommand: Subcommand): CommandModule<object, NewStepArgs> => ({
  command: 'step <name>',
  describe: 'Create a step type: its step document and, for processing, training and tuning, a Python script and its test',
  builder: (yargs) =>
    yargs
      .positional('name', { type: 'string', demandOption: true, description: 'The step type name, PascalCase (the file is its kebab-case: MyStep → my-step.step.yaml)' })
      .option('kind', { type: 'string', default: [...kindOptions.keys()][0], choices: [...kindOptions.keys()], description: 'The SageMaker kind it lowers to' })
      .option('dir', { type: 'string', default: 'steps', description: "The project's step folder (a pipeline lists it under steps:)" })
      .example('$0 new step CleanData', 'A processing step type, script and test')
      .example('$0 new step Ranker --kind training', 'A training step type (script mode)')
      .example('$0 new step Notify --kind lambda --dir lib', 'A Lambda step type in lib/')
      .epilogue('Then use it in a pipeline (steps: [./steps], a node with step: <Name>) and run plc check.') as never,
  handler: subcommand<NewStepArgs>(async (args, io) => {
    const { cwd } = io;
    const { name, kind } = args;
    const schemaText = readFileSync(schemaPath('step.schema.json'), 'utf8');
    // The schema's own rule for names, so the two cannot drift apart.
    const stepNamePattern = new RegExp((JSON.parse(schemaText) as { properties: { name: { pattern: string } } }).properties.name.pattern);
    if (!stepNamePattern.test(name)) {
      const fix = toPascalCase(name);
      return usageError(io, `"${name}" is not a step type name: a PascalCase name is a capital letter, then letters and digits (at most 64)${stepNamePattern.test(fix) ? `; did you mean "${fix}"?` : ''}`);
    }
    const { inspectLibrary } = await import('../../compiler/driver.js');
    const builtin = inspectLibrary({ cwd });
    if (builtin.diagnostics.some((d) => d.severity === 'error')) {
      await reportDiagnostics(io, builtin.diagnostics, builtin.sources, 'pretty');
      return ExitCode.Internal;
    }
    if (builtin.library.steps.has(name)) return usageError(io, `${name} is a built-in step type (plc steps show ${name}); choose another name`);

    const { pipelineSchema, stepSchema } = await import('../scaffold/project-files.js');
    const dir = resolve(cwd, args.dir);
    const schemaFile = join(cwd, stepSchema);
    const modeline = relative(dir, schemaFile).split(sep).join('/');
    const files = stepFiles({ name, kebab: toKebabCase(name), snake: toSnakeCase(name) }, kind, modeline).map((file) => ({ ...file, path: join(dir, file.path) }));
    // A project made without plc init gets the schema its modeline names; an existing one is kept.
    if (!existsSync(schemaFile)) files.push({ path: schemaFile, contents: schemaText });
    const shown = (path: string) => relative(cwd, path);
    const existing = files.filter((file) => existsSync(file.path)).map((file) => shown(file.path));
    if (existing.length > 0) return usageError(io, `new step writes nothing, since these files exist: ${existing.join(', ')}\nChoose another name, or move them away first.`);
    if (!writeOutputs(io, files)) return ExitCode.Usage;
    // The editor knows the new step type at once: the project's generated schema is regenerated.
    const { freshSchemaText } = await import('../../compiler/editor-schema/project-schema.js');
    const projectSchema = join(cwd, pipelineSchema);
    const fresh = freshSchemaText(projectSchema, cwd);
    if (fresh !== undefined && fresh !== readFileSync(projectSchema, 'utf8')) {
      if (!writeOutputs(io, [{ path: projectSchema, contents: fresh }])) return ExitCode.Usage;
      files.push({ path: projectSchema, contents: fresh });
    }
    const hasScript = files.some((file) => file.path.endsWith('.py'));
    // As a pipeline in this folder would list it under steps:.
    const library = shown(dir) === '' ? '.' : shown(dir).startsWith('..') ? shown(dir) : `./${shown(dir)}`;
    io.stdout.write(`Created the ${kindOptions.get(kind)!.name} step type ${name}:\n${files.map((f) => `  ${shown(f.path)}`).join('\n')}\n`
      + `Next: use it in a pipeline (steps: [${library}], a node with step: ${name}), then npx plc check`
      + `${hasScript ? `\nTest its script: python3 -m unittest discover -s ${shown(join(dir, scriptTestsFolder))}` : ''}\n`);
    return ExitCode.Ok;
  }),
});

export const newCommand: PlcCommand<object> = {
  builder: (yargs, subcommand) => yargs.command(newStepCommand(subcommand)).demandCommand(1, 'Name what to create: plc new step <Name>'),
  // yargs runs the subcommand's handler; demandCommand stops a run without one.
  handler: async () => ExitCode.Usage,
};
