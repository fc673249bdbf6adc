// What `plc steps list` and `plc steps show <Name>` print about step types.
import type { ConfigField } from '../../schema/types.generated.js';
import type { StepType } from '../link/step-library.js';

const table = (rows: string[][]): string[] => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
};

export function renderStepList(steps: readonly StepType[]): string {
  const rows = [...steps]
    .sort((a, b) => (a.doc.name < b.doc.name ? -1 : 1))
    .map((s) => [s.doc.name, s.doc.sagemaker, (s.doc.jobTypes ?? []).join(',') || '-', s.builtin ? 'built-in' : s.source.displayPath, (s.doc.description ?? '').split(/(?<=\.)\s/)[0]!]);
  return table([['STEP TYPE', 'KIND', 'JOB TYPES', 'FROM', 'DESCRIPTION'], ...rows]).join('\n') + '\n';
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function describeField(name: string, field: ConfigField, required: boolean): string[] {
  const tier = required ? 'required' : field.derived !== undefined ? `derived ${field.derived}` : field.default !== undefined ? `default ${show(field.default)}` : 'optional';
  return [name, field.type ?? 'any', tier, field.description ?? ''];
}

export function renderStep(step: StepType): string {
  const { doc } = step;
  const lines = [`${doc.name} — ${doc.sagemaker}${doc.role ? `, ${doc.role}` : ''} (${step.source.displayPath})`];
  if (doc.description) lines.push(`  ${doc.description}`);
  lines.push('', `job types: ${doc.jobTypes?.join(', ') ?? 'none'}`);
  const ports = (title: string, entries: [string, { type: string; path?: string; required?: boolean; aliases?: string[]; description?: string }][]) => {
    if (entries.length === 0) return;
    lines.push('', `${title}:`);
    lines.push(...table(entries.map(([name, p]) => [name, p.type, p.path ?? '-', title === 'inputs' ? (p.required === false ? 'optional' : 'required') : p.aliases?.length ? `aliases ${p.aliases.join(', ')}` : '', p.description ?? ''])).map((l) => `  ${l}`));
  };
  ports('inputs', Object.entries(doc.inputs ?? {}));
  ports('outputs', Object.entries(doc.outputs ?? {}));
  const required = new Set(doc.config?.required ?? []);
  const fields = Object.entries(doc.config?.properties ?? {});
  if (fields.length > 0) {
    lines.push('', 'config (besides role and outputPrefix):');
    lines.push(...table(fields.map(([name, field]) => describeField(name, field, required.has(name)))).map((l) => `  ${l}`));
  }
  if (doc.script) {
    lines.push('', `script: ${doc.script.sourceDir ? `${doc.script.sourceDir}/` : ''}${doc.script.entryPoint}`);
    if (doc.script.include) lines.push(`  ships also: ${doc.script.include.join(', ')}`);
    for (const [name, value] of Object.entries(doc.script.env ?? {})) lines.push(`  env ${name} = ${show(value)}`);
    if (doc.script.arguments?.length) lines.push(`  arguments: ${doc.script.arguments.map(show).join(' ')}`);
  }
  if (doc.processing) {
    const { containerEntrypoint, containerArguments, env } = doc.processing;
    lines.push('', `container: ${containerEntrypoint ? containerEntrypoint.join(' ') : "the image's own ENTRYPOINT"}`);
    for (const [name, value] of Object.entries(env ?? {})) lines.push(`  env ${name} = ${show(value)}`);
    if (containerArguments?.length) lines.push(`  arguments: ${containerArguments.map(show).join(' ')}`);
  }
  if (doc.compute) {
    const { image, instanceType, instanceCount, volumeSizeGB } = doc.compute;
    const imageText = image === undefined ? 'the kind\'s own image' : typeof image === 'string' ? image : `${image.framework} ${image.version}${image.processor ? ` (${image.processor})` : ''}`;
    // Model and registration step types name only an image: they run no job of their own.
    const job = instanceType === undefined && instanceCount === undefined && volumeSizeGB === undefined ? '' : `, ${show(instanceType)} × ${show(instanceCount ?? 1)}, ${show(volumeSizeGB ?? 30)} GB`;
    lines.push('', `compute: ${imageText}${job}`);
  }
  const variants = Object.entries(doc.variants ?? {});
  if (variants.length > 0) {
    lines.push('', 'variants:');
    for (const [jobType, variant] of variants) lines.push(`  ${jobType}: changes ${Object.keys(variant).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
