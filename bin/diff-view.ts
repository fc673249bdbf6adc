// Prints a definition diff for people (grouped by step, one line per field) or as JSON for tools.
import type { EntryChange } from '../aws/definition-diff.js';

const mark = { added: '+', removed: '-', changed: '~' } as const;

/** Long values (a whole added step) are cut; the JSON output has them in full. */
function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function renderDiffText(pipeline: string, deployed: boolean, changes: readonly EntryChange[]): string {
  if (!deployed) return `${pipeline} is not deployed: deploying creates it\n`;
  if (changes.length === 0) return `${pipeline}: no changes\n`;
  const lines: string[] = [];
  for (const entry of changes) {
    lines.push(`${mark[entry.change]} ${entry.kind} ${entry.name}`);
    if (entry.change !== 'changed') continue;
    for (const field of entry.fields) lines.push(`    ${field.path}: ${show(field.before)} → ${show(field.after)}`);
  }
  const count = (kind: EntryChange['kind']) => changes.filter((c) => c.kind === kind).length;
  lines.push('', `${pipeline}: ${count('step')} step(s), ${count('parameter')} parameter(s) and ${count('pipeline')} pipeline setting(s) differ`);
  return lines.join('\n') + '\n';
}

export function renderDiffJson(pipeline: string, deployed: boolean, changes: readonly EntryChange[]): string {
  return JSON.stringify({ version: 1, pipeline, deployed, changes }, null, 2) + '\n';
}
