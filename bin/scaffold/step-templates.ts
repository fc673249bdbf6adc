// The step documents `plc new step` writes: the header every step document has, then the body of
// the kind's own template (compiler/kinds/<kind>/scaffold.ts, found through the registry), and
// for the kinds that run a script, the script and its test (script-templates.ts).
// Pure: it returns paths (relative to the step folder) and contents; the command writes them.
import type { StepNames } from '../../compiler/kinds/scaffold.js';
import { stepKinds } from '../../compiler/kinds/registry.js';
import type { ProjectFile } from './project-files.js';
import { scriptFiles } from './script-templates.js';

/** Each --kind value and the kind it creates, in registry order. */
export const kindOptions: ReadonlyMap<string, (typeof stepKinds)[number]> = new Map(stepKinds.map((kind) => [kind.scaffold.option, kind]));

/**
 * The step document and, for the kinds that run a script, the script and its test.
 * `schema` is the step schema's path relative to the step folder, for the editor's modeline.
 */
export function stepFiles(names: StepNames, option: string, schema: string): ProjectFile[] {
  const kind = kindOptions.get(option)!;
  const { body, runs, what } = kind.scaffold;
  const document = `# yaml-language-server: $schema=${schema}
kind: Step
name: ${names.name}
sagemaker: ${kind.name}
role: internal
description: "TODO: say what ${names.name} does (a ${what})."
${body(names)}`;
  return [{ path: `${names.kebab}.step.yaml`, contents: document }, ...(runs ? scriptFiles(names, runs) : [])];
}
