// The step catalog in docs/steps/: one Markdown page per built-in step type, generated from the
// step documents themselves (npm run generate:docs), plus an index. A test keeps it current.
import { basename } from 'node:path';
import type { ConfigField, InputPort, OutputPort } from '../../schema/types.generated.js';
import type { StepType } from '../link/step-library.js';
import { stepKind } from '../kinds/registry.js';

/** Text for a Markdown table cell: pipes escaped, line breaks folded. */
const oneLine = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** Prose, where <job type> must not read as an HTML tag. */
const cell = (value: unknown): string => oneLine(value).replace(/</g, '&lt;');

const code = (value: unknown): string => (value === undefined ? '' : `\`${oneLine(value)}\``);

function tableOf(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The page name of a step type: its step file's name, which PLC1012 keeps in kebab-case. */
export const pageOf = (step: StepType): string => basename(step.source.absolutePath).replace(/\.step\.yaml$/, '.md');

function inputRow([name, port]: [string, InputPort]): string[] {
  return [code(name), port.type, port.required === false ? 'optional' : 'required', code(port.path), (port.accepts ?? []).join(', '), cell(port.description)];
}

function outputRow([name, port]: [string, OutputPort]): string[] {
  const extras = [port.aliases?.length ? `aliases ${port.aliases.join(', ')}` : '', port.file ? `file ${port.file}` : '', port.propertyFile ? `property file ${port.propertyFile.name} (${port.propertyFile.path})` : ''].filter(Boolean);
  return [code(name), port.type, code(port.path), cell(extras.join('; ')), cell(port.description)];
}

function fieldRow([name, field]: [string, ConfigField], required: ReadonlySet<string>): string[] {
  const tier = required.has(name) ? 'required' : field.derived !== undefined ? `derived: ${code(field.derived)}` : field.default !== undefined ? `default ${code(field.default)}` : 'optional';
  const allowed = field.enum ? ` One of ${field.enum.map(code).join(', ')}.` : '';
  return [code(name), cell(field.type ?? 'any'), tier, cell(`${field.description ?? ''}${allowed}`)];
}

export function renderStepPage(step: StepType): string {
  const { doc } = step;
  const lines = [`# ${doc.name}`, '', '<!-- Generated from steps/' + basename(step.source.absolutePath) + ' by npm run generate:docs. -->', '', doc.description ?? '', ''];
  lines.push(`- SageMaker kind: ${doc.sagemaker}${doc.role ? ` (${doc.role})` : ''}`);
  lines.push(`- Job types: ${doc.jobTypes?.map(code).join(', ') ?? 'none'}`);
  if (doc.script) lines.push(`- Script: ${code(`${doc.script.sourceDir ? `${doc.script.sourceDir}/` : ''}${doc.script.entryPoint}`)}${doc.script.include ? `, shipping also ${doc.script.include.map(code).join(', ')}` : ''}`);
  // A serving step type's script is read from the model archive's code/ or uploaded (docs/documents.md, "Models that serve").
  if (doc.serving?.code === 'archive') lines.push('- Serving code: read from `code/` in the model archive (`/opt/ml/model/code`), where the model\'s producer packages it');
  else if (doc.script && stepKind(doc.sagemaker).sections.includes('serving')) lines.push('- Serving code: uploaded as a content-addressed `sourcedir.tar.gz` (`SAGEMAKER_SUBMIT_DIRECTORY`)');
  if (doc.compute) {
    const { image } = doc.compute;
    lines.push(`- Image: ${image === undefined ? 'the region\'s image of its kind' : typeof image === 'string' ? code(image) : `${image.framework} ${image.version}`}; instance type ${code(doc.compute.instanceType)}`);
  }
  const inputs = Object.entries(doc.inputs ?? {});
  if (inputs.length > 0) lines.push('', '## Inputs', '', ...tableOf(['port', 'type', 'needed', 'container path', 'accepts', 'description'], inputs.map(inputRow)));
  const outputs = Object.entries(doc.outputs ?? {});
  if (outputs.length > 0) lines.push('', '## Outputs', '', ...tableOf(['port', 'type', 'container path', 'read as', 'description'], outputs.map(outputRow)));
  const required = new Set(doc.config?.required ?? []);
  const fields = Object.entries(doc.config?.properties ?? {});
  if (fields.length > 0) lines.push('', '## Config', '', 'Besides `role` and `outputPrefix`, which every job step takes:', '', ...tableOf(['field', 'type', 'tier', 'description'], fields.map((f) => fieldRow(f, required))));
  const env = Object.entries(doc.script?.env ?? {});
  if (env.length > 0) lines.push('', '## Environment of the script', '', ...tableOf(['variable', 'value'], env.map(([name, value]) => [code(name), code(value)])));
  const variants = Object.entries(doc.variants ?? {});
  if (variants.length > 0) lines.push('', '## Job-type variants', '', ...variants.map(([jobType, variant]) => `- ${code(jobType)} changes ${Object.keys(variant).map(code).join(', ')}`));
  lines.push('', `Use it in a pipeline: \`step: ${doc.name}\`${doc.jobTypes?.length ? `, \`jobType: ${doc.jobTypes[0]}\`` : ''}. \`plc steps show ${doc.name}\` prints the same in a terminal.`);
  return lines.join('\n') + '\n';
}

export function renderStepIndex(steps: readonly StepType[]): string {
  const rows = steps.map((s) => [`[${s.doc.name}](${pageOf(s)})`, s.doc.sagemaker, (s.doc.jobTypes ?? []).join(', '), cell((s.doc.description ?? '').split(/(?<=\.)\s/)[0])]);
  return ['# Built-in step types', '', '<!-- Generated from steps/ by npm run generate:docs. -->', '', ...tableOf(['step type', 'kind', 'job types', 'summary'], rows), ''].join('\n');
}

/** Every page of the catalog by file name, the index as README.md; step types in name order. */
export function renderStepCatalog(steps: readonly StepType[]): Map<string, string> {
  const sorted = [...steps].sort((a, b) => (a.doc.name < b.doc.name ? -1 : 1));
  return new Map([['README.md', renderStepIndex(sorted)], ...sorted.map((s): [string, string] => [pageOf(s), renderStepPage(s)])]);
}
