// The examples of a rule's documentation (compiler/diagnostics/rules/<band>/PLCnnnn.md): each
// `## Trips` and `## Fixed` section is one example, a set of files (fenced blocks whose info string
// names the file: ```yaml file=train.pipeline.yaml) and optionally the plc commands to run on them
// (a ```sh block; without one the example is checked with `plc check .`). A fenced block anywhere
// else, or one that is neither a file nor commands, is a fragment no test could run: an error.

export interface RuleExample {
  readonly kind: 'trips' | 'fixed';
  readonly files: readonly { path: string; text: string }[];
  /** Command lines of a ```sh block, each starting with `plc `. */
  readonly commands: readonly string[];
  /** Words of the sh block's info string after `sh` (for example a server the commands need). */
  readonly needs: readonly string[];
}

export interface ParsedRuleDoc {
  readonly examples: readonly RuleExample[];
  readonly problems: readonly string[];
}

const heading = /^## (Trips|Fixed)\s*$/;
const fence = /^(`{3,})(.*)$/;

export function parseRuleDoc(markdown: string): ParsedRuleDoc {
  const examples: { kind: 'trips' | 'fixed'; files: { path: string; text: string }[]; commands: string[]; needs: string[] }[] = [];
  const problems: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const section = heading.exec(line);
    if (section) {
      examples.push({ kind: section[1] === 'Trips' ? 'trips' : 'fixed', files: [], commands: [], needs: [] });
      continue;
    }
    if (/^## /.test(line) && examples.length > 0) {
      problems.push(`line ${i + 1}: "${line}" after the examples; Trips and Fixed sections come last`);
      continue;
    }
    const open = fence.exec(line);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== open[1]) body.push(lines[j++]!);
    if (j === lines.length) problems.push(`line ${i + 1}: a fenced block that is never closed`);
    const info = open[2]!.trim().split(/\s+/);
    const file = info.find((word) => word.startsWith('file='))?.slice('file='.length);
    const example = examples.at(-1);
    if (example === undefined) problems.push(`line ${i + 1}: a fenced block before the first "## Trips"; examples belong in Trips/Fixed sections`);
    else if (file !== undefined) example.files.push({ path: file, text: body.join('\n') + '\n' });
    else if (info[0] === 'sh') {
      const commands = body.filter((command) => command.trim() !== '' && !command.trimStart().startsWith('#'));
      for (const command of commands) if (!command.startsWith('plc ')) problems.push(`line ${i + 1}: "${command}" is not a plc command`);
      example.commands.push(...commands);
      example.needs.push(...info.slice(1));
    } else problems.push(`line ${i + 1}: a \`\`\`${open[2]} block with no file=<path>; an example is files and plc commands`);
    i = j;
  }
  for (const [n, example] of examples.entries()) if (example.files.length === 0 && example.commands.length === 0) problems.push(`example ${n + 1} (${example.kind}) has no files`);
  if (!examples.some((e) => e.kind === 'trips')) problems.push('no "## Trips" example');
  if (!examples.some((e) => e.kind === 'fixed')) problems.push('no "## Fixed" example');
  return { examples, problems };
}
